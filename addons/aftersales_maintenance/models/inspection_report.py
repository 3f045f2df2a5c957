# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import UTC, timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_base.lang import in_company_lang
from odoo.addons.aftersales_repair.models.service_request_visit import check_signature_image

REPORT_STATES = [("draft", "Draft"), ("submitted", "Submitted"), ("cancelled", "Cancelled")]
RESULTS = [("ok", "OK"), ("not_ok", "Not OK")]
# What a submitted report may still have written: the chatter's bookkeeping
# and the portal's access token, never its content.
_BOOKKEEPING_PREFIXES = ("message_", "activity_", "website_message", "access_token")


class AftersalesInspectionReport(models.Model):
    """The inspection report of one visit (P2, 巡检报告): the checklist of the
    job, copied when the report is made, each line ok / not ok or measured
    against its range; findings, recommendations, photos and the customer's
    signature. Submitted only with the visit's evidence (the technician's
    recorded arrival, the signature, the photos the checklist asks for),
    which the report keeps as it was at submission: the basis of a later
    "false inspection report" fine (R1). Submitted, it is read-only and its
    PDF goes to the customer (mail, portal)."""

    _name = "aftersales.inspection.report"
    _description = "Inspection Report"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "aftersales.batch.mixin",
        "aftersales.numbered.mixin",
        "aftersales.process.mixin",
    ]
    _sequence_code = "aftersales.inspection.report"
    _order = "id desc"
    _check_company_auto = True
    # Written only by the report's steps (X6): _set_state and the signature.
    _process_fields = (
        "state",
        "request_id",
        "date_signed",
        "date_submitted",
        "submitted_by_id",
        "date_inspection",
        "evidence_date_arrival",
        "evidence_date_signed",
        "evidence_photo_count",
        "evidence_out_of_range_count",
        "pdf_to_send",
    )

    state = fields.Selection(
        REPORT_STATES, default="draft", required=True, readonly=True, copy=False, tracking=True
    )
    request_id = fields.Many2one(
        "aftersales.service.request",
        string="Service Request",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="request_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(
        related="request_id.partner_id", string="Customer", store=True, precompute=True
    )
    commercial_partner_id = fields.Many2one(
        related="request_id.commercial_partner_id", store=True, index=True, precompute=True
    )
    contract_id = fields.Many2one(
        related="request_id.contract_id", store=True, index=True, precompute=True
    )
    lot_id = fields.Many2one(related="request_id.lot_id", store=True, precompute=True)
    product_id = fields.Many2one(related="request_id.product_id", store=True, precompute=True)
    user_id = fields.Many2one(
        related="request_id.user_id", string="Technician", store=True, index=True, precompute=True
    )
    date_arrival = fields.Datetime(related="request_id.date_arrival", string="Arrived At")
    template_id = fields.Many2one(
        "aftersales.checklist.template", string="Checklist", readonly=True, copy=False
    )
    photos_required = fields.Boolean(related="template_id.photos_required")
    line_ids = fields.One2many(
        "aftersales.inspection.report.line", "report_id", string="Check Items", copy=False
    )
    findings = fields.Text(tracking=True)
    recommendations = fields.Text(tracking=True)
    photo_ids = fields.Many2many(
        "ir.attachment",
        "aftersales_inspection_report_photo_rel",
        "report_id",
        "attachment_id",
        string="Photos",
        copy=False,
    )
    photo_count = fields.Integer(compute="_compute_photo_count")
    out_of_range_count = fields.Integer(compute="_compute_out_of_range_count", store=True)
    customer_signature = fields.Binary(copy=False, attachment=True)
    signed_by = fields.Char(copy=False)
    date_signed = fields.Datetime(readonly=True, copy=False)
    date_submitted = fields.Datetime(readonly=True, copy=False, tracking=True)
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_inspection = fields.Date(
        string="Inspection Date",
        readonly=True,
        copy=False,
        index=True,
        help="The day of the visit on the company's clock (its arrival), set on submission.",
    )
    # The evidence the report had when it was submitted (R1's basis).
    evidence_date_arrival = fields.Datetime(string="Arrival Recorded", readonly=True, copy=False)
    evidence_date_signed = fields.Datetime(string="Signed At", readonly=True, copy=False)
    evidence_photo_count = fields.Integer(string="Photos Submitted", readonly=True, copy=False)
    evidence_out_of_range_count = fields.Integer(
        string="Out of Range at Submission", readonly=True, copy=False
    )
    pdf_to_send = fields.Boolean(
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The PDF is rendered and sent to the customer by a scheduled job after submission.",
    )

    _one_report_per_request = models.UniqueIndex(
        "(request_id) WHERE state != 'cancelled'",
        "A visit has one inspection report (cancel it to make another).",
    )

    @api.depends("line_ids.photo", "photo_ids")
    def _compute_photo_count(self):
        for report in self:
            report.photo_count = len(report.photo_ids) + len(
                report.line_ids.filtered(lambda line: line.photo)
            )

    @api.depends("line_ids.out_of_range")
    def _compute_out_of_range_count(self):
        for report in self:
            report.out_of_range_count = len(report.line_ids.filtered("out_of_range"))

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for report in self:
            report.access_url = f"/my/inspections/{report.id}"
        return res

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Inspection Report - %s", self.name)

    # -- creation: one per request, the checklist copied ---------------------
    @api.model
    def _prepare_line_vals(self, item):
        """The report line of a checklist item (its range copied: a later
        change of the template does not change a report)."""
        return {
            "item_id": item.id,
            "sequence": item.sequence,
            "name": item.name,
            "kind": item.kind,
            "uom": item.uom,
            "value_min": item.value_min,
            "value_max": item.value_max,
            "photo_required": item.photo_required,
        }

    @api.model
    def _prepare_report_vals(self, request):
        template = request.checklist_template_id
        return {
            "request_id": request.id,
            "template_id": template.id,
            "line_ids": [
                Command.create(self._prepare_line_vals(item)) for item in template.item_ids
            ],
        }

    @api.model_create_multi
    def create(self, vals_list):
        """Reports are made from their request (``_create_for_requests``):
        its technician or supervisor, the checklist copied (X6)."""
        if not self._process_write_allowed():
            raise UserError(
                self.env._(
                    "An inspection report is made from its service request "
                    "(the “Inspection Report” button)."
                )
            )
        return super().create(vals_list)

    @api.model
    def _create_for_requests(self, requests):
        """The inspection reports of ``requests`` (jobs with a checklist),
        made by their technician or supervisor."""
        requests._ensure_own_job(self.env._("make the inspection report of"))
        for request in requests:
            if not request.checklist_template_id:
                raise UserError(self.env._("%s has no inspection checklist.", request.name))
            if request.state in ("done", "cancelled"):
                raise UserError(
                    self.env._(
                        "%s is closed: its inspection report cannot be made now.", request.name
                    )
                )
        vals_list = [self._prepare_report_vals(request) for request in requests]
        return self._create_process(vals_list)

    # -- filling: the job's technician (or supervisor), in draft only ---------
    def _is_bookkeeping(self, vals):
        return all(name.startswith(_BOOKKEEPING_PREFIXES) for name in vals)

    def _ensure_fillable(self, action=None):
        """The report is a draft and the user is the job's technician or its
        supervisor (a manager): only they fill it in."""
        for report in self:
            if report.state != "draft":
                raise UserError(
                    self.env._(
                        "%s is submitted or cancelled: it cannot be changed any more.",
                        report.name,
                    )
                )
        self.request_id._ensure_own_job(action or self.env._("fill in the inspection report of"))
        return True

    def write(self, vals):
        if self._process_write_allowed() or self._is_bookkeeping(vals):
            return super().write(vals)
        self._ensure_fillable()
        sign = "customer_signature" in vals
        if sign and vals["customer_signature"]:
            check_signature_image(
                self.env, vals["customer_signature"], self.env._("The customer's signature")
            )
        res = super().write(vals)
        if sign:
            now = fields.Datetime.now() if vals["customer_signature"] else False
            self._write_process({"date_signed": now})
        return res

    # -- the one transition method -------------------------------------------
    def _set_state(self, new_state, extra_vals=None):
        """Moves the reports to ``new_state`` (draft → submitted, draft or
        submitted → cancelled) after checking who does it; the step's own
        invariants are checked by its action before."""
        transitions = {"draft": ("submitted", "cancelled"), "submitted": ("cancelled",)}
        labels = dict(self._fields["state"]._description_selection(self.env))
        for report in self:
            if new_state not in transitions.get(report.state, ()):
                raise UserError(
                    self.env._(
                        "%(name)s is “%(state)s”: it cannot become “%(new)s”.",
                        name=report.name,
                        state=labels[report.state],
                        new=labels[new_state],
                    )
                )
        if new_state == "cancelled":
            for report in self:
                report.request_id._ensure_zone_dispatcher(
                    self.env._("cancel the inspection report of")
                )
        else:
            self.request_id._ensure_own_job(self.env._("submit the inspection report of"))
        return self._write_process(dict(extra_vals or {}, state=new_state))

    def _check_evidence(self):
        """What a report needs to be submitted (P2): the technician recorded
        his arrival, the customer signed after it, every line has its result,
        and the photos the checklist asks for are there."""
        for report in self:
            request = report.request_id
            if not request.date_arrival:
                raise UserError(
                    self.env._(
                        "%(report)s cannot be submitted: the technician has not recorded his "
                        "arrival at the customer's on %(request)s.",
                        report=report.name,
                        request=request.name,
                    )
                )
            if not report.customer_signature or not report.signed_by:
                raise UserError(
                    self.env._(
                        "%s cannot be submitted: the customer must sign it (signature and name).",
                        report.name,
                    )
                )
            if report.date_signed and report.date_signed < request.date_arrival:
                raise UserError(
                    self.env._(
                        "%s was signed before the technician arrived: the customer signs it "
                        "on site, after the inspection.",
                        report.name,
                    )
                )
            empty = report.line_ids.filtered(lambda line: not line.result)
            if empty:
                raise UserError(
                    self.env._(
                        "%(report)s cannot be submitted: no result for %(items)s.",
                        report=report.name,
                        items=", ".join(f"“{name}”" for name in empty.mapped("name")),
                    )
                )
            unphotographed = report.line_ids.filtered(
                lambda line: line.photo_required and not line.photo
            )
            if unphotographed:
                raise UserError(
                    self.env._(
                        "%(report)s cannot be submitted: a photo is required for %(items)s.",
                        report=report.name,
                        items=", ".join(f"“{name}”" for name in unphotographed.mapped("name")),
                    )
                )
            if report.photos_required and not report.photo_count:
                raise UserError(
                    self.env._(
                        "%s cannot be submitted: its checklist requires at least one photo.",
                        report.name,
                    )
                )
        return True

    def action_submit(self):
        """The technician submits the report on site (P2): with its evidence,
        recorded on it; the PDF goes to the customer after the click."""
        self.request_id._ensure_own_job(self.env._("submit the inspection report of"))
        self._ensure_state(["draft"], self.env._("Submit"))
        self._check_evidence()
        now = fields.Datetime.now()
        for report in self:
            company = report.company_id
            arrival = report.request_id.date_arrival
            local_day = arrival.replace(tzinfo=UTC).astimezone(company._aftersales_tz()).date()
            report._set_state(
                "submitted",
                {
                    "date_submitted": now,
                    "submitted_by_id": self.env.user.id,
                    "date_inspection": local_day,
                    "evidence_date_arrival": arrival,
                    "evidence_date_signed": report.date_signed,
                    "evidence_photo_count": report.photo_count,
                    "evidence_out_of_range_count": report.out_of_range_count,
                    "pdf_to_send": True,
                },
            )
            report._sign_request()
            report.message_post(
                body=Markup("%s")
                % self.env._(
                    "Inspection report submitted: arrival recorded at %(arrival)s, signed by "
                    "%(signer)s, %(photos)s photo(s), %(out)s value(s) out of range.",
                    arrival=fields.Datetime.to_string(arrival),
                    signer=report.signed_by,
                    photos=report.photo_count,
                    out=report.out_of_range_count,
                )
            )
        self._schedule_pdf_sending()
        return True

    def _sign_request(self):
        """The customer signs once: the job's voucher takes the report's
        signature when it has none yet (S6)."""
        self.ensure_one()
        request = self.request_id
        if request.state == "on_site" and not request.customer_signature:
            request._sign(
                {"customer_signature": self.customer_signature, "signed_by": self.signed_by}
            )

    def action_cancel(self):
        """A supervisor (or manager) cancels a report, e.g. a false one; the
        visit may then get a new report."""
        self._set_state("cancelled")
        return True

    # -- the PDF to the customer, after the click -----------------------------
    def _schedule_pdf_sending(self):
        cron = self.env.ref(
            "aftersales_maintenance.ir_cron_send_inspection_reports", raise_if_not_found=False
        )
        if cron:
            cron.sudo()._trigger()

    @api.model
    @in_company_lang
    def _cron_send_inspection_reports(self, batch_size=20):
        """Renders the PDF of each report submitted since the last run,
        posts it in the chatter and mails it to the customer (P2)."""
        return self._run_batches(lambda: self._send_pdf_batch(batch_size))

    @api.model
    def _send_pdf_batch(self, limit):
        reports = self._locked_batch([("pdf_to_send", "=", True)], limit)
        if not reports:
            return 0
        reports._send_pdf()
        return len(reports)

    def _render_pdf_attachment(self):
        self.ensure_one()
        report = self.env.ref("aftersales_maintenance.action_report_inspection")
        content, _type = report._render_qweb_pdf(report.id, self.ids)
        return self.env["ir.attachment"].create(
            {
                "name": f"{self._get_report_base_filename()}.pdf",
                "datas": base64.b64encode(content),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/pdf",
            }
        )

    def _send_pdf(self):
        template = self.env.ref("aftersales_maintenance.mail_template_inspection_report")
        self._write_process({"pdf_to_send": False})
        for report in self:
            attachment = report._render_pdf_attachment()
            report.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=report.partner_id.ids,
                attachment_ids=attachment.ids,
            )

    # -- the monthly per-system report (篇九) ---------------------------------
    @api.model
    def _month_domain(self, contract, month):
        """The submitted inspections of ``contract`` in the company-local
        month of the date ``month``."""
        first = month.replace(day=1)
        after = (first + timedelta(days=32)).replace(day=1)
        return [
            ("contract_id", "=", contract.id),
            ("state", "=", "submitted"),
            ("date_inspection", ">=", first),
            ("date_inspection", "<", after),
        ]


class AftersalesInspectionReportLine(models.Model):
    """One check of an inspection report (P2): ok / not ok, or a measured
    value flagged when out of its range; a photo when the item asks for it."""

    _name = "aftersales.inspection.report.line"
    _description = "Inspection Report Check Item"
    _order = "report_id, sequence, id"

    report_id = fields.Many2one(
        "aftersales.inspection.report", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    item_id = fields.Many2one("aftersales.checklist.item", string="Checklist Item", readonly=True)
    name = fields.Char(string="Check Item", required=True)
    kind = fields.Selection(
        [("check", "OK / Not OK"), ("measure", "Measured Value")],
        required=True,
        default="check",
    )
    uom = fields.Char(string="Unit")
    value_min = fields.Float(string="Minimum")
    value_max = fields.Float(string="Maximum")
    photo_required = fields.Boolean()
    result = fields.Selection(RESULTS)
    value_measured = fields.Float(string="Measured Value", digits=(16, 3))
    value_recorded = fields.Boolean(
        readonly=True, help="A value was measured (a measurement of 0 is one too)."
    )
    out_of_range = fields.Boolean(compute="_compute_out_of_range", store=True)
    photo = fields.Image(max_width=1920, max_height=1920, attachment=True)
    note = fields.Char()

    @api.depends("kind", "value_measured", "value_recorded", "value_min", "value_max")
    def _compute_out_of_range(self):
        for line in self:
            line.out_of_range = (
                line.kind == "measure"
                and line.value_recorded
                and not (line.value_min <= line.value_measured <= line.value_max)
            )

    def _range_result(self, value):
        self.ensure_one()
        return "ok" if self.value_min <= value <= self.value_max else "not_ok"

    @api.onchange("value_measured")
    def _onchange_value_measured(self):
        for line in self:
            if line.kind == "measure":
                line.value_recorded = True
                line.result = line._range_result(line.value_measured)

    def _in_report_step(self):
        return self.env["aftersales.inspection.report"]._in_process_step()

    @api.model_create_multi
    def create(self, vals_list):
        if not self._in_report_step():
            reports = self.env["aftersales.inspection.report"].browse(
                {vals.get("report_id") for vals in vals_list}
            )
            reports._ensure_fillable()
        lines = super().create(vals_list)
        for line, vals in zip(lines, vals_list, strict=True):
            if "value_measured" in vals and line.kind == "measure":
                line._record_value(vals)
        return lines

    def write(self, vals):
        if not self._in_report_step():
            self.report_id._ensure_fillable()
        res = super().write(vals)
        if "value_measured" in vals:
            for line in self.filtered(lambda line: line.kind == "measure"):
                line._record_value(vals)
        return res

    def _record_value(self, vals):
        """A measured value was entered: recorded, and its result is the
        range's unless the technician gave one."""
        values = {"value_recorded": True}
        if "result" not in vals:
            values["result"] = self._range_result(self.value_measured)
        return self.write(values)

    def unlink(self):
        if not self._in_report_step():
            self.report_id._ensure_fillable()
        return super().unlink()

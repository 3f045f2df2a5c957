# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.aftersales_base.lang import in_company_lang

LIABILITIES = [
    ("workmanship", "Our workmanship"),
    ("supplier_material", "Supplier material"),
    ("customer_material", "Customer-supplied material"),
    ("misuse", "Customer misuse"),
    ("wear", "Normal wear"),
    ("other", "Other"),
]
COST_SPLITS = [("company", "Company"), ("customer", "Customer"), ("shared", "Shared")]
# Who pays by default for each liability (W4).
DEFAULT_SPLIT = {
    "workmanship": "company",
    "supplier_material": "company",
    "customer_material": "customer",
    "misuse": "customer",
    "wear": "customer",
}


# What a customer's signature may be: a picture (SVG, which can carry
# scripts, is not one here).
SIGNATURE_MIMETYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")


def check_signature_image(env, value, label):
    """``value`` (base64, as binary fields hold it) is an image; else a
    ValidationError naming ``label`` (issue 12)."""
    if not value:
        return
    try:
        raw = base64.b64decode(value, validate=False)
    except (binascii.Error, ValueError):
        raw = b""
    mimetype = guess_mimetype(raw, default="application/octet-stream")
    if mimetype not in SIGNATURE_MIMETYPES:
        raise ValidationError(
            env._(
                "%(label)s must be an image (PNG, JPEG, GIF or WebP), not %(mimetype)s.",
                label=label,
                mimetype=mimetype,
            )
        )


# One concept per file: the request's register, dispatch, visit and
# escalations extend the same model from their own files.
class AftersalesServiceRequest(models.Model):
    """The visit (S5, S6, S16): arrival (the SLA is measured there), the
    on-site conduct checklist, the diagnosis and, for a warranty claim, the
    liability and who pays (W3, W4); fixed on site, the customer signs and the
    voucher is filed; otherwise the product goes to the workshop (S7)."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited

    diagnosis = fields.Text(tracking=True)
    conduct_check_ids = fields.One2many(
        "aftersales.conduct.check", "request_id", string="On-Site Checklist"
    )
    customer_signature = fields.Binary(copy=False, attachment=True)
    signed_by = fields.Char(copy=False)
    date_signed = fields.Datetime(readonly=True, copy=False)
    voucher_to_file = fields.Boolean(
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The signed voucher is rendered and filed by a scheduled job after the closing.",
    )
    liability = fields.Selection(LIABILITIES, tracking=True)
    cost_split = fields.Selection(
        COST_SPLITS,
        compute="_compute_cost_split",
        store=True,
        precompute=True,
        readonly=False,
        tracking=True,
    )
    customer_share = fields.Float(
        string="Customer Share (%)",
        compute="_compute_cost_split",
        store=True,
        precompute=True,
        readonly=False,
        tracking=True,
    )
    repair_id = fields.Many2one("repair.order", string="Repair Order", readonly=True, copy=False)
    receipt_id = fields.Many2one(
        "aftersales.goods.receipt", string="Product Receipt", readonly=True, copy=False
    )

    _customer_share_range = models.Constraint(
        "CHECK(customer_share >= 0 AND customer_share <= 100)",
        "The customer's share is a percentage between 0 and 100.",
    )

    @api.depends("liability")
    def _compute_cost_split(self):
        for request in self:
            split = DEFAULT_SPLIT.get(request.liability, request.cost_split or "company")
            request.cost_split = split
            request.customer_share = {"company": 0.0, "customer": 100.0}.get(
                split, request.customer_share or 50.0
            )

    @api.constrains("customer_signature")
    def _check_customer_signature(self):
        for request in self:
            if request.customer_signature:
                check_signature_image(
                    self.env,
                    request.customer_signature,
                    self.env._("The customer's signature of %s", request.name),
                )

    def _check_can_sign(self, sign_vals):
        """The sign step (S6): the customer signs the voucher on site, on the
        technician's (or the supervisor's) device, before the job is closed;
        never afterwards, never by the desk (X6)."""
        for request in self:
            if request.state != "on_site":
                raise UserError(
                    self.env._(
                        "The customer signs the voucher of %s on site, before it is closed: "
                        "a signature cannot be changed now.",
                        request.name,
                    )
                )
        self._ensure_own_job(self.env._("take the customer's signature"))
        if sign_vals.get("customer_signature"):
            check_signature_image(
                self.env, sign_vals["customer_signature"], self.env._("The customer's signature")
            )
        return True

    def _sign(self, sign_vals):
        """Writes the signature and who signed, dated now."""
        self._check_can_sign(sign_vals)
        vals = dict(sign_vals)
        if "customer_signature" in vals:
            vals["date_signed"] = fields.Datetime.now() if vals["customer_signature"] else False
        return self._write_process(vals)

    def _check_technician(self):
        return self._ensure_own_job(self.env._("record the visit of"))

    def action_arrive(self):
        """The technician is at the customer's: the SLA is measured now."""
        self._check_technician()
        if self.filtered(lambda r: r.state != "dispatched"):
            raise UserError(self.env._("Only a dispatched request can be visited."))
        items = self.env["aftersales.conduct.item"].search([("kind", "in", ("conduct", "safety"))])
        for request in self:
            wanted = items.filtered(
                lambda i, r=request: i.kind == "conduct" or r.request_type_id.safety_checklist
            )
            request._set_state(
                "on_site",
                {
                    "date_arrival": fields.Datetime.now(),
                    "conduct_check_ids": [Command.create({"item_id": i.id}) for i in wanted],
                },
            )
        return True

    def _check_ready_to_close(self):
        for request in self:
            if not request.diagnosis:
                raise UserError(self.env._("Write the diagnosis of %s first.", request.name))
            if not request.customer_signature:
                raise UserError(
                    self.env._(
                        "The customer must sign the service voucher of %s before it is closed.",
                        request.name,
                    )
                )

    def action_close_on_site(self):
        """Fixed on site (S6): signed, closed, voucher filed, service record."""
        self._check_technician()
        if self.filtered(lambda r: r.state != "on_site"):
            raise UserError(self.env._("Only a request on site can be closed on site."))
        self._check_ready_to_close()
        self._set_state("done", {"date_done": fields.Datetime.now(), "voucher_to_file": True})
        self._append_service_record()
        self._schedule_voucher_filing()
        return True

    def _service_record_text(self):
        self.ensure_one()
        text = self.diagnosis or self.fault_description
        if self.liability:
            split = dict(COST_SPLITS)[self.cost_split]
            text += "\n" + self.env._(
                "Liability: %(liability)s; paid by: %(split)s (customer %(share)s %%).",
                liability=dict(LIABILITIES)[self.liability],
                split=split,
                share=round(self.customer_share),
            )
        return text

    def _append_service_record(self):
        """The serial's lifetime service history (S11, P5) that the next
        technician reads: a line per finished job on a serial, whatever its
        coverage or type, once."""
        return self.env["aftersales.warranty.service"]._append_jobs(self)

    def _prepare_service_record_vals(self, certificate=None):
        """The line of the serial's service history (S11, P5) for this job."""
        self.ensure_one()
        company = self.company_id
        return {
            "lot_id": self.lot_id.id,
            "certificate_id": certificate.id if certificate else False,
            "partner_id": self.partner_id.id,
            "company_id": company.id,
            "date": company._aftersales_date(self.date_done or fields.Datetime.now()),
            "job_type": self.request_type_id.with_context(lang=company._aftersales_lang()).name,
            "coverage": self.service_category,
            "description": self._service_record_text(),
            "parts": self._service_record_parts(),
            "user_id": self.user_id.id,
            "free_of_charge": self.service_category in ("free", "contract"),
            "reference": self.name,
            "job_model": self._name,
            "job_id": self.id,
        }

    def _schedule_voucher_filing(self):
        """The voucher is rendered after the click, not during it (3-10 s a
        PDF): the filing job runs as soon as the closing is committed (S6)."""
        cron = self.env.ref("aftersales_repair.ir_cron_file_vouchers", raise_if_not_found=False)
        if cron:
            cron.sudo()._trigger()

    @api.model
    @in_company_lang
    def _cron_file_vouchers(self, batch_size=20):
        """Files the signed vouchers of the jobs closed since the last run."""
        return self._run_batches(lambda: self._file_vouchers_batch(batch_size))

    @api.model
    def _file_vouchers_batch(self, limit):
        requests = self._locked_batch([("voucher_to_file", "=", True)], limit)
        if not requests:
            return 0
        requests._file_voucher()
        return len(requests)

    def _file_voucher(self):
        """The signed voucher, as a PDF attached to the request (S6)."""
        report = self.env.ref("aftersales_repair.action_report_service_voucher")
        self._write_process({"voucher_to_file": False})
        for request in self:
            content, _type = report._render_qweb_pdf(report.id, request.ids)
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{request._get_report_base_filename()}.pdf",
                    "raw": content,
                    "res_model": request._name,
                    "res_id": request.id,
                    "mimetype": "application/pdf",
                }
            )
            request.message_post(
                body=Markup("%s") % self.env._("Signed service voucher filed."),
                attachment_ids=attachment.ids,
            )

    def action_carry_in(self):
        self._check_technician()
        if self.filtered(lambda r: r.state != "on_site"):
            raise UserError(self.env._("Only a request on site goes to the workshop."))
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Take to Workshop"),
            "res_model": "aftersales.carry.in",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    def action_view_repair(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.order",
            "res_id": self.repair_id.id,
            "view_mode": "form",
        }

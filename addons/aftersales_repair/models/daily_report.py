# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

import xlsxwriter

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aftersales_base.roles import MANAGER, SUPERVISOR

from .repair_time import ADMIN_KINDS
from .service_request import SERVICE_CATEGORIES

REPORT_TYPES = [
    ("technician", "Technician"),
    ("supervisor", "Supervisor"),
    ("branch", "Branch"),
]
REPORT_STATES = [("draft", "Draft"), ("submitted", "Submitted"), ("approved", "Approved")]


class AftersalesDailyReport(models.Model):
    """The daily report (S12): a technician's hours of the day by work type
    (paid / contract / free / administrative) from their time lines; the
    supervisor's report adds up the technicians of their zones; the branch
    report (one company = one branch) adds up everyone and, once the branch
    manager approved it, is visible to head office (the parent company)."""

    _name = "aftersales.daily.report"
    _description = "Daily Report"
    _inherit = ["mail.thread", "aftersales.process.mixin"]
    _order = "date desc, report_type, id desc"
    # the lines are the time lines' sum, written by the report's own steps
    _process_fields = (
        "state",
        "date_submitted",
        "approved_by_id",
        "date_approved",
        "line_ids",
        "call_consultation_count",
        "call_repair_count",
        "call_complaint_count",
        "call_other_count",
    )
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    report_type = fields.Selection(
        REPORT_TYPES, required=True, default="technician", readonly=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Reported By",
        default=lambda self: self.env.user,
        index=True,
        readonly=True,
    )
    date = fields.Date(
        required=True, default=lambda self: self.env.company._aftersales_today(), index=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    state = fields.Selection(
        REPORT_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many(
        "aftersales.daily.report.line", "report_id", readonly=True, copy=False
    )
    total_hours = fields.Float(compute="_compute_total_hours", store=True)
    # I5: the hotline's calls of the day, by type (the technician's own
    # calls; the supervisor's and the branch report: the branch's)
    call_consultation_count = fields.Integer(string="Consultations", readonly=True, copy=False)
    call_repair_count = fields.Integer(string="Repair Calls", readonly=True, copy=False)
    call_complaint_count = fields.Integer(string="Complaint Calls", readonly=True, copy=False)
    call_other_count = fields.Integer(string="Other Calls", readonly=True, copy=False)
    call_count = fields.Integer(string="Calls", compute="_compute_call_count")
    note = fields.Text()
    date_submitted = fields.Datetime(readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_approved = fields.Datetime(readonly=True, copy=False)

    @api.depends("report_type", "user_id", "date", "company_id")
    def _compute_name(self):
        kinds = dict(self._fields["report_type"]._description_selection(self.env))
        for report in self:
            who = report.company_id.name if report.report_type == "branch" else report.user_id.name
            report.name = f"{kinds[report.report_type]} {report.date} {who or ''}".strip()

    @api.depends("line_ids.hours")
    def _compute_total_hours(self):
        for report in self:
            report.total_hours = sum(report.line_ids.mapped("hours"))

    @api.depends(
        "call_consultation_count", "call_repair_count", "call_complaint_count", "call_other_count"
    )
    def _compute_call_count(self):
        for report in self:
            report.call_count = (
                report.call_consultation_count
                + report.call_repair_count
                + report.call_complaint_count
                + report.call_other_count
            )

    @api.constrains("report_type", "user_id", "date", "company_id")
    def _check_one_per_day(self):
        for report in self:
            domain = [
                ("id", "!=", report.id),
                ("report_type", "=", report.report_type),
                ("date", "=", report.date),
                ("company_id", "=", report.company_id.id),
            ]
            if report.report_type != "branch":
                domain.append(("user_id", "=", report.user_id.id))
            if self.sudo().search_count(domain, limit=1):
                raise ValidationError(self.env._("There is already a report for %s.", report.name))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            kind = vals.get("report_type") or self.env.context.get(
                "default_report_type", "technician"
            )
            group = {"supervisor": SUPERVISOR, "branch": MANAGER}.get(kind)
            if group and not self.env.su and not self.env.user.has_group(group):
                raise AccessError(
                    self.env._("Only a supervisor or the branch manager writes this report.")
                )
            self._ensure_own_report(vals.get("user_id"))
        reports = super().create(vals_list)
        reports._fill_lines()
        return reports

    def _ensure_own_report(self, user_id):
        """A report is written by the person it reports on (the branch
        manager may prepare one for somebody else)."""
        if user_id and user_id != self.env.uid and not self.env.su:
            self._ensure_role(MANAGER, self.env._("write somebody else's daily report"))
        return True

    def write(self, vals):
        if "user_id" in vals:
            self._ensure_own_report(vals["user_id"])
        # what a submitted report says is what was submitted (S12, X6)
        frozen = {"date", "report_type", "user_id", "company_id"}.intersection(vals)
        if frozen and not self._process_write_allowed():
            self._ensure_state(("draft",), self.env._("change the report"))
        return super().write(vals)

    # Filling ---------------------------------------------------------------

    def _time_domain(self):
        self.ensure_one()
        domain = [("date", "=", self.date), ("company_id", "=", self.company_id.id)]
        if self.report_type == "technician":
            domain.append(("user_id", "=", self.user_id.id))
        elif self.report_type == "supervisor":
            zones = (
                self.env["aftersales.zone"].sudo().search([("supervisor_id", "=", self.user_id.id)])
            )
            domain.append(("user_id", "in", (zones.technician_ids | self.user_id).ids))
        return domain

    def _call_domain(self):
        """The hotline calls the report counts (I5): the company's calls of
        its day; a technician's report, his own."""
        self.ensure_one()
        domain = [("call_day", "=", self.date), ("company_id", "=", self.company_id.id)]
        if self.report_type == "technician":
            domain.append(("user_id", "=", self.user_id.id))
        return domain

    def _fill_lines(self):
        """One line per technician, work type and kind of administrative
        work (I6), and the day's calls by type (I5), from two grouped
        queries per report: the query count does not grow with the time
        lines nor the calls."""
        Time = self.env["aftersales.repair.time"].sudo()
        Call = self.env["aftersales.call.log"].sudo()
        for report in self:
            groups = Time._read_group(
                report._time_domain(),
                ["user_id", "service_category", "admin_kind"],
                ["hours:sum", "__count"],
            )
            commands = [Command.clear()] + [
                Command.create(
                    {
                        "user_id": user.id,
                        "service_category": category,
                        "admin_kind": kind or False,
                        "hours": hours,
                        "line_count": count,
                    }
                )
                for user, category, kind, hours, count in groups
            ]
            calls = dict(Call._read_group(report._call_domain(), ["call_type"], ["__count"]))
            report.sudo()._write_process(
                {
                    "line_ids": commands,
                    "call_consultation_count": calls.get("consultation", 0),
                    "call_repair_count": calls.get("repair", 0),
                    "call_complaint_count": calls.get("complaint", 0),
                    "call_other_count": calls.get("other", 0),
                }
            )

    def action_refresh(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("A submitted report is not recomputed."))
        self._fill_lines()
        return True

    def _approver_group(self):
        """Who approves or sends back this report: the supervisor a
        technician's report, the branch manager the supervisor's and the
        branch's."""
        self.ensure_one()
        return SUPERVISOR if self.report_type == "technician" else MANAGER

    def _set_state(self, state):
        """The one way a daily report changes step (S12, X6): draft →
        submitted (by its author; the branch report by a branch manager) →
        approved (by the supervisor / branch manager, never by the author
        of a technician's or supervisor's report), or sent back to draft by
        them. A submitted report, its lines included, no longer changes."""
        now = fields.Datetime.now()
        if state == "submitted":
            label = self.env._("submit the report")
            for report in self:
                if report.state != "draft":
                    raise UserError(self.env._("%s is already submitted.", report.name))
                if report.report_type == "branch":
                    report._ensure_role(MANAGER, label)
                elif report.user_id != self.env.user and not self.env.su:
                    raise AccessError(
                        self.env._("Only %s submits this report.", report.user_id.name)
                    )
            self._fill_lines()
            vals = {"state": "submitted", "date_submitted": now}
        elif state in ("approved", "draft"):
            if state == "approved":
                label = self.env._("approve the report")
                vals = {"state": "approved", "approved_by_id": self.env.uid, "date_approved": now}
            else:
                label = self.env._("send the report back")
                vals = {"state": "draft", "date_submitted": False}
            for report in self:
                report._ensure_role(report._approver_group(), label)
                if report.state != "submitted":
                    raise UserError(
                        self.env._(
                            "Only a submitted report is approved or sent back (%s).", report.name
                        )
                    )
                if (
                    report.report_type != "branch"
                    and report.user_id == self.env.user
                    and not self.env.su
                ):
                    raise AccessError(
                        self.env._("%s is yours: somebody else approves it.", report.name)
                    )
        else:
            raise UserError(self.env._("A daily report is created as a draft."))
        self._write_process(vals)
        return True

    def action_submit(self):
        return self._set_state("submitted")

    def action_approve(self):
        """The supervisor approves a technician's report, the branch manager
        the supervisor's and the branch report; head office sees an
        approved branch report."""
        if not self.env.user.has_group(SUPERVISOR):
            raise AccessError(self.env._("Only a supervisor or the branch manager approves."))
        for report in self:
            if report.report_type == "branch" and report.state != "submitted":
                raise UserError(
                    self.env._("Only a submitted branch report is approved (%s).", report.name)
                )
        return self._set_state("approved")

    def action_send_back(self):
        return self._set_state("draft")

    # XLSX ------------------------------------------------------------------

    def _xlsx_filename(self):
        self.ensure_one()
        return f"{self.name.replace('/', '-')}.xlsx"

    def _render_xlsx(self):
        """A one-page sheet a manager prints: title, who and when, then a row
        per technician with the hours of each work type and the totals."""
        self.ensure_one()
        categories = SERVICE_CATEGORIES
        labels = dict(
            self.env["aftersales.repair.time"]
            ._fields["service_category"]
            ._description_selection(self.env)
        )
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = book.add_worksheet(self.env._("Daily Report")[:31])
        title = book.add_format({"bold": True, "font_size": 14})
        bold = book.add_format({"bold": True})
        head = book.add_format(
            {"bold": True, "border": 1, "bg_color": "#D9E1F2", "align": "center"}
        )
        cell = book.add_format({"border": 1})
        num = book.add_format({"border": 1, "num_format": "0.00"})
        total = book.add_format({"border": 1, "bold": True, "num_format": "0.00"})
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(5)
        sheet.set_header(f"&L{self.company_id.name}&R{self.date}")
        sheet.set_footer("&C&P / &N")
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, len(categories) + 2, 14)

        kinds = dict(self._fields["report_type"]._description_selection(self.env))
        states = dict(self._fields["state"]._description_selection(self.env))
        sheet.write(0, 0, self.env._("%s Daily Report", kinds[self.report_type]), title)
        sheet.write(1, 0, self.env._("Branch"), bold)
        sheet.write(1, 1, self.company_id.name)
        sheet.write(2, 0, self.env._("Date"), bold)
        sheet.write(2, 1, fields.Date.to_string(self.date))
        sheet.write(3, 0, self.env._("Reported By"), bold)
        sheet.write(3, 1, self.user_id.name or "")
        sheet.write(3, 3, self.env._("Status"), bold)
        sheet.write(3, 4, states[self.state])
        # Times on the company's clock (W9), not UTC nor the exporter's.
        company = self.company_id
        sheet.write(2, 3, self.env._("Submitted At"), bold)
        sheet.write(2, 4, company._aftersales_format_datetime(self.date_submitted))
        sheet.write(4, 3, self.env._("Approved At"), bold)
        sheet.write(4, 4, company._aftersales_format_datetime(self.date_approved))

        row = 5
        sheet.write(row, 0, self.env._("Technician"), head)
        for col, (key, _label) in enumerate(categories, start=1):
            sheet.write(row, col, labels[key], head)
        sheet.write(row, len(categories) + 1, self.env._("Total Hours"), head)
        sheet.write(row, len(categories) + 2, self.env._("Time Lines"), head)

        by_user = {}
        for line in self.line_ids:
            hours, count = by_user.setdefault(line.user_id, ({}, [0]))
            hours[line.service_category] = hours.get(line.service_category, 0) + line.hours
            count[0] += line.line_count
        for user, (hours, count) in sorted(by_user.items(), key=lambda i: i[0].name or ""):
            row += 1
            sheet.write(row, 0, user.name, cell)
            for col, (key, _label) in enumerate(categories, start=1):
                sheet.write_number(row, col, hours.get(key, 0.0), num)
            sheet.write_number(row, len(categories) + 1, sum(hours.values()), total)
            sheet.write_number(row, len(categories) + 2, count[0], cell)
        row += 1
        sheet.write(row, 0, self.env._("Total"), head)
        for col, (key, _label) in enumerate(categories, start=1):
            sheet.write_number(row, col, sum(h.get(key, 0.0) for h, _c in by_user.values()), total)
        sheet.write_number(row, len(categories) + 1, self.total_hours, total)
        sheet.write_number(row, len(categories) + 2, sum(c[0] for _h, c in by_user.values()), total)
        row += 3
        sheet.write(row, 0, self.env._("Signature"), bold)
        sheet.write(row, 3, self.env._("Approved By"), bold)
        sheet.write(row, 4, self.approved_by_id.name or "")
        book.close()
        return output.getvalue()

    def action_export_xlsx(self):
        self.ensure_one()
        attachment = self.env["ir.attachment"].create(
            {
                "name": self._xlsx_filename(),
                "raw": self._render_xlsx(),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }


class AftersalesDailyReportLine(models.Model):
    _name = "aftersales.daily.report.line"
    _description = "Daily Report Line"
    _order = "user_id, service_category, admin_kind"

    report_id = fields.Many2one(
        "aftersales.daily.report", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one("res.users", string="Technician", required=True)
    service_category = fields.Selection(SERVICE_CATEGORIES, string="Work Type", required=True)
    admin_kind = fields.Selection(ADMIN_KINDS, string="Administrative Work")
    hours = fields.Float()
    line_count = fields.Integer(string="Time Lines")
    company_id = fields.Many2one(related="report_id.company_id", store=True)

    def _check_report_steps(self):
        """The lines are written by their report's steps only (S12, X6)."""
        Report = self.env["aftersales.daily.report"]
        if not Report._process_write_allowed():
            raise Report._process_error({"line_ids"})

    @api.model_create_multi
    def create(self, vals_list):
        self._check_report_steps()
        return super().create(vals_list)

    def write(self, vals):
        self._check_report_steps()
        return super().write(vals)

    def unlink(self):
        self._check_report_steps()
        return super().unlink()

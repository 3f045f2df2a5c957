# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class AftersalesServiceRequest(models.Model):
    """An inspection job's report (P2): made and opened from the job; the job
    closes on site only once its report is submitted."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited

    inspection_report_ids = fields.One2many(
        "aftersales.inspection.report", "request_id", string="Inspection Reports"
    )
    inspection_report_id = fields.Many2one(
        "aftersales.inspection.report",
        compute="_compute_inspection_report_id",
    )
    inspection_report_state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted")],
        compute="_compute_inspection_report_id",
        string="Inspection Report Status",
    )

    @api.depends("inspection_report_ids.state")
    def _compute_inspection_report_id(self):
        for request in self:
            report = request.inspection_report_ids.filtered(
                lambda report: report.state != "cancelled"
            )[:1]
            request.inspection_report_id = report
            request.inspection_report_state = report.state

    def action_open_inspection_report(self):
        """Opens the job's inspection report, made from its checklist the
        first time (by the job's technician or supervisor)."""
        self.ensure_one()
        report = self.inspection_report_id
        if not report:
            report = self.env["aftersales.inspection.report"]._create_for_requests(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Inspection Report"),
            "res_model": "aftersales.inspection.report",
            "res_id": report.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _check_ready_to_close(self):
        """An inspection job (with a checklist) closes with its submitted
        report (P2)."""
        for request in self:
            if request.checklist_template_id and request.inspection_report_state != "submitted":
                raise UserError(
                    self.env._(
                        "Submit the inspection report of %s before closing it.", request.name
                    )
                )
        return super()._check_ready_to_close()

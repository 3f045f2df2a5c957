# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesMaintenanceContract(models.Model):
    """The inspection reports of a contract's equipment, and its monthly
    per-system inspection report (篇九)."""

    _inherit = "aftersales.maintenance.contract"  # pylint: disable=consider-merging-classes-inherited

    inspection_report_ids = fields.One2many(
        "aftersales.inspection.report", "contract_id", string="Inspection Reports"
    )

    def _inspection_reports_of_month(self, month):
        """The submitted inspection reports of the contract in the
        company-local month of ``month`` (a date or "YYYY-MM-DD")."""
        self.ensure_one()
        Report = self.env["aftersales.inspection.report"]
        month = fields.Date.to_date(month)
        return Report.search(Report._month_domain(self, month), order="date_inspection, id")

    def action_inspection_month_report(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Monthly Inspection Report"),
            "res_model": "aftersales.inspection.month",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

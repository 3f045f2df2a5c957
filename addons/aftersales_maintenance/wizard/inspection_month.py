# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesInspectionMonth(models.TransientModel):
    """Prints the monthly per-system inspection report of one contract (篇九)."""

    _name = "aftersales.inspection.month"
    _description = "Monthly Inspection Report"

    contract_id = fields.Many2one("aftersales.maintenance.contract", required=True)
    month = fields.Date(
        required=True,
        default=lambda self: self.env.company._aftersales_today().replace(day=1),
        help="Any day of the month to report on (the company's calendar).",
    )

    def action_print(self):
        self.ensure_one()
        report = self.env.ref("aftersales_maintenance.action_report_inspection_month")
        return report.report_action(
            self.contract_id, data={"month": fields.Date.to_string(self.month.replace(day=1))}
        )

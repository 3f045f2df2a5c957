# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

COVERAGE_CATEGORIES = [
    ("free", "Free (warranty)"),
    ("contract", "Contract"),
    ("paid", "Paid"),
]


class AftersalesCoverageCheck(models.TransientModel):
    """The service desk's coverage lookup screen (W8)."""

    _name = "aftersales.coverage.check"
    _description = "Coverage Lookup"

    lot_id = fields.Many2one("stock.lot", string="Serial Number")
    partner_id = fields.Many2one("res.partner", string="Customer")
    product_id = fields.Many2one("product.product")
    on_date = fields.Date(
        string="On", default=lambda self: self.env.company._aftersales_today(), required=True
    )
    category = fields.Selection(COVERAGE_CATEGORIES, compute="_compute_coverage")
    reason = fields.Char(compute="_compute_coverage")
    certificate_id = fields.Many2one("aftersales.warranty.certificate", compute="_compute_coverage")
    contract_id = fields.Many2one("aftersales.maintenance.contract", compute="_compute_coverage")
    until = fields.Date(compute="_compute_coverage")

    @api.onchange("lot_id")
    def _onchange_lot_id(self):
        if self.lot_id:
            self.product_id = self.lot_id.product_id

    @api.depends("lot_id", "partner_id", "product_id", "on_date")
    def _compute_coverage(self):
        Coverage = self.env["aftersales.coverage"]
        for check in self:
            if check.lot_id or (check.product_id and check.partner_id):
                result = Coverage._lookup(
                    lot=check.lot_id or None,
                    product=check.product_id,
                    partner=check.partner_id,
                    on_date=check.on_date,
                )
            else:
                result = dict.fromkeys(
                    ("category", "reason", "certificate", "contract", "until"), False
                )
            check.category = result["category"]
            check.reason = result["reason"]
            check.certificate_id = result["certificate"]
            check.contract_id = result["contract"]
            check.until = result["until"]

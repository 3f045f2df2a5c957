# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    aftersales_customer_goods = fields.Boolean(
        string="Customer Goods",
        help="Holds customers' products taken in for repair (the customer-goods "
        "in/out register, S7); stock there belongs to the customer.",
    )

    @api.model
    def _aftersales_customer_goods_location(self, company):
        """The company's customer-goods location, made on first use."""
        location = self.sudo().search(
            [("aftersales_customer_goods", "=", True), ("company_id", "=", company.id)],
            limit=1,
        )
        if location:
            return location
        warehouse = (
            self.env["stock.warehouse"].sudo().search([("company_id", "=", company.id)], limit=1)
        )
        return self.sudo().create(
            {
                "name": self.env._("Customer Goods"),
                "usage": "internal",
                "location_id": warehouse.view_location_id.id,
                "company_id": company.id,
                "aftersales_customer_goods": True,
            }
        )

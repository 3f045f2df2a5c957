# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StockPicking(models.Model):
    """C13: a customer return or exchange carries its reason and the
    department and person responsible, so that returns count in their
    performance; a complaint can be registered from it."""

    _name = "stock.picking"
    _inherit = ["stock.picking", "aftersales.complaint.source.mixin"]
    _complaint_field = "return_picking_id"

    aftersales_return_reason = fields.Text(string="Return Reason", tracking=True)
    aftersales_return_department_id = fields.Many2one(
        "hr.department", string="Responsible Department", tracking=True, index="btree_not_null"
    )
    aftersales_return_user_id = fields.Many2one(
        "res.users",
        string="Responsible Person",
        tracking=True,
        index="btree_not_null",
        domain="[('share', '=', False)]",
    )

    def _complaint_defaults(self):
        return {
            **super()._complaint_defaults(),
            "partner_id": self.partner_id.id,
            "channel": "return",
            "category_id": self.env.ref("aftersales_complaint.categ_product_quality").id,
            "description": self.aftersales_return_reason or False,
            "target_department_id": self.aftersales_return_department_id.id,
        }

    @api.model
    def get_empty_list_help(self, help_message):
        """The Returns and Exchanges register says what it is for when empty,
        not Inventory's "create a transfer" and barcode advert (issue 15)."""
        if self.env.context.get("aftersales_returns_register"):
            return help_message
        return super().get_empty_list_help(help_message)

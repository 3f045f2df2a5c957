# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockReturnPicking(models.TransientModel):
    """C13: the return's reason and who is responsible, asked when the return
    is created and kept on the return picking."""

    _inherit = "stock.return.picking"

    aftersales_return_reason = fields.Text(string="Return Reason")
    aftersales_return_department_id = fields.Many2one(
        "hr.department", string="Responsible Department"
    )
    aftersales_return_user_id = fields.Many2one(
        "res.users", string="Responsible Person", domain="[('share', '=', False)]"
    )

    def _prepare_picking_default_values_based_on(self, picking):
        vals = super()._prepare_picking_default_values_based_on(picking)
        vals.update(
            aftersales_return_reason=self.aftersales_return_reason,
            aftersales_return_department_id=self.aftersales_return_department_id.id,
            aftersales_return_user_id=self.aftersales_return_user_id.id,
        )
        return vals

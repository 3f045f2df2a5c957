# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    aftersales_warranty_policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Warranty Policy",
        help="Leave empty to use the policy of the product category.",
    )

    def _aftersales_warranty_policy(self):
        """The policy that applies: the product's own, else its category's."""
        self.ensure_one()
        return (
            self.aftersales_warranty_policy_id
            or self.categ_id._aftersales_warranty_policy()
        )

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    aftersales_warranty_policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Default Warranty Policy",
        help="Used for products of this category (or its sub-categories) "
        "that have no warranty policy of their own.",
    )

    def _aftersales_warranty_policy(self):
        """The category's policy, inherited from the closest parent that has one."""
        category = self[:1]
        while category and not category.aftersales_warranty_policy_id:
            category = category.parent_id
        return category.aftersales_warranty_policy_id

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    aftersales_warranty_policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Default Warranty Policy",
        help="Used for products of this category (or its sub-categories) "
        "that have no warranty policy of their own.",
    )

    aftersales_no_warranty = fields.Boolean(
        string="No Warranty for This Category",
        help="Products of this category (and of its sub-categories) carry no warranty: "
        "their deliveries issue no warranty certificate and raise no notice, and the "
        "back-fill leaves them out.",
    )

    @api.model
    def _aftersales_no_warranty_categories(self):
        """The categories without warranty: flagged ones and their
        sub-categories (one query)."""
        flagged = self.sudo().search([("aftersales_no_warranty", "=", True)])
        if not flagged:
            return flagged
        return self.sudo().search([("id", "child_of", flagged.ids)])

    def _aftersales_is_no_warranty(self):
        """The category, or one of its parents, carries no warranty."""
        category = self[:1]
        if not category:
            return False
        parent_ids = [int(i) for i in (category.parent_path or "").split("/") if i]
        return any(self.browse(parent_ids or category.ids).mapped("aftersales_no_warranty"))

    def _aftersales_warranty_policy(self):
        """The category's policy, inherited from the closest parent that has
        one; none for a category without warranty."""
        category = self[:1]
        if category._aftersales_is_no_warranty():
            return self.env["aftersales.warranty.policy"]
        while category and not category.aftersales_warranty_policy_id:
            category = category.parent_id
        return category.aftersales_warranty_policy_id

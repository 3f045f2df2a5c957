# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    aftersales_warranty_policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Warranty Policy",
        help="Leave empty to use the policy of the product category.",
    )
    # W7: spare-part availability commitment
    aftersales_available_until = fields.Date(
        string="Part Available Until",
        help="The date until which this spare part is guaranteed available.",
    )
    aftersales_discontinued = fields.Boolean(
        string="Discontinued Part",
        help="No longer made: requests for it are offered an approved substitute.",
    )
    aftersales_substitute_ids = fields.One2many(
        "aftersales.part.substitute", "product_tmpl_id", string="Substitutes"
    )

    def _aftersales_warranty_policy(self):
        """The policy that applies: the product's own, else its category's;
        none when its category carries no warranty."""
        self.ensure_one()
        if self.categ_id._aftersales_is_no_warranty():
            return self.env["aftersales.warranty.policy"]
        return self.aftersales_warranty_policy_id or self.categ_id._aftersales_warranty_policy()

    def _aftersales_part_for_request(self):
        """The product to give when this part is asked for: itself while it
        is made, else its first approved substitute (W7)."""
        self.ensure_one()
        if not self.aftersales_discontinued:
            return self.product_variant_id
        approved = self.aftersales_substitute_ids.filtered(lambda s: s.state == "approved")
        if not approved:
            raise UserError(
                self.env._(
                    "%s is discontinued and has no approved substitute yet.",
                    self.display_name,
                )
            )
        return approved[0].substitute_id

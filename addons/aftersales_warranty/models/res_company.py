# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_sales_director_id = fields.Many2one(
        "res.users",
        string="Sales Director",
        domain="[('share', '=', False)]",
        help="Told before a free maintenance period ends (W5; empty: the salesperson's "
        "sales team leader) and, with service calls, receives every evening the list of "
        "the calls not solved the day they came in (T4; empty: the service manager).",
    )

    def _aftersales_setup_steps(self):
        """Warranty's essentials (issue 15): a default warranty policy on the
        product categories, and the sales director."""
        steps = super()._aftersales_setup_steps()
        company = self.sudo()
        steps += [
            {
                "key": "warranty_policies",
                "sequence": 60,
                "name": self.env._("Warranty policies on product categories"),
                "done": bool(
                    self.env["product.category"]
                    .sudo()
                    .search_count([("aftersales_warranty_policy_id", "!=", False)], limit=1)
                ),
                "action": "product.product_category_action_form",
                "hint": self.env._(
                    "Set a Default Warranty Policy on the categories of the products you "
                    "sell: delivered serials then get their warranty certificate."
                ),
            },
            {
                "key": "sales_director",
                "sequence": 90,
                "name": self.env._("Sales director"),
                "done": bool(company.aftersales_sales_director_id),
                "action": "aftersales_base.action_aftersales_settings",
                "hint": self.env._(
                    "Set in the After-Sales settings: told before free maintenance ends, and "
                    "receives every evening the calls not solved that day."
                ),
            },
        ]
        return steps

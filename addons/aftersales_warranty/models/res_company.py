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

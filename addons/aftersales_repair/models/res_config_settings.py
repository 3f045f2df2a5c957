# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_major_response_minutes = fields.Integer(
        string="Major Fault Response (minutes)",
        config_parameter="aftersales_repair.major_response_minutes",
        default=30,
        help="Response SLA of a major fault, counted on the 7×24 calendar (S4).",
    )
    # I1: the company's service address (a mail alias).
    aftersales_request_alias_name = fields.Char(
        related="company_id.aftersales_request_alias_name", readonly=False
    )

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_repeat_complaint_days = fields.Integer(
        string="Repeat Complaint Window (days)",
        config_parameter="aftersales_complaint.repeat_window_days",
        default=180,
        help="The same problem complained about again within this window doubles the penalty (C8).",
    )

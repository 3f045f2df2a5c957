# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_low_score_threshold = fields.Float(
        string="Low Score Opens a Complaint (below)",
        config_parameter="aftersales_survey.low_score_threshold",
        default=2.0,
        help="A survey answer whose average rating (1 to 4) is below this opens a complaint (V4).",
    )

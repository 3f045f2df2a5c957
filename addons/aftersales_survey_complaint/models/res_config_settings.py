# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_low_score_threshold = fields.Float(
        string="Low Score Opens a Complaint (below)",
        config_parameter="aftersales_survey.low_score_threshold",
        default=2.0,
        help="A survey answer whose average rating (1 to 4) is below this opens a complaint (V4).",
    )
    aftersales_serious_score_threshold = fields.Float(
        string="Serious Complaint (below)",
        config_parameter="aftersales_survey.serious_score_threshold",
        default=1.5,
        help="A survey answer whose average rating (1 to 4) is below this opens a serious "
        "complaint, which goes to the executives (V4).",
    )
    aftersales_complaint_keywords = fields.Char(
        string="Complaint Words",
        config_parameter="aftersales_survey.complaint_keywords",
        help="Comma-separated words: a survey comment containing one opens a complaint (V4).",
    )

    def set_values(self):
        for settings in self:
            if (
                settings.aftersales_serious_score_threshold
                > settings.aftersales_low_score_threshold
            ):
                raise ValidationError(
                    self.env._(
                        "A serious complaint's score threshold cannot be above the low score "
                        "threshold."
                    )
                )
        return super().set_values()

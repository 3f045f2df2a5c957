# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import ValidationError

from .technician_scorecard import COMPONENTS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_rework_window_days = fields.Integer(
        string="Rework Window (days)",
        config_parameter="aftersales_survey.rework_window_days",
        default=30,
        help="A new call on the same serial within this many days after a job counts as "
        "rework of that job (V8).",
    )
    aftersales_complaint_points = fields.Float(
        string="Points per Complaint",
        config_parameter="aftersales_survey.complaint_points",
        default=25.0,
    )
    aftersales_amount_per_point = fields.Float(
        string="Amount per Point",
        config_parameter="aftersales_survey.amount_per_point",
        default=100.0,
        help="Net rewards minus penalties of this amount add (or take) one point.",
    )
    aftersales_weight_survey = fields.Float(
        string="Weight: Survey", config_parameter="aftersales_survey.weight_survey", default=40.0
    )
    aftersales_weight_sla = fields.Float(
        string="Weight: SLA", config_parameter="aftersales_survey.weight_sla", default=20.0
    )
    aftersales_weight_first_fix = fields.Float(
        string="Weight: First-Time Fix",
        config_parameter="aftersales_survey.weight_first_fix",
        default=15.0,
    )
    aftersales_weight_rework = fields.Float(
        string="Weight: No Rework", config_parameter="aftersales_survey.weight_rework", default=10.0
    )
    aftersales_weight_complaint = fields.Float(
        string="Weight: No Complaint",
        config_parameter="aftersales_survey.weight_complaint",
        default=15.0,
    )

    aftersales_reminder_days = fields.Integer(
        string="Reminder Days Ahead",
        config_parameter="aftersales_survey.reminder_days",
        default=7,
        help="The customer file's next maintenance and next call create their follow-up call "
        "and the customer's notice this many days ahead (P4).",
    )

    def set_values(self):
        for settings in self:
            if settings.aftersales_reminder_days < 0:
                raise ValidationError(self.env._("Reminders come some days ahead, not after."))
            weights = [settings[f"aftersales_weight_{key}"] for key in COMPONENTS]
            if any(weight < 0 for weight in weights) or round(sum(weights), 2) != 100.0:
                raise ValidationError(
                    self.env._(
                        "The scorecard weights must be positive and add up to 100 (now %s).",
                        round(sum(weights), 2),
                    )
                )
        return super().set_values()

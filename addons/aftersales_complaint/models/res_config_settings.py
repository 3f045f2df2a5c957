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
    aftersales_penalty_responsible = fields.Float(
        string="Penalty: Directly Responsible",
        config_parameter="aftersales_complaint.penalty_responsible",
        default=200.0,
        help="Proposed for each person directly responsible, or for the team leader "
        "when nobody is identified.",
    )
    aftersales_penalty_head = fields.Float(
        string="Penalty: Department Head",
        config_parameter="aftersales_complaint.penalty_head",
        default=100.0,
    )
    aftersales_penalty_late = fields.Float(
        string="Penalty: Handling Ran Late",
        config_parameter="aftersales_complaint.penalty_late",
        default=50.0,
    )
    aftersales_reward_amount = fields.Float(
        string="Reward: Effective Improvement",
        config_parameter="aftersales_complaint.reward_amount",
        default=100.0,
    )
    # I1: the company's complaint address (a mail alias).
    aftersales_complaint_alias_name = fields.Char(
        related="company_id.aftersales_complaint_alias_name", readonly=False
    )

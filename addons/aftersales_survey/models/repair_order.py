# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairOrder(models.Model):
    _inherit = "repair.order"

    aftersales_survey_sent = fields.Boolean(
        string="Survey Sent", readonly=True, copy=False, index=True
    )

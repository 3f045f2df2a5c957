# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_service_manager_id = fields.Many2one(
        related="company_id.aftersales_service_manager_id", readonly=False
    )
    aftersales_hotline = fields.Char(related="company_id.aftersales_hotline", readonly=False)

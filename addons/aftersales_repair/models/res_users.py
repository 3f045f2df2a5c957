# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    aftersales_zone_ids = fields.Many2many(
        "aftersales.zone",
        "aftersales_zone_technician_rel",
        "user_id",
        "zone_id",
        string="Service Zones",
    )
    aftersales_certification_ids = fields.One2many(
        "aftersales.technician.certification", "user_id", string="Certifications"
    )

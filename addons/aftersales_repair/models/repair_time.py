# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .service_request import SERVICE_CATEGORIES


class AftersalesRepairTime(models.Model):
    """A line of the repair card (修护卡, S8): who worked how long on what."""

    _name = "aftersales.repair.time"
    _description = "Repair Card Time Line"
    _order = "date desc, id desc"

    repair_id = fields.Many2one("repair.order", required=True, index=True, ondelete="cascade")
    user_id = fields.Many2one(
        "res.users", string="Technician", required=True, default=lambda self: self.env.user
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    hours = fields.Float(required=True)
    description = fields.Char(required=True)
    service_category = fields.Selection(
        SERVICE_CATEGORIES,
        compute="_compute_service_category",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    company_id = fields.Many2one(related="repair_id.company_id", store=True)

    _hours_positive = models.Constraint("CHECK(hours > 0)", "Time spent must be positive.")

    @api.depends("repair_id")
    def _compute_service_category(self):
        for line in self:
            line.service_category = line.repair_id.aftersales_request_id.service_category or "paid"

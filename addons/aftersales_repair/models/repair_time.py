# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .service_request import SERVICE_CATEGORIES


class AftersalesRepairTime(models.Model):
    """A time line (S1, S8): who worked how long on which job, in which
    service category. A line belongs to a workshop repair card (修护卡) or
    directly to an on-site service request; the lines of a repair belong to
    its request too, so the job is billed (S10) and reported (S12) from one
    set of lines."""

    _name = "aftersales.repair.time"
    _description = "Job Time Line"
    _order = "date desc, id desc"

    repair_id = fields.Many2one("repair.order", index=True, ondelete="cascade")
    request_id = fields.Many2one(
        "aftersales.service.request",
        string="Service Request",
        compute="_compute_request_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        ondelete="cascade",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Technician",
        required=True,
        index=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(
        required=True, index=True, default=lambda self: self.env.company._aftersales_today()
    )
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
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, precompute=True, index=True
    )

    _hours_positive = models.Constraint("CHECK(hours > 0)", "Time spent must be positive.")
    _on_a_job = models.Constraint(
        "CHECK(repair_id IS NOT NULL OR request_id IS NOT NULL)",
        "A time line belongs to a repair or a service request.",
    )

    @api.depends("repair_id")
    def _compute_request_id(self):
        for line in self:
            if line.repair_id:
                line.request_id = line.repair_id.aftersales_request_id

    @api.depends("repair_id", "request_id")
    def _compute_service_category(self):
        for line in self:
            request = line.request_id or line.repair_id.aftersales_request_id
            line.service_category = request.service_category or line.service_category or "paid"

    @api.depends("repair_id.company_id", "request_id.company_id")
    def _compute_company_id(self):
        for line in self:
            line.company_id = (
                line.repair_id.company_id or line.request_id.company_id or self.env.company
            )

    @api.constrains("request_id", "repair_id")
    def _check_same_job(self):
        for line in self:
            request = line.repair_id.aftersales_request_id
            if line.repair_id and request and line.request_id != request:
                raise ValidationError(
                    self.env._("The time line of %s belongs to its request.", line.repair_id.name)
                )

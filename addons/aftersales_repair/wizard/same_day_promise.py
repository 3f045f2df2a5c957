# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models


class AftersalesSameDayPromise(models.TransientModel):
    """ "Not Solved Today" (T4): the reason, the promised date and the message
    the customer receives. The request's step checks and records them."""

    _name = "aftersales.same.day.promise"
    _description = "Not Solved Today"

    request_id = fields.Many2one("aftersales.service.request", required=True, ondelete="cascade")
    partner_id = fields.Many2one(related="request_id.partner_id", string="Customer")
    reason = fields.Text(
        required=True,
        compute="_compute_reason",
        store=True,
        readonly=False,
        precompute=True,
    )
    date_promised = fields.Date(
        string="Promised Resolution Date",
        required=True,
        compute="_compute_date_promised",
        store=True,
        readonly=False,
        precompute=True,
    )
    message = fields.Text(
        string="Message to the Customer",
        compute="_compute_message",
        store=True,
        readonly=False,
        precompute=True,
    )

    @api.depends("request_id")
    def _compute_reason(self):
        for wizard in self:
            wizard.reason = wizard.request_id.same_day_reason

    @api.depends("request_id")
    def _compute_date_promised(self):
        for wizard in self:
            request = wizard.request_id
            wizard.date_promised = request.date_promised_resolution or (
                request.company_id._aftersales_today() + timedelta(days=1) if request else False
            )

    @api.depends("request_id", "reason", "date_promised")
    def _compute_message(self):
        for wizard in self:
            wizard.message = (
                wizard.request_id._prepare_same_day_message(wizard.reason, wizard.date_promised)
                if wizard.request_id
                else False
            )

    def action_confirm(self):
        self.ensure_one()
        return self.request_id.action_promise_resolution(
            self.reason, self.date_promised, self.message
        )

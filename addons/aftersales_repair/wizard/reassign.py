# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesReassign(models.TransientModel):
    """The dispatcher moves a dispatched job to another technician (S3):
    an explicit step, so that a request is never dispatched twice by two
    dispatchers unawares."""

    _name = "aftersales.reassign"
    _description = "Reassign a Service Request"

    request_id = fields.Many2one("aftersales.service.request", required=True)
    current_user_id = fields.Many2one(related="request_id.user_id", string="Now With")
    available_technician_ids = fields.Many2many(
        "res.users", compute="_compute_available_technician_ids"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Technician",
        required=True,
        domain="[('id', 'in', available_technician_ids), ('id', '!=', current_user_id)]",
    )
    reason = fields.Char(required=True)

    @api.depends("request_id")
    def _compute_available_technician_ids(self):
        for wizard in self:
            wizard.available_technician_ids = wizard.request_id.available_technician_ids

    def action_confirm(self):
        self.ensure_one()
        request = self.request_id
        previous = request.user_id
        request._dispatch(self.user_id, reassign=True)
        request.message_post(
            body=self.env._(
                "Reassigned from %(old)s to %(new)s: %(reason)s",
                old=previous.name or "-",
                new=self.user_id.name,
                reason=self.reason,
            )
        )
        return True

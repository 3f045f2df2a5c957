# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesRequestType(models.Model):
    """What a service request is for (repair, installation, inspection...),
    and whether the supervisor approves it before dispatch (S14)."""

    _name = "aftersales.request.type"
    _description = "Service Request Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    requires_approval = fields.Boolean(
        string="Supervisor Approval",
        help="Requests of this type wait for the supervisor's approval before "
        "they can be dispatched.",
    )
    safety_checklist = fields.Boolean(
        help="Visits of this type also go through the installation safety checklist."
    )

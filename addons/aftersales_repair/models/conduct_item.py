# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesConductItem(models.Model):
    """One point of the on-site conduct checklist (S16: the "seven ones":
    uniform, apology at the door, shoe covers, cloth, no drink, no smoke,
    service card signed) or of the installation safety checklist."""

    _name = "aftersales.conduct.item"
    _description = "On-Site Checklist Item"
    _order = "kind, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        [("conduct", "On-site conduct"), ("safety", "Installation safety")],
        required=True,
        default="conduct",
    )


class AftersalesConductCheck(models.Model):
    """A checklist item as done (or not) on one visit."""

    _name = "aftersales.conduct.check"
    _description = "On-Site Checklist Line"
    _order = "request_id, sequence, id"

    request_id = fields.Many2one(
        "aftersales.service.request", required=True, index=True, ondelete="cascade"
    )
    item_id = fields.Many2one("aftersales.conduct.item", required=True, ondelete="restrict")
    sequence = fields.Integer(related="item_id.sequence", store=True)
    kind = fields.Selection(related="item_id.kind", store=True)
    done = fields.Boolean()
    note = fields.Char()

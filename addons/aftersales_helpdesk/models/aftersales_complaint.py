# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.aftersales_complaint.models.complaint import (
    AftersalesComplaint as BaseComplaint,
)


class AftersalesComplaint(models.Model):
    """C12: a complaint escalated from a helpdesk ticket closes the ticket
    when it is done (or rejected)."""

    _inherit = "aftersales.complaint"
    # X6: the ticket a complaint closes is set by the escalation only (a
    # complaint pointed at any ticket would close it).
    _process_fields = (*BaseComplaint._process_fields, "helpdesk_ticket_id")

    helpdesk_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        copy=False,
        readonly=True,
        index="btree_not_null",
        tracking=True,
    )

    def _set_state(self, state, values=None):
        result = super()._set_state(state, values)
        if state in ("done", "rejected"):
            self.helpdesk_ticket_id._aftersales_close()
        return result

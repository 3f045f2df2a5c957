# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesComplaint(models.Model):
    """C12: a complaint escalated from a helpdesk ticket closes the ticket
    when it is done (or rejected)."""

    _inherit = "aftersales.complaint"

    helpdesk_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        copy=False,
        index="btree_not_null",
        tracking=True,
    )

    def _set_state(self, state):
        result = super()._set_state(state)
        if state in ("done", "rejected"):
            self.helpdesk_ticket_id._aftersales_close()
        return result

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesContactCustomer(models.TransientModel):
    """The Contacted step (T2, S5): the customer was called; what was agreed
    goes to the request's chatter."""

    _name = "aftersales.contact.customer"
    _description = "Log a Contact with the Customer"

    request_id = fields.Many2one("aftersales.service.request", required=True)
    note = fields.Text(help="What was agreed with the customer, e.g. the visit time.")

    def action_confirm(self):
        self.ensure_one()
        self.request_id.action_mark_contacted(note=self.note)
        return {"type": "ir.actions.act_window_close"}

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HelpdeskTicketCategory(models.Model):
    _inherit = "helpdesk.ticket.category"

    aftersales_complaint_category_id = fields.Many2one(
        "aftersales.complaint.category",
        string="Complaint Category",
        help="A ticket of this category escalated to a complaint gets this "
        "complaint category (C12).",
    )

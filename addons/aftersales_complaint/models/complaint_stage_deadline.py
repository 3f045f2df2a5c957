# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .complaint import COMPLAINT_STATES


class AftersalesComplaintStageDeadline(models.Model):
    """How many working hours each step of a complaint may take (C11)."""

    _name = "aftersales.complaint.stage.deadline"
    _description = "Complaint Step Deadline"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    state = fields.Selection(COMPLAINT_STATES[:8], string="Step", required=True)
    hours = fields.Float(
        string="Working Hours", required=True, help="On the company's working calendar."
    )

    _state_uniq = models.Constraint("UNIQUE(state)", "Each step has one deadline.")
    _hours_positive = models.Constraint("CHECK(hours > 0)", "A deadline is a positive duration.")

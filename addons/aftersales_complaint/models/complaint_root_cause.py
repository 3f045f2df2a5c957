# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesComplaintRootCause(models.Model):
    """Root causes found by investigations (C5), kept as a list so that the
    same cause found again marks a repeat complaint (C8) and shows in the
    analysis (C14)."""

    _name = "aftersales.complaint.root.cause"
    _description = "Complaint Root Cause"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

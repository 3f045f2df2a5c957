# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesRatingCriterion(models.Model):
    """What customers rate a technician on (V2: attitude, technical skill,
    arrival time, keeping promises), and how much each weighs in the monthly
    scorecard's survey score (V3)."""

    _name = "aftersales.rating.criterion"
    _description = "Technician Rating Criterion"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    weight = fields.Float(
        default=25.0,
        help="Share of this criterion in the survey score, in percent.",
    )
    question = fields.Char(
        translate=True, help="How the survey asks the customer about this criterion."
    )

    _code_uniq = models.Constraint("UNIQUE(code)", "A criterion code must be unique.")
    _weight_range = models.Constraint(
        "CHECK(weight >= 0 AND weight <= 100)",
        "A weight is a percentage between 0 and 100.",
    )

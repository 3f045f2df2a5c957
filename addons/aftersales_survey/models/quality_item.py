# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesQualityItem(models.Model):
    """A point of the service-quality checklist (V7): enthusiasm, skill,
    speed, customer rating, error rate, incidents, compliance. Measured in
    numbers where possible, otherwise scored by judgement."""

    _name = "aftersales.quality.item"
    _description = "Quality Checklist Item"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    measure = fields.Selection(
        [("quantitative", "Measured"), ("qualitative", "Judged")],
        required=True,
        default="qualitative",
    )
    max_points = fields.Float(string="Points", required=True, default=10.0)
    guidance = fields.Text(translate=True, help="How to measure or judge this point.")

    _max_points_positive = models.Constraint(
        "CHECK(max_points > 0)", "A checklist item is worth some points."
    )

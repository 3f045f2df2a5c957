# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SurveyQuestion(models.Model):
    """A question of the satisfaction survey rates one criterion (V2)."""

    _inherit = "survey.question"

    aftersales_criterion_id = fields.Many2one(
        "aftersales.rating.criterion",
        string="Rated Criterion",
        help="The answer to this question rates the technician on this criterion.",
    )
    aftersales_is_comment = fields.Boolean(
        string="Suggestions or Complaints",
        help="The customer's free text; a complaint written here opens a complaint (V4).",
    )


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    aftersales_level = fields.Integer(
        string="Rating Level",
        help="1 (dissatisfied) to 4 (very satisfied): the level this choice gives the criterion.",
    )

    _aftersales_level_range = models.Constraint(
        "CHECK(aftersales_level >= 0 AND aftersales_level <= 4)",
        "A rating level is between 1 and 4 (0: not a rating).",
    )

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# The four levels of V2 as a score out of 100.
LEVEL_SCORE = {1: 25.0, 2: 50.0, 3: 75.0, 4: 100.0}


class AftersalesSurveyScore(models.Model):
    """One criterion's rating in one answered survey: what the monthly
    scorecard averages per technician and criterion (V2, V3)."""

    _name = "aftersales.survey.score"
    _description = "Survey Score per Criterion"
    _order = "date desc, id desc"

    service_survey_id = fields.Many2one(
        "aftersales.service.survey", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one("aftersales.rating.criterion", required=True, index=True)
    level = fields.Integer(required=True, aggregator="avg")
    score = fields.Float(required=True, aggregator="avg", help="The level as a score out of 100.")
    user_id = fields.Many2one(
        related="service_survey_id.user_id", store=True, index=True, string="Technician"
    )
    partner_id = fields.Many2one(related="service_survey_id.partner_id", store=True)
    date = fields.Date(related="service_survey_id.date_answered", store=True, index=True)
    company_id = fields.Many2one(related="service_survey_id.company_id", store=True, index=True)

    _criterion_once = models.Constraint(
        "UNIQUE(service_survey_id, criterion_id)",
        "A survey answer rates each criterion once.",
    )
    _level_range = models.Constraint(
        "CHECK(level >= 1 AND level <= 4)", "A rating level is between 1 and 4."
    )

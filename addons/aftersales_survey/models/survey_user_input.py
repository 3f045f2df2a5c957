# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class SurveyUserInput(models.Model):
    """A customer's answer to the satisfaction survey of a job: submitting it
    rates the technician (V2). Other surveys are left as Odoo has them."""

    _inherit = "survey.user_input"

    aftersales_service_survey_ids = fields.One2many(
        "aftersales.service.survey", "user_input_id", string="Service Survey"
    )

    def _mark_done(self):
        jobs = (
            self.env["aftersales.service.survey"].sudo().search([("user_input_id", "in", self.ids)])
        )
        if jobs.user_input_id.filtered(lambda answer: answer.state == "done"):
            raise UserError(self.env._("This survey has already been answered."))
        result = super()._mark_done()
        jobs._record_answers()
        return result

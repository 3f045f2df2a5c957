# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesServiceRequest(models.Model):
    _inherit = "aftersales.service.request"

    aftersales_survey_sent = fields.Boolean(
        string="Survey Sent", readonly=True, copy=False, index=True
    )
    aftersales_service_survey_ids = fields.One2many(
        "aftersales.service.survey", "request_id", string="Satisfaction Survey"
    )

    def action_view_aftersales_survey(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Satisfaction Survey"),
            "res_model": "aftersales.service.survey",
            "res_id": self.aftersales_service_survey_ids[:1].id,
            "view_mode": "form",
        }

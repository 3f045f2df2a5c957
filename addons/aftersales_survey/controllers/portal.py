# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer portal (X5, V1): the satisfaction surveys of the customer's jobs,
the ones waiting for an answer first, each opening Odoo's survey page with
its own answer token. Portal users have no access to the survey records:
they are read with sudo(), limited to the user's commercial partner."""

from odoo import http
from odoo.fields import Domain
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

SURVEY_MODEL = "aftersales.service.survey"


class AftersalesSurveyCustomerPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "service_survey_count" in counters:
            values["service_survey_count"] = (
                request.env[SURVEY_MODEL]
                .sudo()
                .search_count(
                    self._prepare_service_surveys_domain(request.env.user)
                    & Domain("state", "=", "sent")
                )
            )
        return values

    def _prepare_service_surveys_domain(self, user):
        return Domain("commercial_partner_id", "=", user.partner_id.commercial_partner_id.id)

    @http.route(["/my/surveys"], type="http", auth="user", website=True)
    def portal_my_service_surveys(self, **kw):
        surveys = (
            request.env[SURVEY_MODEL]
            .sudo()
            .search(
                self._prepare_service_surveys_domain(request.env.user),
                order="state desc, date_sent desc",
                limit=80,
            )
        )
        values = self._prepare_portal_layout_values()
        values.update({"service_surveys": surveys, "page_name": "service_survey"})
        return request.render("aftersales_survey.portal_my_service_surveys", values)

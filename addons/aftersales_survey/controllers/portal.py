# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer portal (X5, V1): the satisfaction surveys of the customer's jobs,
the ones waiting for an answer first, each opening Odoo's survey page with
its own answer token. Portal users have no access to the survey records:
they are read with sudo(), limited to the user's commercial partner."""

from odoo import http
from odoo.fields import Domain
from odoo.http import request

from odoo.addons.aftersales_base.controllers.portal import AftersalesPortal

SURVEY_MODEL = "aftersales.service.survey"


class AftersalesSurveyCustomerPortal(AftersalesPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "service_survey_count" in counters:
            values["service_survey_count"] = self._aftersales_portal_count(
                SURVEY_MODEL,
                self._prepare_service_surveys_domain(request.env.user)
                & Domain("state", "=", "sent"),
                sudo=True,
            )
        return values

    def _prepare_service_surveys_domain(self, user):
        return Domain("commercial_partner_id", "=", user.partner_id.commercial_partner_id.id)

    def _get_service_survey_searchbar_sortings(self):
        return {
            "state": {
                "label": request.env._("To Answer First"),
                "order": "state desc, date_sent desc, id desc",
            },
        }

    @http.route(
        ["/my/surveys", "/my/surveys/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_service_surveys(self, page=1, sortby=None, **kw):
        # sudo: portal users have no access to the survey records; the domain
        # limits them to the user's commercial partner.
        values = self._prepare_portal_list_values(
            SURVEY_MODEL,
            self._prepare_service_surveys_domain(request.env.user),
            "/my/surveys",
            self._get_service_survey_searchbar_sortings(),
            page=page,
            sortby=sortby,
            sudo=True,
        )
        # one order only: no "sort by" menu
        del values["searchbar_sortings"]
        values.update({"service_surveys": values.pop("records"), "page_name": "service_survey"})
        return request.render("aftersales_survey.portal_my_service_surveys", values)

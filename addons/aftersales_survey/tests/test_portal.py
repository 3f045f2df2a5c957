# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_base.tests.common import make_portal_customers

from .common import SurveyFixtures


@tagged("post_install", "-at_install")
class TestSurveyPortal(SurveyFixtures, HttpCase):
    """X5, V1: customers see the surveys of their own jobs in the portal and
    answer them from there."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()
        portal = make_portal_customers(cls.env, "SVY")
        cls.user_a, cls.user_b = portal["user_a"], portal["user_b"]
        sent = []
        for customer in (portal["customer_a"], portal["customer_b"]):
            request = cls.make_done_request(cls.tech, partner_id=customer.id)
            sent.append(
                cls.Survey._send(
                    cls.survey,
                    [{"request_id": request.id, "partner_id": customer.id, "user_id": cls.tech.id}],
                )
            )
        cls.survey_a, cls.survey_b = sent

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def test_portal_customer_sees_own_pending_surveys(self):
        self._login(self.user_a)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["service_survey_count"]})
        self.assertEqual(counters["service_survey_count"], 1)
        page = self.url_open("/my/surveys", timeout=60)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.survey_a.name, page.text)
        self.assertIn(self.survey_a.user_input_id.access_token, page.text)
        self.assertNotIn(self.survey_b.name, page.text)
        self.assertNotIn(self.survey_b.user_input_id.access_token, page.text)

    def test_portal_answered_survey_leaves_the_counter(self):
        self.answer(self.survey_a, {"attitude": 4, "skill": 4, "arrival": 4, "promise": 4})
        self._login(self.user_a)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["service_survey_count"]})
        self.assertEqual(counters["service_survey_count"], 0)
        page = self.url_open("/my/surveys", timeout=60)
        self.assertIn(self.survey_a.name, page.text)
        self.assertNotIn(self.survey_a.user_input_id.access_token, page.text)

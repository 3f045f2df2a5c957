# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestSurveyDemoStory(HttpCase):
    """X5, V1: the demo's portal customer (login customer, Li Ming) owns a
    certificate and service requests and finds his unanswered satisfaction
    survey in the portal."""

    def test_demo_customer_sees_pending_survey(self):
        # The suite's test command installs the demo data (scripts/test.sh).
        customer = self.env.ref("aftersales_warranty.user_customer_li_ming")
        partner = self.env.ref("aftersales_base.partner_li_ming")
        self.assertEqual(customer.partner_id, partner)
        self.assertTrue(customer.share)
        self.assertTrue(
            self.env["aftersales.warranty.certificate"].search_count(
                [("partner_id", "=", partner.id)]
            )
        )
        pending = self.env.ref("aftersales_survey.service_survey_li_ming")
        self.assertEqual(pending.state, "sent")
        self.authenticate("customer", "customer")
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["service_survey_count"]})
        self.assertEqual(counters["service_survey_count"], 1)
        page = self.url_open("/my/surveys", timeout=60)
        self.assertEqual(page.status_code, 200)
        self.assertIn(pending.user_input_id.access_token, page.text)
        self.assertNotIn(self.env.ref("aftersales_survey.service_survey_huaxin").name, page.text)

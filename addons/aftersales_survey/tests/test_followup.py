# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import SurveyFixtures


@tagged("post_install", "-at_install")
class TestFollowup(SurveyFixtures, TransactionCase):
    """V5, V6: follow-up calls and letters."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()
        cls.Followup = cls.env["aftersales.followup"]
        cls.satisfaction = cls.env.ref("aftersales_survey.followup_rule_satisfaction_call")
        cls.first = cls.env.ref("aftersales_survey.followup_rule_first_call")
        cls.second = cls.env.ref("aftersales_survey.followup_rule_second_call")

    def _of(self, request, rule):
        return self.Followup.search([("request_id", "=", request.id), ("rule_id", "=", rule.id)])

    def test_v6_next_day_satisfaction_call_once(self):
        request = self.make_done_request(self.tech)
        self.Followup._cron_plan()
        self.Followup._cron_plan()
        call = self._of(request, self.satisfaction)
        self.assertEqual(len(call), 1, "planned once, reruns add nothing")
        self.assertEqual(call.kind, "call")
        self.assertEqual(call.partner_id, self.customer)
        self.assertEqual(call.date_planned, self.today, "closed yesterday: called today")

    def test_v5_first_call_after_pickup_then_second(self):
        picked_up = self.make_done_request(self.tech, done=self.yesterday_noon - timedelta(days=3))
        picked_up.receipt_id = self.env["aftersales.goods.receipt"].create(
            {
                "request_id": picked_up.id,
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "lot_id": picked_up.lot_id.id,
                "date_in": picked_up.date_call,
                "date_promised": picked_up.date_done.date(),
                "date_out": picked_up.date_done,
                "state": "returned",
            }
        )
        on_site = self.make_done_request(self.tech, done=self.yesterday_noon - timedelta(days=3))
        self.Followup._cron_plan()
        first = self._of(picked_up, self.first)
        self.assertEqual(len(first), 1)
        self.assertEqual((first.date_deadline - first.date_planned).days, 4, "3 to 7 days")
        self.assertFalse(self._of(on_site, self.first), "nothing picked up: no pick-up call")
        self.assertFalse(self._of(picked_up, self.second), "the second waits for the first")
        first.write({"result": "satisfied", "content": "Works fine"})
        first.action_done()
        first.date_done = first.date_done - timedelta(days=6)
        self.Followup._cron_plan()
        second = self._of(picked_up, self.second)
        self.assertEqual(len(second), 1)
        self.assertEqual(second.date_planned, first.date_done.date() + timedelta(days=7))

    def test_v5_call_record_needs_result_and_content(self):
        call = self.Followup.create({"partner_id": self.customer.id, "kind": "call"})
        self.assertTrue(call.name.startswith("FU/"))
        with self.assertRaises(UserError):
            call.action_done()
        call.result = "satisfied"
        with self.assertRaises(UserError):
            call.action_done()
        call.content = "All good"
        call.action_done()
        self.assertEqual((call.state, call.user_id), ("done", self.env.user))
        self.assertTrue(call.date_done)

    def test_v5_followup_register_prints_calls(self):
        calls = self.Followup.create(
            [
                {"partner_id": self.customer.id, "content": "Unit works", "result": "satisfied"},
                {"partner_id": self.customer.id, "kind": "letter", "content": "Invitation"},
            ]
        )
        calls[0].action_done()
        report = self.env.ref("aftersales_survey.action_report_followup_register")
        html, _kind = report._render_qweb_html(report.id, calls.ids)
        html = html.decode()
        self.assertIn(calls[0].name, html)
        self.assertIn(calls[1].name, html)
        self.assertIn("Unit works", html)
        self.assertIn("Follow-up Register", html)

    def test_v5_unresolved_request_goes_to_supervisor_within_two_days(self):
        request = self.make_done_request(self.tech)
        call = self.Followup.create(
            {
                "partner_id": self.customer.id,
                "request_id": request.id,
                "content": "Asked about the noise",
                "customer_request": "Wants a spare filter delivered",
                "result": "unresolved",
            }
        )
        call.action_done()
        activity = call.activity_ids
        self.assertEqual(activity.user_id, self.supervisor)
        self.assertEqual(activity.date_deadline, self.today + timedelta(days=2))

    def test_v5_event_announced_two_weeks_ahead(self):
        other = self.customer.copy({"name": "Second customer"})
        event = self.env["aftersales.followup.event"].create(
            {
                "name": "Free summer check-up",
                "date_event": self.today + timedelta(days=30),
                "partner_ids": [(6, 0, (self.customer | other).ids)],
            }
        )
        event.action_announce()
        self.assertEqual(event.state, "announced")
        self.assertEqual(len(event.followup_ids), 4)
        calls = event.followup_ids.filtered(lambda f: f.kind == "call")
        letters = event.followup_ids - calls
        self.assertEqual(calls.partner_id, self.customer | other)
        self.assertEqual(set(calls.mapped("date_planned")), {event.date_event - timedelta(days=14)})
        self.assertEqual(
            set(letters.mapped("date_deadline")), {event.date_event - timedelta(days=12)}
        )
        late = event.copy({"date_event": self.today + timedelta(days=5)})
        with self.assertRaises(UserError):
            late.action_announce()

    def test_v5_technician_cannot_read_the_follow_up_register(self):
        self.Followup.create({"partner_id": self.customer.id})
        with self.assertRaises(AccessError):
            self.Followup.with_user(self.tech2).search([])
        self.assertTrue(self.Followup.with_user(self.desk).search([]))

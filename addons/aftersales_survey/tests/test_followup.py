# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import UTC_NIGHT, assertQueriesConstant

from .common import SurveyFixtures


@tagged("post_install", "-at_install")
@freeze_time(UTC_NIGHT)
class TestFollowup(SurveyFixtures, TransactionCase):
    """V5, V6: follow-up calls and letters. The clock stands where UTC's day
    is not the company's (issue 12)."""

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
        receipt = self.env["aftersales.goods.receipt"]._create_process(
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
        picked_up._write_process({"receipt_id": receipt.id})
        on_site = self.make_done_request(self.tech, done=self.yesterday_noon - timedelta(days=3))
        self.Followup._cron_plan()
        first = self._of(picked_up, self.first)
        self.assertEqual(len(first), 1)
        # picked up on Friday 27 November: 3 to 7 working days (T1)
        self.assertEqual(first.date_planned, date(2026, 12, 2))
        self.assertEqual(first.date_deadline, date(2026, 12, 8))
        self.assertFalse(self._of(on_site, self.first), "nothing picked up: no pick-up call")
        self.assertFalse(self._of(picked_up, self.second), "the second waits for the first")
        first.write({"result": "satisfied", "content": "Works fine"})
        # made nine days ago, through its step (X6: date_done is the step's)
        with freeze_time(fields.Datetime.now() - timedelta(days=9)):
            first.action_done()
        self.Followup._cron_plan()
        second = self._of(picked_up, self.second)
        self.assertEqual(len(second), 1)
        self.assertEqual(self.env.company._aftersales_date(first.date_done), date(2026, 11, 22))
        self.assertEqual(
            second.date_planned,
            date(2026, 12, 1),
            "seven working days after the first call (a Sunday), on the company's day",
        )

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

    def test_t1_holiday_moves_follow_up_due_dates(self):
        """T1: follow-up days are working days: a public holiday entered on
        Wednesday 2 December moves the satisfaction call's window, the
        supervisor's report of an unresolved request and an event's letter."""
        self.env["aftersales.calendar.day"].create(
            {
                "name": "Company holiday",
                "date_from": date(2026, 12, 2),
                "date_to": date(2026, 12, 3),
            }
        )
        # closed on Friday 27 November, the customer file (0 to 2 working days)
        # is due on Tuesday 1 December; closed on Monday 30, on Friday 4
        before = self.make_done_request(self.tech, done=self.yesterday_noon - timedelta(days=3))
        request = self.make_done_request(self.tech)
        self.Followup._cron_plan()
        customer_file = self.env.ref("aftersales_survey.followup_rule_customer_file")
        self.assertEqual(self._of(before, customer_file).date_deadline, date(2026, 12, 1))
        self.assertEqual(self._of(request, customer_file).date_deadline, date(2026, 12, 4))
        call = self.Followup.create(
            {
                "partner_id": self.customer.id,
                "request_id": request.id,
                "content": "Asked about the noise",
                "result": "unresolved",
            }
        )
        call.action_done()
        self.assertEqual(call.activity_ids.date_deadline, date(2026, 12, 7))
        event = self.env["aftersales.followup.event"].create(
            {
                "name": "Winter check-up",
                "date_event": date(2026, 12, 15),  # called on Tuesday 1 December
                "partner_ids": [(6, 0, self.customer.ids)],
            }
        )
        event.action_announce()
        letter = event.followup_ids.filtered(lambda f: f.kind == "letter")
        self.assertEqual(letter.date_deadline, date(2026, 12, 7))

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
        # the call on Thursday 17 December, the letter two working days later
        self.assertEqual(set(letters.mapped("date_deadline")), {date(2026, 12, 21)})
        late = event.copy({"date_event": self.today + timedelta(days=5)})
        with self.assertRaises(UserError):
            late.action_announce()

    def test_v5_technician_cannot_read_the_follow_up_register(self):
        self.Followup.create({"partner_id": self.customer.id})
        with self.assertRaises(AccessError):
            self.Followup.with_user(self.tech2).search([])
        self.assertTrue(self.Followup.with_user(self.desk).search([]))


@tagged("post_install", "-at_install")
@freeze_time(UTC_NIGHT)
class TestCustomerFile(SurveyFixtures, TransactionCase):
    """V5: the customer file (客户档案) is completed within two days of the
    service, with the service the customer hopes for, the maintenance cycle
    and the next maintenance, and the next service call planned."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()
        cls.Followup = cls.env["aftersales.followup"]
        cls.file_rule = cls.env.ref("aftersales_survey.followup_rule_customer_file")
        cls.file_data = {
            "file_service_wish": "A reminder before the summer maintenance",
            "file_maintenance_months": 6,
            "file_next_maintenance": cls.today + timedelta(days=180),
            "file_next_call_content": "Offer the free filter check of the summer campaign",
            "file_next_call_date": cls.today + timedelta(days=30),
        }

    def _file_of(self, request):
        return self.Followup.search(
            [("request_id", "=", request.id), ("rule_id", "=", self.file_rule.id)]
        )

    def test_v5_customer_file_planned_within_two_days_once(self):
        request = self.make_done_request(self.tech)
        self.Followup._cron_plan()
        self.Followup._cron_plan()
        customer_file = self._file_of(request)
        self.assertEqual(len(customer_file), 1, "planned once, reruns add nothing")
        self.assertEqual(customer_file.kind, "file")
        self.assertEqual(customer_file.partner_id, self.customer)
        closed_on = self.today - timedelta(days=1)
        self.assertEqual(customer_file.date_planned, closed_on)
        self.assertEqual(customer_file.date_deadline, closed_on + timedelta(days=2))
        self.assertFalse(customer_file.is_overdue)

    def test_v5_customer_file_refused_without_its_data(self):
        request = self.make_done_request(self.tech)
        self.Followup._cron_plan()
        customer_file = self._file_of(request)
        data = dict(self.file_data, file_next_call_date=False)
        customer_file.with_user(self.desk).write(data)
        with self.assertRaises(UserError):
            customer_file.with_user(self.desk).action_done()
        self.assertEqual(customer_file.state, "todo")
        self.assertFalse(self.customer.aftersales_file_date)

    def test_v5_customer_file_completed_records_the_file_and_date(self):
        request = self.make_done_request(self.tech)
        self.Followup._cron_plan()
        customer_file = self._file_of(request).with_user(self.desk)
        customer_file.write(self.file_data)
        customer_file.action_done()
        self.assertEqual(customer_file.state, "done")
        self.assertTrue(customer_file.date_done)
        self.assertFalse(customer_file.result, "a file has no call result")
        self.assertEqual(self.customer.aftersales_file_date, self.today)
        self.assertEqual(self.customer.aftersales_maintenance_months, 6)
        self.assertEqual(self.customer.aftersales_next_call_date, self.today + timedelta(days=30))
        self.assertEqual(
            self.customer.aftersales_service_wish, "A reminder before the summer maintenance"
        )
        with self.assertRaises(UserError):
            customer_file.write({"file_maintenance_months": 12})

    def test_v5_customer_file_only_written_from_a_file(self):
        call = self.Followup.create({"partner_id": self.customer.id, "kind": "call"})
        with self.assertRaises(UserError):
            call.write({"file_service_wish": "Not from a call"})
        self.assertFalse(self.customer.aftersales_service_wish)

    def test_v5_overdue_customer_file_goes_to_supervisor_once(self):
        # closed on Wednesday 25 November: due Friday 27 (two working days)
        late = self.make_done_request(self.tech, done=self.yesterday_noon - timedelta(days=5))
        on_time = self.make_done_request(self.tech)
        self.Followup._cron_plan()
        late_file, on_time_file = self._file_of(late), self._file_of(on_time)
        self.assertTrue(late_file.is_overdue)
        self.assertFalse(on_time_file.is_overdue)
        overdue_filter = [
            ("state", "=", "todo"),
            ("date_deadline", "<", self.today),
            ("kind", "=", "file"),
        ]
        found = self.Followup.with_user(self.supervisor).search(overdue_filter)
        self.assertIn(late_file, found)
        self.assertNotIn(on_time_file, found)
        self.assertTrue(late_file.supervisor_reported)
        activity = late_file.activity_ids
        self.assertEqual(activity.user_id, self.supervisor)
        self.assertEqual(activity.summary, "Customer file overdue")
        self.assertFalse(on_time_file.activity_ids)
        self.Followup._cron_plan()
        self.assertEqual(len(late_file.activity_ids), 1, "reported once")

    def test_v5_overdue_files_reported_in_flat_queries(self):
        request = self.make_done_request(self.tech)

        def overdue_files(count):
            return self.Followup.create(
                [
                    {
                        "kind": "file",
                        "request_id": request.id,
                        "partner_id": self.customer.id,
                        "date_planned": self.today - timedelta(days=5),
                        "date_deadline": self.today - timedelta(days=3),
                    }
                    for _i in range(count)
                ]
            )

        def report(files):
            self.Followup._report_overdue_files()
            return files

        # the same queries for 1 or 8 overdue files
        for files in assertQueriesConstant(self, overdue_files, report, sizes=(1, 8)):
            self.assertTrue(all(files.mapped("supervisor_reported")))
            self.assertEqual(files.activity_ids.user_id, self.supervisor)

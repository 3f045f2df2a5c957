# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, TransactionCase, tagged
from odoo.tools import format_date

from odoo.addons.aftersales_base.tests.common import (
    assertQueriesConstant,
    load_language,
    make_portal_customers,
    make_user,
)

from .common import SIGNATURE, ServiceFixtures

# Monday 23 November 2026; the company's day is China's (UTC+8).
MONDAY = date(2026, 11, 23)
CALL_0900 = datetime(2026, 11, 23, 1, 0)  # 09:00 local
LOCAL_1500 = "2026-11-23 07:00:00"
LOCAL_1630 = "2026-11-23 08:30:00"  # the reminder
LOCAL_1800 = "2026-11-23 10:00:00"
LOCAL_1830 = "2026-11-23 10:30:00"  # the list to the sales director
# 01:00 on Tuesday in China, still Monday in UTC: the company's today is Tuesday.
TUESDAY_0100 = "2026-11-23 17:00:00"


@tagged("post_install", "-at_install")
class TestSameDay(ServiceFixtures, TransactionCase):
    """T4 (篇九): a call not solved the company's local day it came in needs the
    reason and a promised date; the customer is told; an evening reminder; the
    day's list to the sales director."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        cls.Request = cls.env["aftersales.service.request"]
        cls.customer.lang = "en_US"
        cls.director = make_user(
            cls.env,
            "employee",
            login="as_sd_director",
            name="Director Wang",
            email="wang@example.com",
        )
        cls.portal = make_user(cls.env, "portal", login="as_sd_portal", name="Customer Contact")
        cls.portal.partner_id.parent_id = cls.customer

    # helpers ------------------------------------------------------------------

    def _dispatched(self, call=CALL_0900, **vals):
        request = self.make_request(call=call, **vals)
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        return request

    def _close(self, request, at):
        """Through the steps: dispatched, arrived, signed and closed at ``at``."""
        with freeze_time(at):
            if request.state == "to_dispatch":
                request.with_user(self.supervisor).write({"user_id": self.tech.id})
            job = request.with_user(self.tech)
            job.action_arrive()
            job.write(
                {"diagnosis": "Fan replaced.", "customer_signature": SIGNATURE, "signed_by": "Li"}
            )
            job.action_close_on_site()
        self.assertEqual(request.state, "done")
        return request

    def _unsolved(self):
        self.env.invalidate_all()
        return self.Request.search([("is_unsolved_same_day", "=", True)])

    def _flush_tracking(self):
        self.env.flush_all()
        self.cr.flush()

    # the company's local day --------------------------------------------------

    def test_open_call_is_unsolved_by_the_evening(self):
        request = self.make_request(call=CALL_0900)
        with freeze_time(LOCAL_1800):
            self.assertTrue(request.is_unsolved_same_day)
            self.assertIn(request, self._unsolved())
            self.assertNotIn(request, self.Request.search([("is_unsolved_same_day", "=", False)]))

    def test_done_the_same_day_is_solved(self):
        request = self._close(self.make_request(call=CALL_0900), LOCAL_1500)
        with freeze_time(LOCAL_1800):
            self.assertTrue(request.is_solved_same_day)
            self.assertFalse(request.is_unsolved_same_day)
            self.assertNotIn(request, self._unsolved())

    def test_cancelled_is_not_counted(self):
        request = self.make_request(call=CALL_0900)
        request.with_user(self.desk).action_cancel()
        with freeze_time(LOCAL_1800):
            self.assertFalse(request.is_unsolved_same_day)
            self.assertNotIn(request, self._unsolved())

    def test_the_local_day_counts_not_the_utc_day(self):
        # 23:30 on Monday in China (15:30 UTC), done at 00:30 on Tuesday in
        # China (16:30 UTC, still Monday in UTC): not solved the same day.
        late = self._close(
            self.make_request(call=datetime(2026, 11, 23, 15, 30)), "2026-11-23 16:30:00"
        )
        # 07:30 on Tuesday in China (23:30 UTC on Monday), done at 10:00 on
        # Tuesday in China (02:00 UTC on Tuesday): solved the same day.
        early = self._close(
            self.make_request(call=datetime(2026, 11, 23, 23, 30), lot=self.new_lot()),
            "2026-11-24 02:00:00",
        )
        with freeze_time("2026-11-24 10:00:00"):
            self.assertFalse(late.is_solved_same_day)
            self.assertTrue(late.is_unsolved_same_day)
            self.assertTrue(early.is_solved_same_day)
            self.assertFalse(early.is_unsolved_same_day)
            unsolved = self._unsolved()
            self.assertIn(late, unsolved)
            self.assertNotIn(early, unsolved)

    # the promise step ---------------------------------------------------------

    def test_technician_gives_reason_and_date_and_the_customer_is_told(self):
        request = self._dispatched()
        with freeze_time(LOCAL_1800):
            result = request.with_user(self.tech).action_promise_resolution(
                "  The compressor must come from the factory.  ", date(2026, 11, 25)
            )
        self.assertIs(result, True)
        self.assertEqual(request.same_day_reason, "The compressor must come from the factory.")
        self.assertEqual(request.date_promised_resolution, date(2026, 11, 25))
        self.assertEqual(request.date_promise_given, datetime(2026, 11, 23, 10, 0))
        told = request.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertEqual(len(told), 1, "one message to the customer")
        self.assertEqual(told.subtype_id, self.env.ref("mail.mt_comment"))
        self.assertEqual(told.message_type, "comment")
        self.assertEqual(told.author_id, self.tech.partner_id)
        self.assertIn("compressor must come from the factory", told.body)
        self.assertIn(format_date(self.env, date(2026, 11, 25)), told.body)
        self.assertIn(request.name, told.body)
        mail = self.env["mail.mail"].sudo().search([("mail_message_id", "=", told.id)])
        self.assertTrue(mail, "a real outgoing e-mail")
        self.assertIn(self.customer, mail.recipient_ids)

    def test_desk_supervisor_and_manager_may_promise(self):
        for user in (self.desk, self.supervisor, self.manager):
            with self.subTest(user=user.login):
                request = self.make_request(call=CALL_0900, lot=self.new_lot())
                with freeze_time(LOCAL_1800):
                    request.with_user(user).action_promise_resolution(
                        "Waiting for the part", MONDAY + timedelta(days=2)
                    )
                self.assertEqual(request.same_day_reason, "Waiting for the part")

    def test_promise_refusals_write_nothing(self):
        request = self._dispatched()
        job = request.with_user(self.tech)
        with freeze_time(TUESDAY_0100):
            # the company's today is Tuesday 24th: Monday 23rd (UTC's today) is past
            with self.assertRaisesRegex(UserError, "in the past"):
                job.action_promise_resolution("Part ordered", date(2026, 11, 23))
            for reason in (False, "", "   "):
                with self.assertRaisesRegex(UserError, "reason"):
                    job.action_promise_resolution(reason, date(2026, 11, 25))
            with self.assertRaisesRegex(UserError, "at most 1000"):
                job.action_promise_resolution("x" * 1001, date(2026, 11, 25))
            with self.assertRaisesRegex(UserError, "date"):
                job.action_promise_resolution("Part ordered", False)
            with self.assertRaisesRegex(UserError, "at most 2000"):
                job.action_promise_resolution("Part ordered", date(2026, 11, 25), "y" * 2001)
            with self.assertRaises(AccessError):
                request.with_user(self.portal).action_promise_resolution(
                    "I say so", date(2026, 11, 25)
                )
            with self.assertRaises(AccessError):
                request.with_user(self.tech2).action_promise_resolution(
                    "Not my job", date(2026, 11, 25)
                )
            with self.assertRaises(AccessError):
                request.with_user(self.portal).action_not_solved_today()
        self.assertFalse(request.same_day_reason)
        self.assertFalse(request.date_promised_resolution)
        self.assertFalse(request.date_promise_given)
        self.assertFalse(request.message_ids.filtered(lambda m: self.customer in m.partner_ids))
        with freeze_time(TUESDAY_0100):
            job.action_promise_resolution("Part ordered", date(2026, 11, 24))
        self.assertEqual(request.date_promised_resolution, date(2026, 11, 24), "today is fine")

    def test_closed_request_needs_no_promise(self):
        request = self._close(self.make_request(call=CALL_0900), LOCAL_1500)
        with freeze_time(LOCAL_1800), self.assertRaisesRegex(UserError, "closed"):
            request.with_user(self.desk).action_promise_resolution("Late", date(2026, 11, 25))

    def test_plain_write_and_create_cannot_bypass_the_step(self):
        request = self._dispatched()
        values = {
            "same_day_reason": "Written directly",
            "date_promised_resolution": date(2026, 12, 1),
            "date_promise_given": datetime(2026, 11, 23, 10, 0),
            "same_day_reminded": True,
            "is_solved_same_day": True,
        }
        for user in (self.desk, self.tech, self.manager):
            for name, value in values.items():
                with self.subTest(user=user.login, field=name), self.assertRaises(UserError):
                    request.with_user(user).write({name: value})
        with self.assertRaises(UserError):
            self.Request.with_user(self.desk).create(
                {
                    "partner_id": self.customer.id,
                    "zone_id": self.zone.id,
                    "fault_description": "Noisy",
                    "same_day_reason": "Born with a reason",
                }
            )
        self.assertFalse(request.same_day_reason)

    def test_promise_given_again_keeps_the_history(self):
        request = self._dispatched()
        self._flush_tracking()  # registered in an earlier transaction
        job = request.with_user(self.tech)
        with freeze_time(LOCAL_1800):
            job.action_promise_resolution("Part ordered", date(2026, 11, 25))
            self._flush_tracking()
        with freeze_time("2026-11-25 09:00:00"):
            job.action_promise_resolution("The factory sent the wrong part", date(2026, 11, 27))
            self._flush_tracking()
        self.assertEqual(request.date_promised_resolution, date(2026, 11, 27))
        trackings = request.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "date_promised_resolution"
        )
        self.assertEqual(len(trackings), 2, "both promises in the chatter")
        reasons = request.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "same_day_reason"
        )
        self.assertEqual(len(reasons), 2)
        told = request.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertEqual(len(told), 2, "the customer is told each time")

    def test_wizard_prefills_the_message(self):
        request = self._dispatched()
        with freeze_time(LOCAL_1800):
            action = request.with_user(self.tech).action_not_solved_today()
            self.assertEqual(action["res_model"], "aftersales.same.day.promise")
            wizard_model = self.env[action["res_model"]].with_user(self.tech)
            form = Form(wizard_model.with_context(**action["context"]))
            self.assertEqual(form.date_promised, date(2026, 11, 24), "tomorrow, company's day")
            form.reason = "Leaking coil: replacement ordered"
            form.date_promised = date(2026, 11, 26)
            self.assertIn(request.name, form.message)
            self.assertIn("Leaking coil: replacement ordered", form.message)
            self.assertIn(format_date(self.env, date(2026, 11, 26)), form.message)
            form.message = form.message + "\nYour technician, Zhang."
            wizard = form.save()
            self.assertIs(wizard.action_confirm(), True)
        self.assertEqual(request.same_day_reason, "Leaking coil: replacement ordered")
        self.assertEqual(request.date_promised_resolution, date(2026, 11, 26))
        told = request.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertIn("Your technician, Zhang.", told.body)

    # the evening reminder -----------------------------------------------------

    def test_reminder_once_per_open_call_of_today_without_promise(self):
        dispatched = self._dispatched()
        waiting = self.make_request(call=CALL_0900, lot=self.new_lot())
        promised = self._dispatched(lot=self.new_lot())
        with freeze_time(LOCAL_1500):
            promised.with_user(self.tech).action_promise_resolution("Part", date(2026, 11, 25))
        yesterday = self.make_request(call=datetime(2026, 11, 22, 1, 0), lot=self.new_lot())
        done = self._close(self.make_request(call=CALL_0900, lot=self.new_lot()), LOCAL_1500)
        cancelled = self.make_request(call=CALL_0900, lot=self.new_lot())
        cancelled.with_user(self.desk).action_cancel()
        activity_type = self.env.ref("aftersales_repair.mail_activity_same_day_promise")
        with freeze_time(LOCAL_1630):
            self.assertEqual(self.Request._cron_remind_same_day(), 2)
            self.assertEqual(self.Request._cron_remind_same_day(), 0, "rerun: nothing new")
        self.assertEqual(dispatched.activity_ids.user_id, self.tech)
        self.assertEqual(waiting.activity_ids.user_id, self.supervisor, "not dispatched")
        for request in dispatched | waiting:
            self.assertEqual(request.activity_ids.activity_type_id, activity_type)
            self.assertEqual(request.activity_ids.date_deadline, MONDAY)
            self.assertEqual(
                request.activity_ids.summary,
                "Not solved today: give the reason and the promised date",
            )
        for request in promised | yesterday | done | cancelled:
            # (a job closed late asks its supervisor for the breach cause: T3)
            reminders = request.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            self.assertFalse(reminders, request.name)
        with freeze_time(LOCAL_1800):
            dispatched.with_user(self.tech).action_promise_resolution("Part", date(2026, 11, 25))
            waiting.with_user(self.desk).action_promise_resolution("Part", date(2026, 11, 25))
        self.assertFalse(dispatched.activity_ids, "the promise closes the reminder")
        self.assertFalse(waiting.activity_ids, "also the supervisor's, closed by the desk")

    def test_scheduled_actions_run_their_methods(self):
        self.env.company.aftersales_sales_director_id = self.director
        request = self._dispatched()
        with freeze_time(LOCAL_1630):
            self.env.ref("aftersales_repair.ir_cron_remind_same_day").ir_actions_server_id.run()
        self.assertTrue(request.activity_ids)
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search([("recipient_ids", "in", self.director.partner_id.ids)])
        )
        with freeze_time(LOCAL_1830):
            cron = self.env.ref("aftersales_repair.ir_cron_report_same_day_unsolved")
            cron.ir_actions_server_id.run()
        sent = (
            self.env["mail.mail"]
            .sudo()
            .search([("recipient_ids", "in", self.director.partner_id.ids)])
        )
        self.assertEqual(len(sent - mails), 1)
        self.assertEqual(self.env.company.aftersales_same_day_reported_on, MONDAY)

    def test_reminder_uses_the_company_day(self):
        # 07:30 on Tuesday in China is still Monday in UTC.
        tuesday = self.make_request(call=datetime(2026, 11, 23, 23, 30))
        monday = self.make_request(call=CALL_0900, lot=self.new_lot())
        with freeze_time("2026-11-24 08:30:00"):  # 16:30 on Tuesday in China
            self.assertEqual(self.Request._cron_remind_same_day(), 1)
        self.assertTrue(tuesday.activity_ids)
        self.assertFalse(monday.activity_ids)

    def test_reminder_queries_do_not_grow(self):
        def make_batch(count):
            return self.Request.create(
                [
                    {
                        "partner_id": self.customer.id,
                        "zone_id": self.zone.id,
                        "product_id": self.product.id,
                        "fault_description": "batch",
                        "date_call": CALL_0900,
                    }
                    for _i in range(count)
                ]
            )

        with freeze_time(LOCAL_1630):
            domain = self.Request._same_day_today_domain()
            done = assertQueriesConstant(
                self,
                make_batch,
                lambda _batch: self.Request._remind_same_day_batch(domain, 1000),
                sizes=(3, 30),
            )
        self.assertEqual(done, (3, 30))

    # the daily list to the sales director ---------------------------------------

    def _day_of_calls(self):
        promised = self._dispatched()
        with freeze_time(LOCAL_1500):
            promised.with_user(self.tech).action_promise_resolution(
                "Compressor ordered from the factory", date(2026, 11, 25)
            )
        silent = self.make_request(call=datetime(2026, 11, 23, 3, 15), lot=self.new_lot())
        done = self._close(self.make_request(call=CALL_0900, lot=self.new_lot()), LOCAL_1500)
        yesterday = self.make_request(call=datetime(2026, 11, 22, 1, 0), lot=self.new_lot())
        cancelled = self.make_request(call=CALL_0900, lot=self.new_lot())
        cancelled.with_user(self.desk).action_cancel()
        return promised, silent, done | yesterday | cancelled

    def test_director_receives_exactly_the_days_unsolved_calls(self):
        self.env.company.aftersales_sales_director_id = self.director
        promised, silent, others = self._day_of_calls()
        with freeze_time(LOCAL_1830):
            mail = self.Request._cron_report_same_day_unsolved()
            self.assertFalse(self.Request._cron_report_same_day_unsolved(), "rerun: no second mail")
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.director.partner_id)
        self.assertIn("2 calls", mail.subject)
        for request in promised | silent:
            self.assertIn(f'data-request="{request.name}"', mail.body_html)
        for request in others:
            self.assertNotIn(f'data-request="{request.name}"', mail.body_html)
        self.assertIn("Compressor ordered from the factory", mail.body_html)
        self.assertIn("No reason given", mail.body_html, "flagged")
        self.assertEqual(len(mail.attachment_ids), 1)
        self.assertTrue(mail.attachment_ids.name.endswith(".pdf"))
        self.assertTrue(mail.attachment_ids.raw)

        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "aftersales_repair.action_report_same_day_unsolved", (promised | silent).ids
            )[0]
            .decode()
        )
        for request in promised | silent:
            self.assertIn(f'data-request="{request.name}"', html)
        self.assertIn("Compressor ordered from the factory", html)
        self.assertIn(self.customer.name, html)
        self.assertIn(self.product.name, html)
        self.assertIn(self.tech.name, html)
        self.assertIn(format_date(self.env, date(2026, 11, 25)), html)
        self.assertIn("No reason given", html)
        self.assertIn("11:15", html, "the call's time in the company's time zone")
        self.assertNotIn("03:15", html)

    def test_without_director_the_service_manager_receives_it(self):
        self.env.company.aftersales_sales_director_id = False
        self.env.company.aftersales_service_manager_id = self.manager
        self._day_of_calls()
        with freeze_time(LOCAL_1830):
            mail = self.Request._cron_report_same_day_unsolved()
        self.assertEqual(mail.recipient_ids, self.manager.partner_id)

    def test_director_reads_the_list_in_his_language(self):
        load_language(self.env, ["aftersales_repair"])
        self.director.lang = "zh_CN"
        self.env.company.aftersales_sales_director_id = self.director
        self._day_of_calls()
        with freeze_time(LOCAL_1830):
            mail = self.Request._cron_report_same_day_unsolved()
        self.assertIn("当日未解决", mail.subject)
        self.assertIn("未说明原因", mail.body_html)
        self.assertIn("承诺解决日期", mail.body_html)

    def test_nothing_unsolved_no_mail(self):
        self.env.company.aftersales_sales_director_id = self.director
        self._close(self.make_request(call=CALL_0900), LOCAL_1500)
        mails = self.env["mail.mail"].sudo().search_count([])
        with freeze_time(LOCAL_1830):
            self.assertFalse(self.Request._cron_report_same_day_unsolved())
        self.assertEqual(self.env["mail.mail"].sudo().search_count([]), mails)

    def test_director_list_queries_do_not_grow(self):
        self.env.company.aftersales_sales_director_id = self.director
        company = self.env.company

        def make_batch(count):
            return self.Request.create(
                [
                    {
                        "partner_id": self.customer.id,
                        "zone_id": self.zone.id,
                        "product_id": self.product.id,
                        "fault_description": "batch",
                        "date_call": CALL_0900,
                    }
                    for _i in range(count)
                ]
            )

        def run(_batch):
            company.sudo().aftersales_same_day_reported_on = False
            return self.Request._cron_report_same_day_unsolved()

        with freeze_time(LOCAL_1830):
            small, big = assertQueriesConstant(self, make_batch, run, sizes=(3, 30))
        self.assertEqual(len(small), 1)
        self.assertEqual(len(big), 1)

    def test_settings_show_the_sales_director(self):
        settings = self.env["res.config.settings"].create({})
        settings.aftersales_sales_director_id = self.director
        settings.execute()
        self.assertEqual(self.env.company.aftersales_sales_director_id, self.director)


@tagged("post_install", "-at_install")
class TestSameDayPortal(ServiceFixtures, HttpCase):
    """T4: the customer sees the promised date on his request's page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        portal = make_portal_customers(cls.env, "SD")
        cls.customer_a, cls.user_a = portal["customer_a"], portal["user_a"]

    def test_portal_shows_the_promised_date(self):
        request = self.make_request(
            partner_id=self.customer_a.id, call=fields.Datetime.now() - timedelta(hours=1)
        )
        self.authenticate(self.user_a.login, self.user_a.login)
        response = self.url_open(request.access_url, timeout=60)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("Promised Resolution Date", response.text)
        promised = self.env.company._aftersales_today() + timedelta(days=2)
        request.action_promise_resolution("Part ordered", promised)
        response = self.url_open(request.access_url, timeout=60)
        self.assertIn("Promised Resolution Date", response.text)
        self.assertIn(format_date(self.env, promised), response.text)

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from odoo.addons.aftersales_base.tests.common import (
    UTC_NIGHT,
    assertQueriesConstant,
    make_user,
)
from odoo.addons.aftersales_base.tests.process_bypass import ProcessBypassAsserts

from ..models.call_log import phone_key
from .common import ServiceFixtures

# 07:30 on 1 December 2026 in China, still 30 November in UTC
NOW = datetime.fromisoformat(UTC_NIGHT)
CHINA_DAY = date(2026, 12, 1)


@tagged("post_install", "-at_install")
class TestCallLog(ServiceFixtures, ProcessBypassAsserts, TransactionCase):
    """I5: every inbound call logged in seconds, the caller found by his
    number however it is written, turned into a service request once; the
    follow-ups of an absent clerk go to his deputy."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        cls.Call = cls.env["aftersales.call.log"]
        cls.customer.phone = "+86 138-0000-0000"
        cls.customer.aftersales_zone_id = cls.zone
        cls.desk2 = make_user(cls.env, "desk", login="as_i5_desk2")
        Employee = cls.env["hr.employee"]
        cls.deputy_emp = Employee.create({"name": "Deputy Clerk", "user_id": cls.desk2.id})
        cls.clerk_emp = Employee.create(
            {
                "name": "Hotline Clerk",
                "user_id": cls.desk.id,
                "aftersales_deputy_id": cls.deputy_emp.id,
            }
        )

    def _call(self, **vals):
        return self.Call.create(
            [
                {
                    "user_id": self.desk.id,
                    "caller_phone": "13800000000",
                    "call_type": "repair",
                    "question": "The outdoor unit is noisy.",
                    "date_received": NOW,
                    **vals,
                }
            ]
        )

    def _callback_activities(self, calls):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "aftersales.call.log"),
                ("res_id", "in", calls.ids),
                ("activity_type_id", "=", self.env.ref("mail.mail_activity_data_call").id),
            ]
        )

    # -- logging --------------------------------------------------------------
    def test_i5_phone_key_normalizes_written_differently(self):
        """I5: one number, written in the ways callers and clerks write it."""
        for number in ("+86 138-0000-0000", "0086 138 0000 0000", "13800000000", "138.0000.0000"):
            self.assertEqual(phone_key(number), "13800000000", number)
        self.assertEqual(phone_key("0571-8888 8888"), phone_key("+86 571 8888 8888"))
        self.assertEqual(phone_key("no number"), "")

    @freeze_time(UTC_NIGHT)
    def test_i5_log_a_call_in_seconds_caller_found_by_phone(self):
        """I5: the clerk types the number as heard, the type and the question:
        the customer is found (his number is stored as +86 138-0000-0000),
        the call is numbered, his, received now, shown in the company's time."""
        form = Form(self.Call.with_user(self.desk))
        form.caller_phone = "13800000000"
        self.assertEqual(form.partner_id, self.customer, "I5: caller found by his number")
        form.call_type = "consultation"
        form.question = "How often should the filter be cleaned?"
        call = form.save()
        self.assertNotEqual(call.name, "/")
        self.assertEqual(call.user_id, self.desk)
        self.assertEqual(call.state, "open")
        self.assertEqual(call.date_received, NOW)
        self.assertEqual(call.date_received_local, "2026-12-01 07:30")
        self.assertEqual((call.call_day, call.call_hour), (CHINA_DAY, 7))
        self.assertEqual(call.company_id, self.env.company)

    def test_i5_unknown_number_leaves_the_caller_empty(self):
        """I5: a number nobody has finds nobody (and no near miss)."""
        call = self._call(caller_phone="+86 138-0000-0001")
        self.assertFalse(call.partner_id)
        call = self._call(caller_phone="0000")
        self.assertFalse(call.partner_id)

    def test_i5_free_text_bounded_and_duration_positive(self):
        with self.assertRaises(ValidationError):
            self._call(question="x" * 4001)
        with self.assertRaises(ValidationError):
            self._call(caller_phone="1" * 65)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self._call(duration=-1)

    def test_i5_technician_neither_reads_nor_logs_calls(self):
        call = self._call()
        with self.assertRaises(AccessError):
            call.with_user(self.tech).read(["question"])
        with self.assertRaises(AccessError):
            self.Call.with_user(self.tech).create([{"call_type": "other"}])
        with self.assertRaises(AccessError):
            call.with_user(self.tech).action_done()

    # -- conversion -----------------------------------------------------------
    def test_i5_call_becomes_prefilled_request_once(self):
        """I5: one click: the request is the caller's, in his zone, with what
        he said and when he called; both point at each other; a second
        conversion (to a request or by any path) is refused."""
        call = self._call()
        action = call.with_user(self.desk).action_create_request()
        request = self.env["aftersales.service.request"].browse(action["res_id"])
        self.assertEqual(request.partner_id, self.customer)
        self.assertEqual(request.zone_id, self.zone)
        self.assertEqual(request.fault_description, "The outdoor unit is noisy.")
        self.assertEqual(request.date_call, NOW)
        self.assertEqual(request.channel, "phone")
        self.assertEqual(request.call_log_id, call)
        self.assertEqual((call.state, call.request_id), ("converted", request))
        with self.assertRaisesRegex(UserError, "converted once"):
            call.with_user(self.desk).action_create_request()
        with self.assertRaisesRegex(UserError, "converted once"):
            self.make_request(call_log_id=call.id)
        self.assertEqual(
            self.env["aftersales.service.request"].search_count([("call_log_id", "=", call.id)]), 1
        )

    def test_i5_unknown_zone_opens_the_prefilled_form(self):
        """I5: when the request lacks something (the caller's zone), its form
        opens prefilled; saving it converts the call."""
        stranger = self.env["res.partner"].create({"name": "New Caller", "phone": "13911112222"})
        call = self._call(caller_phone="139 1111 2222")
        self.assertEqual(call.partner_id, stranger)
        action = call.with_user(self.desk).action_create_request()
        self.assertEqual(action["res_model"], "aftersales.service.request")
        self.assertFalse(action.get("res_id"))
        self.assertEqual(call.state, "open", "nothing registered before the form is saved")
        form = Form(
            self.env["aftersales.service.request"]
            .with_user(self.desk)
            .with_context(**action["context"])
        )
        self.assertEqual(form.partner_id, stranger)
        self.assertEqual(form.fault_description, "The outdoor unit is noisy.")
        form.zone_id = self.zone
        request = form.save()
        self.assertEqual((call.state, call.request_id), ("converted", request))
        self.assertEqual(request.call_log_id, call)

    def test_i5_steps_guarded(self):
        """X6: the call's step and link change only through its steps."""
        call = self._call()
        request = self.make_request()
        self.assertStepsGuarded(
            call,
            self.desk,
            {"state": "converted", "request_id": request.id},
            {"call_type": "other"},
            copy_user=self.manager,
        )
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            request.with_user(self.manager).write({"call_log_id": call.id})
        call.with_user(self.desk).action_done()
        self.assertEqual(call.state, "done")
        call.with_user(self.desk).action_reopen()
        self.assertEqual(call.state, "open")

    # -- deputies -------------------------------------------------------------
    def test_i5_absent_clerk_call_back_goes_to_deputy(self):
        """I5: a call-back is the clerk's; while he is marked absent it goes to
        the deputy set on his employee."""
        present = self._call(callback_date=CHINA_DAY)
        self.assertEqual(self._callback_activities(present).user_id, self.desk)
        self.clerk_emp.aftersales_absent = True
        absent = self._call(callback_date=CHINA_DAY)
        self.assertEqual(self._callback_activities(absent).user_id, self.desk2)
        # the deputy absent too, nobody behind him: the clerk keeps it
        self.deputy_emp.aftersales_absent = True
        nobody = self._call(callback_date=CHINA_DAY)
        self.assertEqual(self._callback_activities(nobody).user_id, self.desk)
        # answered: the call-back is done
        present.with_user(self.desk).action_done()
        self.assertFalse(self._callback_activities(present))

    def test_i5_time_off_counts_when_installed(self):
        """I5: validated time off covering now makes the clerk absent, when
        the Time Off app is installed; without it, only "marked absent"
        counts (and the look-up does not fail)."""
        if "hr.leave" not in self.env:
            takers = self.env["hr.employee"]._aftersales_followup_users(
                [(self.env.company, self.desk)]
            )
            self.assertEqual(takers[self.env.company, self.desk], self.desk)
            return
        leave_type = self.env["hr.leave.type"].create(
            {
                "name": "I5 leave",
                "requires_allocation": False,
                "leave_validation_type": "no_validation",
            }
        )
        now = datetime.now()
        leave = (
            self.env["hr.leave"]
            .with_context(leave_skip_state_check=True)
            .create(
                {
                    "employee_id": self.clerk_emp.id,
                    "holiday_status_id": leave_type.id,
                    "request_date_from": (now - timedelta(days=1)).date(),
                    "request_date_to": (now + timedelta(days=1)).date(),
                }
            )
        )
        if leave.state != "validate":
            leave.sudo()._action_validate()
        leave.sudo().write(
            {"date_from": now - timedelta(days=1), "date_to": now + timedelta(days=1)}
        )
        self.assertEqual(leave.state, "validate")
        call = self._call(callback_date=CHINA_DAY)
        self.assertEqual(self._callback_activities(call).user_id, self.desk2)
        # time off that is not validated does not count
        leave.sudo().write({"state": "confirm"})
        call = self._call(callback_date=CHINA_DAY)
        self.assertEqual(self._callback_activities(call).user_id, self.desk)

    def test_i5_cron_reassigns_call_backs_of_absent_clerks_in_batches(self):
        """I5: the daily action hands the open call-backs of clerks who became
        absent to their deputies, once (rerun-safe), at a query count that
        does not grow with the calls."""

        def make_batch(count):
            self.clerk_emp.aftersales_absent = False
            calls = self.Call.browse()
            for _i in range(count):
                calls |= self._call(callback_date=CHINA_DAY)
            self.clerk_emp.aftersales_absent = True
            return calls

        def run(_calls):
            return self.Call._cron_reassign_followups()

        small, big = assertQueriesConstant(self, make_batch, run, sizes=(3, 30))
        self.assertEqual((small, big), (3, 30))
        calls = self.Call.search([("user_id", "=", self.desk.id)])
        self.assertEqual(self._callback_activities(calls).user_id, self.desk2)
        self.assertEqual(self.Call._cron_reassign_followups(), 0, "rerun: nothing left")


@tagged("post_install", "-at_install")
class TestHotlineInDailyReport(ServiceFixtures, TransactionCase):
    """I5, I6, S12: the daily reports count the day's calls by type and the
    administrative time by kind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        cls.Call = cls.env["aftersales.call.log"]
        cls.Time = cls.env["aftersales.repair.time"]

    def test_i5_i6_branch_report_counts_consultations_and_admin_time(self):
        day_start = datetime(2026, 11, 30, 16, 0)  # 1 December 00:00 in China
        calls = [
            ("consultation", day_start + timedelta(minutes=5)),
            ("consultation", day_start + timedelta(hours=10)),
            ("repair", day_start + timedelta(hours=3)),
            ("other", day_start + timedelta(hours=23, minutes=59)),
            # 30 November in China (still the same UTC day): not counted
            ("consultation", day_start - timedelta(minutes=1)),
            # 2 December in China
            ("complaint", day_start + timedelta(hours=24)),
        ]
        self.Call.create(
            [
                {"user_id": self.desk.id, "call_type": kind, "date_received": moment}
                for kind, moment in calls
            ]
        )
        self.Time.with_user(self.tech).create(
            [
                {"admin_kind": "tools", "hours": 1.5, "description": "gauges", "date": CHINA_DAY},
                {"admin_kind": "tools", "hours": 0.5, "description": "pump", "date": CHINA_DAY},
                {"admin_kind": "training", "hours": 2.0, "description": "R32", "date": CHINA_DAY},
            ]
        )
        report = (
            self.env["aftersales.daily.report"]
            .with_user(self.manager)
            .create([{"date": CHINA_DAY, "report_type": "branch"}])
        )
        self.assertEqual(
            (
                report.call_consultation_count,
                report.call_repair_count,
                report.call_complaint_count,
                report.call_other_count,
                report.call_count,
            ),
            (2, 1, 0, 1, 4),
        )
        admin = {
            line.admin_kind: line.hours
            for line in report.line_ids
            if line.service_category == "admin"
        }
        self.assertEqual(admin, {"tools": 2.0, "training": 2.0})
        # the technician's own report: his admin time, no call of his
        own = self.env["aftersales.daily.report"].with_user(self.tech).create([{"date": CHINA_DAY}])
        self.assertEqual(own.total_hours, 4.0)
        self.assertEqual(own.call_count, 0)


@tagged("post_install", "-at_install")
class TestAdminTime(ServiceFixtures, TransactionCase):
    """I6: general administrative work logged by a technician without a
    customer job; of a kind; his own; not billed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        cls.Time = cls.env["aftersales.repair.time"]

    @freeze_time(UTC_NIGHT)
    def test_i6_technician_logs_admin_work_without_job(self):
        action = self.env.ref("aftersales_repair.action_admin_time")
        context = safe_eval(action.context, {"uid": self.tech.id})
        form = Form(self.Time.with_user(self.tech).with_context(**context))
        form.admin_kind = "parts"
        form.description = "Counted the spare parts of van 2"
        form.hours = 1.25
        line = form.save()
        self.assertEqual(line.user_id, self.tech)
        self.assertEqual(line.service_category, "admin")
        self.assertEqual(line.date, CHINA_DAY, "I6: the company's day")
        self.assertFalse(line.request_id or line.repair_id)
        self.assertIn(line, self.Time.search(safe_eval(action.domain)))

    def test_i6_line_without_job_must_be_admin_work_of_a_kind(self):
        with self.assertRaisesRegex(ValidationError, "administrative work"):
            self.Time.with_user(self.tech).create([{"hours": 1, "description": "?"}])
        with self.assertRaisesRegex(ValidationError, "General Administrative Work"):
            self.Time.create(
                [
                    {
                        "request_id": self.make_request().id,
                        "admin_kind": "training",
                        "service_category": "paid",
                        "hours": 1,
                        "description": "x",
                    }
                ]
            )
        line = self.Time.with_user(self.tech).create(
            [{"admin_kind": "training", "hours": 1, "description": "R32 course"}]
        )
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            line.write({"service_category": "paid", "admin_kind": False})
            line.flush_recordset()

    def test_i6_technician_logs_his_own_only(self):
        with self.assertRaises(AccessError):
            self.Time.with_user(self.tech).create(
                [
                    {
                        "user_id": self.tech2.id,
                        "admin_kind": "tools",
                        "hours": 1,
                        "description": "not mine",
                    }
                ]
            )
        other = self.Time.with_user(self.tech2).create(
            [{"admin_kind": "tools", "hours": 1, "description": "his"}]
        )
        self.assertFalse(self.Time.with_user(self.tech).search([("id", "=", other.id)]))

    def test_i6_admin_work_is_not_billed(self):
        """I6: time without a job belongs to no request: no request's billed
        hours include it."""
        request = self.make_request()
        self.Time.create(
            [
                {"request_id": request.id, "hours": 2, "description": "repair"},
                {"user_id": self.tech.id, "admin_kind": "other", "hours": 3, "description": "x"},
            ]
        )
        self.assertEqual(request.hours, 2)
        self.assertFalse(self.Time.search([("admin_kind", "=", "other")]).request_id)

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import os
import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, freeze_time, tagged
from odoo.tools import file_open

from .common import AftersalesFixtures, assertQueriesConstant, make_calendar, make_user

CHINA = ZoneInfo("Asia/Shanghai")
XMLID = "aftersales_base.calendar_day_cn_2026_"


def utc(local):
    """Naive UTC of a 'YYYY-MM-DD HH:MM' in China."""
    moment = datetime.strptime(local, "%Y-%m-%d %H:%M").replace(tzinfo=CHINA)
    return moment.astimezone(UTC).replace(tzinfo=None)


def china(moment):
    """'YYYY-MM-DD HH:MM' in China of a naive UTC datetime."""
    return moment.replace(tzinfo=UTC).astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


@freeze_time("2026-02-01 03:00:00")
@tagged("post_install", "-at_install")
class TestTimeBase(AftersalesFixtures, TransactionCase):
    """T1: deadlines on the company's real working time, over China's 2026
    public holidays and make-up days (shipped data), in a calendar working
    Monday to Friday 8-12 and 13-18 in China."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_base_fixtures()
        cls.company = cls.env.ref("base.main_company")
        cls.hours = make_calendar(cls.env, "Service 8-12 13-18", afternoon_end=18)
        cls.round_the_clock = cls.env["resource.calendar"].create(
            {
                "name": "Major faults 7x24",
                "tz": "Asia/Shanghai",
                "aftersales_works_holidays": True,
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {"name": f"day {day}", "dayofweek": str(day), "hour_from": 0, "hour_to": 24}
                    )
                    for day in range(7)
                ],
            }
        )
        cls.branch = cls.env["res.company"].create({"name": "Branch Without Holidays"})

    def plan(self, local, hours, calendar=None, company=None):
        calendar = calendar or self.hours
        [end] = calendar._aftersales_plan_hours_batch([(utc(local), hours)], company)
        return end and china(end)

    def days(self, day, count, calendar=None, company=None):
        calendar = calendar or self.hours
        return calendar._aftersales_plan_days_batch([(day, count)], company)[0]

    # -- the Spring Festival of 2026 ---------------------------------------
    def test_shipped_2026_calendar(self):
        """T1: China's 2026 holidays and make-up days are shipped for the main company."""
        days = self.env["aftersales.calendar.day"].search(
            [("company_id", "=", self.company.id), ("year", "=", 2026)]
        )
        self.assertEqual(len(days.filtered(lambda d: d.day_type == "holiday")), 7)
        self.assertEqual(
            sorted(days.filtered(lambda d: d.day_type == "workday").mapped("date_from")),
            [date(2026, *md) for md in ((1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10))],
        )
        spring = self.env.ref(XMLID + "spring_festival")
        self.assertEqual((spring.date_from, spring.date_to), (date(2026, 2, 15), date(2026, 2, 23)))
        self.assertEqual(spring.with_context(lang="en_US").name, "Spring Festival")

    def test_form_fills_the_day(self):
        """T1: a make-up day is one day: its end follows its start, it works like a
        Monday unless told otherwise; a holiday's end defaults to its start."""
        form = Form(self.env["aftersales.calendar.day"])
        form.name = "Stock-taking Saturday"
        form.day_type = "workday"
        form.date_from = date(2026, 3, 7)
        self.assertEqual((form.date_to, form.works_like), (date(2026, 3, 7), "0"))
        day = form.save()
        day.date_from = date(2026, 3, 1)
        self.assertEqual(day.date_to, date(2026, 3, 1))
        holiday = self.env["aftersales.calendar.day"].create(
            {"name": "Closed", "date_from": date(2026, 3, 9)}
        )
        self.assertEqual((holiday.date_to, holiday.works_like), (date(2026, 3, 9), False))

    def test_friday_evening_due_on_make_up_saturday(self):
        """T1: Friday 13 February 17:00 + 6 h is due on the make-up Saturday 14:00."""
        self.assertEqual(self.plan("2026-02-13 17:00", 6), "2026-02-14 14:00")

    def test_without_make_up_day_due_after_the_festival(self):
        """T1: with the make-up Saturday archived, the same call is due on Tuesday 24 at 14:00."""
        self.env.ref(XMLID + "spring_festival_workday_1").active = False
        self.assertEqual(self.plan("2026-02-13 17:00", 6), "2026-02-24 14:00")

    def test_saturday_evening_not_due_during_the_holiday(self):
        """T1: Saturday 14 February 17:00 + 6 h is due on Tuesday 24 at 14:00."""
        self.assertEqual(self.plan("2026-02-14 17:00", 6), "2026-02-24 14:00")

    def test_round_the_clock_ignores_holidays(self):
        """T1: a 7×24 calendar works through the festival and the company's closures,
        not through its own leaves."""
        self.assertEqual(self.plan("2026-02-13 17:00", 6, self.round_the_clock), "2026-02-13 23:00")
        self.assertEqual(
            self.plan("2026-02-16 10:00", 0.5, self.round_the_clock), "2026-02-16 10:30"
        )
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Closure",
                "date_from": utc("2026-03-04 00:00"),
                "date_to": utc("2026-03-05 00:00"),
            }
        )
        self.assertEqual(self.plan("2026-03-04 10:00", 2, self.round_the_clock), "2026-03-04 12:00")
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Maintenance of the hotline",
                "calendar_id": self.round_the_clock.id,
                "date_from": utc("2026-03-04 11:00"),
                "date_to": utc("2026-03-04 13:00"),
            }
        )
        self.assertEqual(self.plan("2026-03-04 10:00", 2, self.round_the_clock), "2026-03-04 14:00")

    def test_company_closure_skipped(self):
        """T1: a global leave (company closure) is not working time."""
        self.assertEqual(self.plan("2026-03-03 17:00", 6), "2026-03-04 14:00")
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Company outing",
                "date_from": utc("2026-03-04 00:00"),
                "date_to": utc("2026-03-04 23:59"),
            }
        )
        self.assertEqual(self.plan("2026-03-03 17:00", 6), "2026-03-05 14:00")

    def test_other_company_holidays_do_not_apply(self):
        """T1: holidays are the company's: another company's do not move ours, and a
        company without them works through the festival."""
        self.env["aftersales.calendar.day"].create(
            {
                "name": "Branch anniversary",
                "date_from": date(2026, 3, 4),
                "date_to": date(2026, 3, 4),
                "company_id": self.branch.id,
            }
        )
        self.assertEqual(self.plan("2026-03-03 17:00", 6), "2026-03-04 14:00")
        self.assertEqual(self.plan("2026-03-03 17:00", 6, company=self.branch), "2026-03-05 14:00")
        # the branch has no Spring Festival: Monday 16 is a working day there
        self.assertEqual(self.plan("2026-02-13 17:00", 6, company=self.branch), "2026-02-16 14:00")
        branch_hours = make_calendar(
            self.env, "Branch hours", afternoon_end=18, company_id=self.branch.id
        )
        self.assertEqual(self.plan("2026-03-03 17:00", 6, branch_hours), "2026-03-05 14:00")

    def test_holiday_restricted_to_calendars(self):
        """T1: a holiday of some calendars only leaves the others alone."""
        day = self.env["aftersales.calendar.day"].create(
            {
                "name": "Workshop stock-taking",
                "date_from": date(2026, 3, 4),
                "date_to": date(2026, 3, 4),
                "calendar_ids": [Command.set(self.calendar.ids)],
            }
        )
        self.assertEqual(self.plan("2026-03-03 17:00", 6), "2026-03-04 14:00")
        day.calendar_ids = [Command.link(self.hours.id)]
        self.assertEqual(self.plan("2026-03-03 17:00", 6), "2026-03-05 14:00")

    def test_plan_days_over_the_holiday(self):
        """T1: working days skip the festival and count the make-up Saturdays."""
        self.assertEqual(self.days(date(2026, 2, 13), 1), date(2026, 2, 14))
        self.assertEqual(self.days(date(2026, 2, 13), 2), date(2026, 2, 24))
        self.assertEqual(self.days(date(2026, 2, 12), 3), date(2026, 2, 24))
        self.assertEqual(self.days(date(2026, 2, 27), 1), date(2026, 2, 28))
        self.assertEqual(self.days(date(2026, 2, 13), 0), date(2026, 2, 13))
        # round the clock, every day counts (adjacent days are one interval)
        self.assertEqual(self.days(date(2026, 2, 13), 3, self.round_the_clock), date(2026, 2, 16))
        # further than the first window: 60 working days from New Year
        self.assertEqual(self.days(date(2026, 1, 1), 60), date(2026, 4, 1))
        batch = self.hours._aftersales_plan_days_batch(
            [(date(2026, 2, 13), 2), (False, 1), (date(2026, 9, 30), 1)]
        )
        self.assertEqual(batch, [date(2026, 2, 24), False, date(2026, 10, 8)])

    def test_deadline_beyond_the_window(self):
        """T1: 200 working hours (past the 21-day read window) are still planned."""
        self.assertEqual(self.plan("2026-02-13 17:00", 200), "2026-03-24 09:00")
        ends = self.hours._aftersales_plan_hours_batch(
            [(utc("2026-02-13 17:00"), 200), (utc("2026-02-13 17:00"), 6), (False, 6)]
        )
        self.assertEqual(
            [e and china(e) for e in ends], ["2026-03-24 09:00", "2026-02-14 14:00", False]
        )

    def test_query_count_constant(self):
        """T1: planning 30 deadlines costs the queries of 3 (hours and days)."""

        def pairs(n):
            return [(utc("2026-02-10 09:00") + timedelta(hours=7 * i), 6 + i % 5) for i in range(n)]

        def day_pairs(n):
            return [(date(2026, 2, 1) + timedelta(days=i % 28), 1 + i % 4) for i in range(n)]

        assertQueriesConstant(self, pairs, self.hours._aftersales_plan_hours_batch, sizes=(3, 30))
        assertQueriesConstant(
            self, day_pairs, self.hours._aftersales_plan_days_batch, sizes=(3, 30)
        )

    def test_machine_time_zone_does_not_matter(self):
        """T1: the machine's time zone changes nothing."""
        saved = os.environ.get("TZ")

        def restore():
            if saved is None:
                os.environ.pop("TZ", None)
            else:
                os.environ["TZ"] = saved
            time.tzset()

        self.addCleanup(restore)
        for zone in ("America/Los_Angeles", "Pacific/Kiritimati", "UTC"):
            os.environ["TZ"] = zone
            time.tzset()
            self.assertEqual(self.plan("2026-02-13 17:00", 6), "2026-02-14 14:00", zone)
            self.assertEqual(self.plan("2026-02-14 17:00", 6), "2026-02-24 14:00", zone)
            self.assertEqual(self.days(date(2026, 2, 13), 2), date(2026, 2, 24), zone)


@freeze_time("2026-11-20 03:00:00")
@tagged("post_install", "-at_install")
class TestHolidayImport(AftersalesFixtures, TransactionCase):
    """T1: the yearly import of holidays and make-up days (CSV and iCalendar)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_base_fixtures()
        cls.branch = cls.env["res.company"].create({"name": "Import Branch"})
        cls.Day = cls.env["aftersales.calendar.day"].with_context(active_test=False)

    def run_import(self, data, company=None, replace=False, user=None):
        wizard = (
            self.env["aftersales.calendar.day.import"]
            .with_user(user or self.env.user)
            .create(
                {
                    "file": base64.b64encode(data),
                    "filename": "holidays",
                    "company_id": (company or self.branch).id,
                    "replace": replace,
                }
            )
        )
        action = wizard.action_import()
        return self.Day.browse(action["domain"][0][2])

    def shape(self, days):
        return sorted((d.day_type, d.date_from, d.date_to, d.works_like or "") for d in days)

    def test_shipped_csv(self):
        """T1: the shipped CSV gives the shipped 2026 calendar; re-imported, nothing
        doubles; replaced, the year is the file's again."""
        with file_open("aftersales_base/data/holidays/cn_2026.csv", "rb") as handle:
            data = handle.read()
        imported = self.run_import(data)
        shipped = self.Day.search([("company_id", "=", self.env.ref("base.main_company").id)])
        shipped = shipped.filtered(lambda d: d.year == 2026)
        self.assertEqual(len(imported), 13)
        self.assertEqual(self.shape(imported), self.shape(shipped))
        self.assertEqual(set(imported.company_id), {self.branch})
        self.assertIn("春节", imported.mapped("name"))
        self.assertFalse(self.run_import(data), "known days are not imported twice")
        stray = self.Day.create(
            {"name": "Old entry", "date_from": date(2026, 3, 3), "company_id": self.branch.id}
        )
        again = self.run_import(data, replace=True)
        self.assertEqual(len(again), 13)
        self.assertFalse(stray.exists() or imported.exists(), "the year is replaced")
        # the branch's calendar now knows the Spring Festival
        hours = make_calendar(self.env, "Branch", afternoon_end=18, company_id=self.branch.id)
        [end] = hours._aftersales_plan_hours_batch([(datetime(2026, 2, 13, 9, 0), 6)])
        self.assertEqual(end, datetime(2026, 2, 14, 6, 0))

    def test_ics_sample(self):
        """T1: an iCalendar file: DTEND exclusive, folded lines, 补班 / make-up events
        are make-up days (one per day), the others holidays."""
        with file_open("aftersales_base/tests/data/holidays_2027_sample.ics", "rb") as handle:
            imported = self.run_import(handle.read())
        self.assertEqual(
            self.shape(imported),
            [
                ("holiday", date(2027, 1, 1), date(2027, 1, 1), ""),
                ("holiday", date(2027, 2, 6), date(2027, 2, 13), ""),
                ("holiday", date(2027, 4, 5), date(2027, 4, 5), ""),
                ("workday", date(2027, 1, 30), date(2027, 1, 30), "0"),
                ("workday", date(2027, 1, 31), date(2027, 1, 31), "0"),
                ("workday", date(2027, 2, 20), date(2027, 2, 20), "0"),
            ],
        )
        self.assertIn("春节 休", imported.mapped("name"))
        self.assertIn("Qingming Festival, public holiday", imported.mapped("name"))

    def test_bad_input_writes_nothing(self):
        """T1: a bad line or event is named in a UserError and nothing is written."""
        before = self.Day.search_count([])
        cases = {
            "Line 3": "date_from,date_to,type,name\n2027-01-01,2027-01-01,holiday,A\n"
            "2027-13-01,2027-01-01,holiday,B\n",
            "Line 2": "date_from,date_to,type,name\n2027-01-01,2027-01-01,vacation,A\n",
            "Line 4": "date_from,date_to,type,name\n2027-01-01,,holiday,A\n\n"
            "2027-02-09,2027-02-01,holiday,Backwards\n",
            "name": "date_from,date_to,type,name\n2027-01-01,2027-01-01,holiday,"
            + "x" * 200
            + "\n",
            "first line": "2027-01-01,2027-01-01,holiday,A\n",
            "Event 2": "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:A\n"
            "END:VEVENT\nBEGIN:VEVENT\nDTSTART:soon\nSUMMARY:B\nEND:VEVENT\nEND:VCALENDAR\n",
            "no public holiday": "date_from,date_to,type,name\n",
        }
        for expected, text in cases.items():
            with self.subTest(expected), self.assertRaisesRegex(UserError, expected):
                self.run_import(text.encode())
        self.assertEqual(self.Day.search_count([]), before)
        with self.assertRaises(UserError):
            self.run_import("\ufffe\x00".encode("utf-16"))

    def test_gb18030_csv(self):
        """T1: a CSV saved by a Chinese spreadsheet (GB18030) is read."""
        text = (
            "date_from,date_to,type,name,works_like\n"
            "2027-02-20,2027-02-20,workday,春节补班,Friday\n"
        )
        [day] = self.run_import(text.encode("gb18030"))
        self.assertEqual((day.name, day.day_type, day.works_like), ("春节补班", "workday", "4"))

    def test_only_the_manager_imports(self):
        """T1: the desk may not import holidays; the manager may, into his company."""
        data = b"date_from,date_to,type,name\n2027-01-01,2027-01-01,holiday,A\n"
        with self.assertRaises(AccessError):
            self.run_import(data, company=self.env.company, user=self.desk)
        [day] = self.run_import(data, company=self.env.company, user=self.manager)
        self.assertEqual(day.company_id, self.env.company)


@freeze_time("2026-11-20 03:00:00")
@tagged("post_install", "-at_install")
class TestTimeBaseRoles(AftersalesFixtures, TransactionCase):
    """T1: only the service manager changes calendars, leaves of no one and
    holidays; the desk and the other roles read them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_base_fixtures()
        cls.day = cls.env.ref(XMLID + "national_day")

    def closure_vals(self):
        return {
            "name": "Closure",
            "date_from": datetime(2026, 12, 1, 0, 0),
            "date_to": datetime(2026, 12, 1, 10, 0),
        }

    def test_desk_reads_but_cannot_change(self):
        for user in (self.desk, self.tech, self.supervisor):
            with self.subTest(user.login):
                self.assertEqual(self.day.with_user(user).name, "National Day")
                self.assertTrue(self.calendar.with_user(user).attendance_ids.read(["hour_from"]))
                with self.assertRaises(AccessError):
                    self.day.with_user(user).write({"date_to": date(2026, 10, 8)})
                with self.assertRaises(AccessError):
                    self.env["aftersales.calendar.day"].with_user(user).create(
                        {"name": "Extra", "date_from": date(2026, 12, 2)}
                    )
                with self.assertRaises(AccessError):
                    self.day.with_user(user).unlink()
                with self.assertRaises(AccessError):
                    self.calendar.with_user(user).write({"aftersales_works_holidays": True})
                with self.assertRaises(AccessError):
                    self.calendar.attendance_ids[:1].with_user(user).write({"hour_from": 9})
                with self.assertRaises(AccessError):
                    self.env["resource.calendar"].with_user(user).create({"name": "Mine"})
                with self.assertRaises(AccessError):
                    self.env["resource.calendar.leaves"].with_user(user).create(self.closure_vals())

    def test_desk_keeps_a_persons_leave(self):
        """T1: the restriction is on the time base, not on a person's own leave."""
        resource = self.env["resource.resource"].create(
            {"name": "Desk clerk", "calendar_id": self.calendar.id}
        )
        leave = (
            self.env["resource.calendar.leaves"]
            .with_user(self.desk)
            .create(dict(self.closure_vals(), resource_id=resource.id))
        )
        self.assertTrue(leave.exists())

    def test_manager_changes_the_time_base(self):
        manager = self.manager
        day = self.day.with_user(manager)
        day.write({"date_to": date(2026, 10, 8)})
        self.assertEqual(day.date_to, date(2026, 10, 8))
        created = (
            self.env["aftersales.calendar.day"]
            .with_user(manager)
            .create({"name": "Extra", "date_from": date(2026, 12, 2)})
        )
        self.assertEqual(created.date_to, date(2026, 12, 2))
        created.unlink()
        calendar = self.env["resource.calendar"].with_user(manager).create({"name": "Workshop"})
        calendar.write({"aftersales_works_holidays": True})
        calendar.attendance_ids[:1].write({"hour_from": 9})
        leave = self.env["resource.calendar.leaves"].with_user(manager).create(self.closure_vals())
        leave.write({"name": "Closure (moved)"})
        leave.unlink()
        calendar.unlink()

    def test_other_company_does_not_see_our_days(self):
        """T1/X3: a company's holidays are its own (record rule)."""
        other = self.env["res.company"].create({"name": "Other Branch"})
        stranger = make_user(self.env, "manager", login="as_tb_other_manager", company=other)
        found = self.env["aftersales.calendar.day"].with_user(stranger).search([])
        self.assertFalse(found)
        with self.assertRaises(AccessError):
            self.day.with_user(stranger).read(["name"])

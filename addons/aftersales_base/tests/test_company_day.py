# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from .common import CHINA_MIDNIGHT, UTC_NIGHT, AftersalesFixtures, make_user

DEC_1 = date(2026, 12, 1)
NOV_30 = date(2026, 11, 30)


@tagged("post_install", "-at_install")
class TestCompanyDay(AftersalesFixtures, TransactionCase):
    """Issue 12: a "day" of the suite (today, a cron's today, a day's start
    and end) is the company's local day, not UTC's nor the user's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_base_fixtures()
        cls.company = cls.env.company
        # a cron runs as OdooBot, in OdooBot's time zone (Brussels in the demo)
        cls.env.user.tz = "Europe/Brussels"
        cls.brussels = make_user(
            cls.env, "employee", login="as_clock_brussels", tz="Europe/Brussels"
        )
        cls.portal = make_user(cls.env, "portal", login="as_clock_portal")

    def test_today_is_the_company_day(self):
        for instant, expected in (
            (UTC_NIGHT, DEC_1),
            (CHINA_MIDNIGHT, DEC_1),
            ("2026-11-30 15:59:59", NOV_30),
            ("2026-11-30 16:00:00", DEC_1),
        ):
            with self.subTest(instant=instant), freeze_time(instant):
                self.assertEqual(self.company._aftersales_today(), expected)
                self.assertEqual(
                    self.company.with_user(self.brussels)._aftersales_today(),
                    expected,
                    "whoever asks, in whatever time zone",
                )
                self.assertEqual(
                    self.company.with_user(self.portal)._aftersales_today(),
                    expected,
                    "a portal customer's day is the company's too",
                )
                self.assertEqual(
                    self.env["res.company"]._aftersales_today(),
                    expected,
                    "no company given: the current one",
                )

    def test_day_bounds_are_naive_utc(self):
        self.assertEqual(
            self.company._aftersales_day_bounds(DEC_1),
            (datetime(2026, 11, 30, 16), datetime(2026, 12, 1, 16)),
        )
        self.assertEqual(self.company._aftersales_date(datetime(2026, 11, 30, 16)), DEC_1)
        self.assertEqual(self.company._aftersales_date(datetime(2026, 11, 30, 15, 59, 59)), NOV_30)

    def test_time_zone_of_the_company(self):
        self.company.partner_id.tz = "America/Los_Angeles"
        with freeze_time(UTC_NIGHT):
            self.assertEqual(self.company._aftersales_today(), NOV_30)
        with freeze_time("2026-12-01 07:30:00"):
            self.assertEqual(self.company._aftersales_today(), NOV_30, "23:30 in Los Angeles")
        start, end = self.company._aftersales_day_bounds(date(2026, 3, 8))
        self.assertEqual(end - start, timedelta(hours=23), "the day summer time begins")
        # no time zone on the company's contact: its working hours'
        self.company.partner_id.tz = False
        self.company.resource_calendar_id.tz = "Asia/Tokyo"
        self.assertEqual(self.company._aftersales_tz().key, "Asia/Tokyo")
        self.company.resource_calendar_id = False
        self.assertEqual(self.company._aftersales_tz().key, "UTC")

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from .common import UTC_NIGHT


@tagged("post_install", "-at_install")
class TestInstallDefaults(TransactionCase):
    """Issue 13: what a module's data sets at install is the company's, not
    a country's written in the code: a daily action's hour is the company's
    local hour, a setting's first value is kept once the company set it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.cron = cls.env["ir.cron"].create(
            {
                "name": "Test daily action",
                "model_id": cls.env["ir.model"]._get_id("res.partner"),
                "state": "code",
                "code": "model.browse()",
                "interval_number": 1,
                "interval_type": "days",
            }
        )

    def test_daily_action_at_the_company_hour(self):
        Cron = self.env["ir.cron"]
        self.company.partner_id.tz = "Asia/Shanghai"
        with freeze_time(UTC_NIGHT):  # 07:30 on 1 December in China
            Cron._aftersales_run_daily_at(self.cron.ids, "09:00")
            self.assertEqual(self.cron.nextcall, datetime(2026, 12, 1, 1, 0))
            Cron._aftersales_run_daily_at(self.cron.ids, "07:00")
            self.assertEqual(
                self.cron.nextcall, datetime(2026, 12, 1, 23, 0), "past today: tomorrow"
            )
        self.company.partner_id.tz = "America/Los_Angeles"
        with freeze_time(UTC_NIGHT):  # 15:30 on 30 November in Los Angeles
            Cron._aftersales_run_daily_at(self.cron.ids, "18:00")
            self.assertEqual(self.cron.nextcall, datetime(2026, 12, 1, 2, 0))

    def test_daily_action_follows_the_company_tz_change(self):
        """Issue 15: a daily action at the company's 09:00 moves when the
        company's time zone changes (set on its contact); an action of the
        suite without a local hour, or Odoo's own, is left alone."""
        Cron = self.env["ir.cron"]
        other = self.cron.copy({"name": "Test action without local hour"})
        self.company.partner_id.tz = "Asia/Shanghai"
        with freeze_time(UTC_NIGHT):  # 07:30 on 1 December in China
            Cron._aftersales_run_daily_at(self.cron.ids, "09:00")
            self.assertEqual(self.cron.aftersales_local_time, "09:00")
            self.assertEqual(self.cron.nextcall, datetime(2026, 12, 1, 1, 0))
            other.nextcall = datetime(2026, 12, 5, 3, 0)
            self.company.partner_id.tz = "Europe/Paris"  # 00:30 on 1 December in Paris
            self.assertEqual(self.cron.nextcall, datetime(2026, 12, 1, 8, 0), "09:00 in Paris")
            self.assertEqual(other.nextcall, datetime(2026, 12, 5, 3, 0))
            self.company.partner_id.write({"tz": "Asia/Shanghai"})
            self.assertEqual(self.cron.nextcall, datetime(2026, 12, 1, 1, 0))

    def test_daily_action_keeps_the_company_hour_after_a_run(self):
        """Issue 15: after a run Odoo adds a day with the fixed UTC offset of
        the last call, whatever the time zone of the action's user: at the
        clock change of a company with summer time (Paris, 29 March 2026) its
        09:00 became 10:00. The suite's daily action stays at 09:00."""
        self.company.partner_id.tz = "Europe/Paris"
        bot = self.env["res.users"].create(
            {"name": "Test cron user", "login": "as_test_cron_user", "tz": "Europe/Paris"}
        )
        self.cron.write({"user_id": bot.id, "aftersales_local_time": "09:00"})
        other = self.cron.copy(
            {"name": "Test without local hour", "user_id": bot.id, "aftersales_local_time": False}
        )
        ran = datetime(2026, 3, 28, 8, 0)  # 09:00 in Paris (winter time)
        for cron in self.cron | other:
            job = {
                "id": cron.id,
                "nextcall": ran,
                "interval_type": "days",
                "interval_number": 1,
                "aftersales_local_time": cron.aftersales_local_time,
            }
            with patch.object(type(self.env.cr), "now", lambda _cr: datetime(2026, 3, 28, 8, 1)):
                # as the cron worker runs it: the action's user, no time zone in the context
                self.env["ir.cron"].with_user(bot).with_context(tz=None)._reschedule_later(job)
        (self.cron | other).invalidate_recordset(["nextcall"])
        self.assertEqual(self.cron.nextcall, datetime(2026, 3, 29, 7, 0), "09:00 summer time")
        self.assertEqual(other.nextcall, datetime(2026, 3, 29, 8, 0), "Odoo's way: 10:00")

    def test_setting_default_keeps_the_company_value(self):
        Param = self.env["ir.config_parameter"].sudo()
        key = "aftersales_base.test_default"
        self.assertEqual(Param._aftersales_set_default(key, "a,b"), "a,b")
        Param.set_param(key, "mine")
        self.assertEqual(Param._aftersales_set_default(key, "a,b"), "mine")

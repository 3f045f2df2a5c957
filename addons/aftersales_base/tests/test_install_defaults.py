# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

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

    def test_setting_default_keeps_the_company_value(self):
        Param = self.env["ir.config_parameter"].sudo()
        key = "aftersales_base.test_default"
        self.assertEqual(Param._aftersales_set_default(key, "a,b"), "a,b")
        Param.set_param(key, "mine")
        self.assertEqual(Param._aftersales_set_default(key, "a,b"), "mine")

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import make_user


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15 04:00:00")
class TestSetupChecklist(TransactionCase):
    """Issue 15 (X1, X4, W2, W9 onboarding): a company without the suite's
    essentials sees them on a setup checklist, green once done."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Onboarding Co"})
        cls.manager = make_user(cls.env, "manager", login="as_onboard_manager", company=cls.company)
        cls.desk = make_user(cls.env, "desk", login="as_onboard_desk", company=cls.company)

    def steps(self):
        return {s["key"]: s for s in self.company._aftersales_setup_steps()}

    def test_base_steps_calendar_and_holidays(self):
        """A new company has working hours but no public holidays of the year."""
        steps = self.steps()
        self.assertTrue(steps["calendar"]["done"])
        self.assertFalse(steps["holidays"]["done"])
        for step in steps.values():
            self.assertTrue(step["name"] and step["action"] and step["sequence"])
        self.env["aftersales.calendar.day"].create(
            {"name": "National Day", "date_from": date(2026, 10, 1), "company_id": self.company.id}
        )
        self.assertTrue(self.steps()["holidays"]["done"])
        self.company.resource_calendar_id = False
        self.assertFalse(self.steps()["calendar"]["done"])

    def test_checklist_lines_and_step_screen(self):
        """The checklist shows one line per step; a line opens its screen."""
        env = self.env(user=self.manager, context={"allowed_company_ids": self.company.ids})
        action = env["aftersales.setup.checklist"].action_open_checklist()
        checklist = env["aftersales.setup.checklist"].browse(action["res_id"])
        self.assertEqual(checklist.company_id, self.company)
        self.assertEqual(
            set(checklist.line_ids.mapped("key")), set(self.steps()), "one line per step"
        )
        self.assertFalse(checklist.all_done)
        holidays = checklist.line_ids.filtered(lambda line: line.key == "holidays")
        self.assertFalse(holidays.done)
        screen = holidays.action_open_step()
        self.assertEqual(screen["res_model"], "aftersales.calendar.day.import")

    def test_app_opens_checklist_until_setup_done(self):
        """The After-Sales app opens the checklist for a service manager while
        a step is missing; a desk user gets the app's first screen."""
        home = self.env.ref("aftersales_base.action_aftersales_home")
        action = (
            home.with_user(self.manager).with_context(allowed_company_ids=self.company.ids).run()
        )
        self.assertEqual(action["res_model"], "aftersales.setup.checklist")
        action = home.with_user(self.desk).with_context(allowed_company_ids=self.company.ids).run()
        self.assertNotEqual(action.get("res_model"), "aftersales.setup.checklist")
        with self.assertRaises(AccessError):
            self.env["aftersales.setup.checklist"].with_user(self.desk).with_context(
                allowed_company_ids=self.company.ids
            ).action_open_checklist()

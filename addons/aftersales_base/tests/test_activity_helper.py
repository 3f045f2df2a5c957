# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import TransactionCase, new_test_user, tagged

from .common import UTC_NIGHT


@tagged("post_install", "-at_install")
class TestActivityHelper(TransactionCase):
    """Issue 13: the suite's one way to schedule activities."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.clerk = new_test_user(cls.env, login="as_act_clerk", groups="base.group_user")
        cls.boss = new_test_user(cls.env, login="as_act_boss", groups="base.group_user")
        cls.partners = cls.env["res.partner"].create(
            [{"name": "Activity A", "company_id": cls.company.id}, {"name": "Activity B"}]
        )
        cls.helper = cls.env["aftersales.activity.mixin"]

    def test_batch_of_activities(self):
        first, second = self.partners
        with freeze_time(UTC_NIGHT):
            activities = self.helper.with_user(self.clerk)._aftersales_schedule_activities(
                [
                    {"record": first, "user": self.boss, "summary": "One", "note": "Why"},
                    {"record": second, "user": self.clerk, "summary": "Two"},
                    {
                        "record": first,
                        "user": self.clerk,
                        "summary": "Three",
                        "date_deadline": date(2027, 1, 5),
                    },
                ],
                activity_type="mail.mail_activity_data_call",
            )
        self.assertEqual(len(activities), 3)
        self.assertEqual(activities.mapped("res_model"), ["res.partner"] * 3)
        self.assertEqual(activities.mapped("res_id"), [first.id, second.id, first.id])
        self.assertEqual(activities.activity_type_id, self.env.ref("mail.mail_activity_data_call"))
        self.assertEqual(activities.mapped("user_id"), self.boss | self.clerk)
        self.assertEqual(activities.mapped("summary"), ["One", "Two", "Three"])
        self.assertIn("Why", str(activities[0].note))
        self.assertEqual(
            activities.mapped("date_deadline"),
            # 07:30 on 1 December in the company's time zone; the record
            # without a company takes the current one's day
            [date(2026, 12, 1), date(2026, 12, 1), date(2027, 1, 5)],
        )

    def test_default_type_and_nothing_to_do(self):
        self.assertFalse(self.helper._aftersales_schedule_activities([]))
        activity = self.helper._aftersales_schedule_activities(
            [{"record": self.partners[0], "user": self.boss, "summary": "Todo"}]
        )
        self.assertEqual(activity.activity_type_id, self.env.ref("mail.mail_activity_data_todo"))

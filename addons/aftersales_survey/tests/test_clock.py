# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import CHINA_MIDNIGHT

from .common import SurveyFixtures

NOVEMBER = date(2026, 11, 1)
DECEMBER = date(2026, 12, 1)


@tagged("post_install", "-at_install")
@freeze_time(CHINA_MIDNIGHT)
class TestCronDay(SurveyFixtures, TransactionCase):
    """Issue 12: at 00:30 on 1 December in China (17:30 on 30 November in
    Brussels, where the cron user OdooBot is) the crons work on the company's
    day: yesterday is 30 November, this month is December."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()
        cls.env.user.tz = "Europe/Brussels"  # the cron's user, as in the demo
        # 23:00 on 30 November and 00:10 on 1 December, in China
        cls.late_november = cls.make_done_request(cls.tech, done=datetime(2026, 11, 30, 15))
        cls.early_december = cls.make_done_request(cls.tech, done=datetime(2026, 11, 30, 16, 10))

    def test_v1_surveys_go_for_the_company_yesterday(self):
        self.assertEqual(self.today, DECEMBER)
        self.env.ref("aftersales_survey.ir_cron_send_surveys").ir_actions_server_id.run()
        self.assertTrue(self.late_november.aftersales_survey_sent, "closed yesterday in China")
        self.assertFalse(self.early_december.aftersales_survey_sent, "closed today in China")

    def test_v8_scorecard_cron_computes_the_company_month(self):
        Card = self.env["aftersales.technician.scorecard"]
        self.env.ref("aftersales_survey.ir_cron_compute_scorecards").ir_actions_server_id.run()
        cards = Card.search([("user_id", "=", self.tech.id)])
        self.assertEqual(set(cards.mapped("month")), {NOVEMBER, DECEMBER})
        by_month = {card.month: card for card in cards}
        self.assertEqual(by_month[NOVEMBER].jobs_done, 1, "23:00 on 30 November in China")
        self.assertEqual(by_month[DECEMBER].jobs_done, 1, "00:10 on 1 December in China")

    def test_v6_followups_planned_from_the_company_day(self):
        """A job closed at 00:10 on 1 December in China is a December job:
        its next-day call is on 2 December, not on 1 December."""
        satisfaction = self.env.ref("aftersales_survey.followup_rule_satisfaction_call")
        self.env.ref("aftersales_survey.ir_cron_plan_followups").ir_actions_server_id.run()
        calls = self.env["aftersales.followup"].search([("rule_id", "=", satisfaction.id)])
        planned = {call.request_id: call.date_planned for call in calls}
        self.assertEqual(planned[self.late_november], DECEMBER)
        self.assertEqual(planned[self.early_december], DECEMBER + timedelta(days=1))

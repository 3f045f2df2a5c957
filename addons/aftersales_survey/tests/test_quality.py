# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from psycopg2.errors import CheckViolation

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools import mute_logger

from .common import SurveyFixtures


@tagged("post_install", "-at_install")
class TestQualityAssessment(SurveyFixtures, TransactionCase):
    """V7: scored checklists, ledger, rewards and penalties into the scorecard."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()
        cls.Assessment = cls.env["aftersales.quality.assessment"]

    def _assessment(self, **vals):
        form = Form(self.Assessment)
        form.method = "inspection"
        form.user_id = self.tech
        form.date = date(2026, 10, 14)
        for key, value in vals.items():
            setattr(form, key, value)
        assessment = form.save()
        for line in assessment.line_ids:
            line.points = line.max_points * 0.8
        return assessment

    def test_v7_checklist_scores(self):
        assessment = self._assessment()
        self.assertEqual(len(assessment.line_ids), 7, "the seven points of the checklist")
        self.assertAlmostEqual(assessment.score, 80.0)
        self.assertTrue(assessment.name.startswith("QA/"))
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation), self.cr.savepoint():
            assessment.line_ids[0].points = assessment.line_ids[0].max_points + 1
            assessment.line_ids[0].flush_recordset()

    def test_v7_reward_needs_amount(self):
        with self.assertRaises(ValidationError):
            self._assessment(outcome="reward")

    def test_v7_penalty_flows_into_scorecard(self):
        # a scorecard is for who did jobs in the month (issue 15)
        self.make_done_request(self.tech, done=datetime(2026, 10, 5, 4))
        assessment = self._assessment(outcome="penalty", amount=300)
        assessment.action_confirm()
        self.assertEqual(assessment.penalty_id.state, "confirmed")
        self.assertEqual(assessment.penalty_id.user_id, self.tech)
        cards = self.env["aftersales.technician.scorecard"]._compute_month(date(2026, 10, 1))
        card = cards.filtered(lambda c: c.user_id == self.tech)
        self.assertEqual(card.penalty_amount, 300.0)
        assessment.action_cancel()
        self.assertEqual(assessment.penalty_id.state, "cancelled")
        card.action_recompute()
        self.assertEqual(card.penalty_amount, 0.0)

    def test_v7_ledger_and_access(self):
        mine = self._assessment()
        mine.action_confirm()
        theirs = self._assessment(user_id=self.tech2)
        ledger = self.env["aftersales.quality.assessment.line"]
        self.assertEqual(
            ledger.with_user(self.tech).search([]).assessment_id, mine, "a technician sees his own"
        )
        with self.assertRaises(AccessError):
            theirs.with_user(self.tech).read(["score"])
        with self.assertRaises(AccessError):
            mine.with_user(self.tech).write({"note": "fine"})
        self.assertEqual(
            self.Assessment.with_user(self.supervisor).search([("id", "in", (mine | theirs).ids)]),
            mine | theirs,
        )

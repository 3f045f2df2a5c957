# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from psycopg2.errors import CheckViolation

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_base.tests.process_bypass import REFUSED, ProcessBypassAsserts

from .common import SurveyFixtures

OCTOBER = date(2026, 10, 1)


@tagged("post_install", "-at_install")
class TestSurveyProcessRules(ProcessBypassAsserts, SurveyFixtures, TransactionCase):
    """X6, X2: scorecards, follow-ups, events, quality assessments and
    satisfaction surveys change state only through their one transition,
    which checks the step, the role and the invariants."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()
        cls.Card = cls.env["aftersales.technician.scorecard"]
        cls.Followup = cls.env["aftersales.followup"]
        cls.Event = cls.env["aftersales.followup.event"]
        cls.Assessment = cls.env["aftersales.quality.assessment"]
        cls.item = cls.env["aftersales.quality.item"].search([], limit=1)

    # Scorecards (V8) -------------------------------------------------------

    def _card(self):
        self.make_done_request(self.tech, done=datetime(2026, 10, 5, 4))
        cards = self.Card._compute_month(OCTOBER)
        return cards.filtered(lambda c: c.user_id == self.tech)

    def test_x6_scorecard_state_and_measures_not_written(self):
        card = self._card()
        self.assertEqual(card.jobs_done, 1)
        manager = self.manager
        self.assertStepsGuarded(
            card,
            manager,
            {"state": "closed"},
            {"user_id": self.tech2.id, "month": OCTOBER},
        )
        for vals in (
            {"closed_by_id": manager.id},
            {"score": 100.0},
            {"reward_amount": 100000.0},
            {"jobs_done": 99},
        ):
            with self.assertRaisesRegex(UserError, REFUSED):
                card.with_user(manager).write(vals)
        with self.assertRaisesRegex(UserError, REFUSED):
            self.Card.with_user(manager).create(
                {"user_id": self.tech2.id, "month": OCTOBER, "score": 100.0}
            )
        with self.assertRaisesRegex(UserError, REFUSED):
            self.env["aftersales.technician.scorecard.criterion"].with_user(manager).create(
                {
                    "scorecard_id": card.id,
                    "criterion_id": self.env["aftersales.rating.criterion"].search([], limit=1).id,
                    "score": 100.0,
                }
            )
        self.assertEqual(card.state, "open")

    def test_x6_scorecard_close_and_recompute_by_the_manager_only(self):
        card = self._card()
        for user in (self.supervisor, self.tech):
            with self.assertRaises(AccessError):
                card.with_user(user).action_recompute()
            with self.assertRaises(AccessError):
                card.with_user(user).action_close()
        self.assertIs(card.with_user(self.manager).action_recompute(), True)
        self.assertIs(card.with_user(self.manager).action_close(), True)
        self.assertEqual((card.state, card.closed_by_id), ("closed", self.manager))
        with self.assertRaisesRegex(UserError, "closed scorecard does not change"):
            card.with_user(self.manager).write({"user_id": self.tech2.id})
        with self.assertRaisesRegex(UserError, "already closed"):
            card.with_user(self.manager).action_close()
        # the cron leaves a closed month as it was closed
        self.make_done_request(self.tech, done=datetime(2026, 10, 7, 4))
        self.Card._compute_month(OCTOBER)
        self.assertEqual(card.jobs_done, 1)

    # Follow-ups and events (V5, V6) ---------------------------------------

    def test_x6_followup_state_only_through_its_step(self):
        call = self.Followup.with_user(self.desk).create({"partner_id": self.customer.id})
        self.assertStepsGuarded(
            call,
            self.desk,
            {"state": "done"},
            {"partner_id": self.customer.id},
        )
        for vals in ({"date_done": datetime(2026, 10, 1)}, {"supervisor_reported": True}):
            with self.assertRaisesRegex(UserError, REFUSED):
                call.with_user(self.desk).write(vals)
        call.with_user(self.desk).write({"result": "satisfied", "content": "Fine"})
        self.assertIs(call.with_user(self.desk).action_done(), True)
        self.assertEqual(call.state, "done")
        with self.assertRaisesRegex(UserError, REFUSED):
            call.with_user(self.manager).write({"state": "todo"})
        with self.assertRaisesRegex(UserError, "Only a follow-up to do"):
            call.with_user(self.desk).action_cancel()
        other = self.Followup.with_user(self.desk).create({"partner_id": self.customer.id})
        self.assertIs(other.with_user(self.desk).action_cancel(), True)
        self.assertEqual(other.state, "cancelled")

    def test_x6_event_state_only_through_its_step(self):
        event = self.Event.with_user(self.desk).create(
            {
                "name": "Autumn check-up",
                "date_event": self.today + timedelta(days=30),
                "partner_ids": [Command.set(self.customer.ids)],
            }
        )
        self.assertStepsGuarded(
            event,
            self.desk,
            {"state": "announced"},
            {"name": "Other", "date_event": self.today + timedelta(days=40)},
        )
        self.assertFalse(event.followup_ids, "a forced state would plan no calls")
        self.assertIs(event.with_user(self.desk).action_announce(), True)
        self.assertEqual((event.state, len(event.followup_ids)), ("announced", 2))
        with self.assertRaisesRegex(UserError, "already been announced"):
            event.with_user(self.desk).action_announce()
        self.assertIs(event.with_user(self.desk).action_cancel(), True)
        self.assertEqual(event.state, "cancelled")
        self.assertEqual(set(event.followup_ids.mapped("state")), {"cancelled"})

    # Quality assessments (V7) ----------------------------------------------

    def _assessment(self, user, assessed, outcome="none", amount=0.0):
        return self.Assessment.with_user(user).create(
            {
                "user_id": assessed.id,
                "date": date(2026, 10, 14),
                "outcome": outcome,
                "amount": amount,
                "line_ids": [
                    Command.create({"item_id": self.item.id, "max_points": 10.0, "points": 8.0})
                ],
            }
        )

    def test_x6_supervisor_cannot_reward_himself(self):
        """The defect seen over XML-RPC: a supervisor created and confirmed
        an assessment rewarding himself 100 000."""
        with self.assertRaises(ValidationError):
            self._assessment(self.supervisor, self.supervisor, "reward", 100000.0)
        mine = self._assessment(self.supervisor, self.supervisor, "reward", 500.0)
        with self.assertRaisesRegex(AccessError, "somebody else decides"):
            mine.with_user(self.supervisor).action_confirm()
        with self.assertRaisesRegex(UserError, REFUSED):
            mine.with_user(self.supervisor).write({"state": "done"})
        self.assertEqual(mine.state, "draft")
        self.assertFalse(mine.penalty_id)
        # the manager above him decides it
        self.assertIs(mine.with_user(self.manager).action_confirm(), True)
        self.assertEqual((mine.state, mine.confirmed_by_id), ("done", self.manager))
        self.assertEqual(mine.penalty_id.amount, 500.0)

    def test_x6_amount_bounds_and_sign(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(CheckViolation),
            self.cr.savepoint(),
        ):
            self._assessment(self.supervisor, self.tech, "reward", -50.0).flush_recordset()
        for outcome, amount in (("penalty", 10001.0), ("none", 20.0)):
            with self.assertRaises(ValidationError, msg=f"V7: {outcome} {amount}"):
                self._assessment(self.supervisor, self.tech, outcome, amount)
        assessment = self._assessment(self.supervisor, self.tech, "penalty", 300.0)
        with self.assertRaises(ValidationError):
            assessment.with_user(self.supervisor).write({"amount": 100000.0})

    def test_x6_supervisor_limit_then_manager(self):
        small = self._assessment(self.supervisor, self.tech, "penalty", 300.0)
        self.assertIs(small.with_user(self.supervisor).action_confirm(), True)
        self.assertEqual(small.penalty_id.state, "confirmed")
        large = self._assessment(self.supervisor, self.tech, "reward", 5000.0)
        with self.assertRaises(AccessError):
            large.with_user(self.supervisor).action_confirm()
        with self.assertRaises(AccessError):
            large.with_user(self.tech).action_confirm()
        self.assertIs(large.with_user(self.manager).action_confirm(), True)

    def test_x6_assessment_steps_not_written_around(self):
        assessment = self._assessment(self.supervisor, self.tech, "penalty", 300.0)
        self.assertStepsGuarded(
            assessment,
            self.supervisor,
            {"state": "done"},
            {"user_id": self.tech2.id, "date": date(2026, 10, 15)},
        )
        penalty = self.env["aftersales.ledger.entry"].create(
            {"user_id": self.tech.id, "kind": "reward", "amount": 10.0, "date": OCTOBER}
        )
        for vals in ({"penalty_id": penalty.id}, {"confirmed_by_id": self.supervisor.id}):
            with self.assertRaisesRegex(UserError, REFUSED):
                assessment.with_user(self.supervisor).write(vals)
        assessment.with_user(self.supervisor).action_confirm()
        # what was decided stays decided: amount, person, checklist
        with self.assertRaisesRegex(UserError, "cannot be done now"):
            assessment.with_user(self.manager).write({"amount": 10.0})
        with self.assertRaisesRegex(UserError, "cannot be done now"):
            assessment.with_user(self.manager).write({"user_id": self.tech2.id})
        with self.assertRaisesRegex(UserError, "cannot be done now"):
            assessment.line_ids.with_user(self.manager).write({"points": 10.0})
        self.assertIs(assessment.with_user(self.supervisor).action_cancel(), True)
        self.assertEqual(assessment.penalty_id.state, "cancelled")
        self.assertIs(assessment.with_user(self.supervisor).action_draft(), True)
        self.assertEqual((assessment.state, assessment.confirmed_by_id.id), ("draft", False))

    # Satisfaction surveys (V1, V2) -----------------------------------------

    def test_x6_survey_answered_only_by_the_customer_answer(self):
        request = self.make_done_request(self.tech)
        self.Survey._cron_send_surveys()
        survey = self.Survey.search([("request_id", "=", request.id)])
        self.assertEqual(survey.state, "sent")
        with self.assertRaisesRegex(UserError, "not submitted"):
            survey._set_state("done", {})
        for vals in ({"state": "done"}, {"score": 100.0}, {"date_answered": self.today}):
            with self.assertRaisesRegex(UserError, REFUSED):
                survey.with_user(self.manager).write(vals)
        with self.assertRaisesRegex(UserError, REFUSED):
            survey.with_user(self.manager).copy(default={"state": "done", "request_id": False})
        self.assertLoadRefused(self.Survey.with_user(self.manager), {"score": 100.0}, survey)
        self.answer(survey, {"attitude": 4, "skill": 4, "arrival": 4, "promise": 4})
        self.assertEqual((survey.state, survey.score), ("done", 100.0))
        with self.assertRaisesRegex(UserError, REFUSED):
            survey.with_user(self.manager).write({"score": 25.0})

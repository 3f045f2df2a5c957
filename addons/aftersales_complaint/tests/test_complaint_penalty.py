# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import ComplaintFixtures


@tagged("post_install", "-at_install")
class TestComplaintPenalty(ComplaintFixtures, TransactionCase):
    """C8: who pays, how much, doubling for repeats, the team leader when
    nobody is identified, rewards, and who may see and decide penalties."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()
        cls.Penalty = cls.env["aftersales.ledger.entry"]

    def _penalties(self, complaint):
        return {(p.user_id, p.role): p for p in complaint.penalty_ids}

    def test_c8_responsible_head_and_late_are_penalised(self):
        complaint = self.make_complaint()
        self.Complaint._escalate_overdue_batch(datetime(2026, 11, 30), 100)  # recording late
        self.advance(complaint, "penalise")
        complaint.with_user(self.manager).action_propose_penalties()
        lines = self._penalties(complaint)
        # issue 15: the quality head, head and late, is fined once (as head)
        self.assertIn(self.quality_head, complaint.late_user_ids)
        self.assertEqual(
            set(lines),
            {
                (self.engineer, "responsible"),
                (self.quality_head, "head"),
            },
        )
        self.assertEqual(lines[(self.engineer, "responsible")].amount, 200.0)
        self.assertEqual(lines[(self.quality_head, "head")].amount, 100.0)
        self.assertEqual(set(complaint.penalty_ids.mapped("state")), {"draft"})
        # Running it again adds nothing.
        complaint.with_user(self.manager).action_propose_penalties()
        self.assertEqual(len(complaint.penalty_ids), 2)
        with self.assertRaisesRegex(UserError, "draft penalties"):
            complaint.with_user(self.manager).action_penalties_done()
        complaint.penalty_ids.with_user(self.manager).action_confirm()
        complaint.with_user(self.manager).action_penalties_done()
        self.assertEqual(complaint.state, "improve")

    def test_c8_employee_concerned_is_responsible_once_per_person(self):
        """Issue 15: the employee the complaint is about is directly
        responsible (C8); one line per person, whatever his roles."""
        complaint = self.make_complaint(technician_id=self.tech.id)
        self.advance(complaint, "penalise")
        complaint.with_user(self.manager).action_propose_penalties()
        lines = self._penalties(complaint)
        self.assertIn((self.tech, "responsible"), lines, "the employee concerned")
        self.assertIn((self.engineer, "responsible"), lines, "the one the investigation names")
        self.assertNotIn("team_leader", complaint.penalty_ids.mapped("role"))
        users = complaint.penalty_ids.user_id
        self.assertEqual(len(users), len(complaint.penalty_ids), "one line per person")

    def test_c8_no_identifiable_person_the_team_leader_pays(self):
        complaint = self.advance(self.make_complaint(), "investigate")
        complaint.write(
            {
                "responsible_department_ids": [Command.link(self.quality.id)],
                "root_cause_id": self.component.id,
            }
        )
        self.advance(complaint, "penalise")
        complaint.with_user(self.manager).action_propose_penalties()
        self.assertIn((self.quality_head, "team_leader"), self._penalties(complaint))
        self.assertNotIn("responsible", complaint.penalty_ids.mapped("role"))

    def test_c8_repeat_complaint_doubles(self):
        first = self.make_complaint()
        self.assertFalse(first.is_repeat)
        again = self.make_complaint(date_received=datetime(2026, 12, 1))
        self.assertTrue(again.is_repeat, "same customer and product within the window")
        self.assertEqual(again.repeat_of_id, first)
        other = self.env["res.partner"].create({"name": "Other customer"})
        cause_only = self.make_complaint(partner_id=other.id, product_id=False)
        self.assertFalse(cause_only.is_repeat)
        cause_only.root_cause_id = self.component
        first.root_cause_id = self.component
        self.assertTrue(cause_only.is_repeat, "same root cause")
        self.advance(again, "penalise")
        again.with_user(self.manager).action_propose_penalties()
        line = self._penalties(again)[(self.engineer, "responsible")]
        self.assertTrue(line.is_doubled)
        self.assertEqual(line.amount, 400.0)

    def test_c8_repeat_window_is_a_setting(self):
        self.make_complaint()
        self.env["res.config.settings"].create({"aftersales_repeat_complaint_days": 5}).execute()
        later = self.make_complaint(date_received=datetime(2026, 12, 1))
        self.assertFalse(later.is_repeat, "outside a 5-day window")

    def test_c8_percentage_of_the_loss(self):
        complaint = self.advance(self.make_complaint(), "penalise")
        line = self.Penalty.with_user(self.manager).create(
            {
                "complaint_id": complaint.id,
                "user_id": self.engineer.id,
                "basis": "percent",
                "percent": 10,
            }
        )
        self.assertEqual(line.loss_amount, 3000.0)
        self.assertEqual(line.amount, 300.0)
        line.is_doubled = True
        self.assertEqual(line.amount, 600.0)
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            line.percent = 150

    def test_c8_no_penalty_on_a_rejected_complaint(self):
        complaint = self.advance(self.make_complaint(), "judge")
        complaint.write({"is_valid": "invalid", "judgement_note": "Not ours."})
        complaint.with_user(self.supervisor).action_judge()
        with self.assertRaisesRegex(ValidationError, "rejected"):
            self.Penalty.create(
                {"complaint_id": complaint.id, "user_id": self.tech.id, "fixed_amount": 100}
            )

    def test_c8_amount_must_be_positive(self):
        with self.assertRaisesRegex(ValidationError, "positive"):
            self.Penalty.create({"user_id": self.tech.id, "kind": "reward", "amount": 0})
        reward = self.Penalty.create({"user_id": self.tech.id, "kind": "reward", "amount": 80})
        self.assertEqual(reward.amount, 80, "a reward without complaint (V7)")

    def test_c8_penalties_seen_by_managers_and_the_person_concerned(self):
        mine = self.Penalty.create({"user_id": self.tech.id, "fixed_amount": 100})
        theirs = self.Penalty.create({"user_id": self.tech2.id, "fixed_amount": 100})
        visible = self.Penalty.with_user(self.tech).search([("id", "in", (mine | theirs).ids)])
        self.assertEqual(visible, mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.tech).read(["amount"])
        for user in (self.desk, self.supervisor):
            self.assertFalse(self.Penalty.with_user(user).search([("id", "=", theirs.id)]))
        self.assertEqual(
            self.Penalty.with_user(self.manager).search([("id", "in", (mine | theirs).ids)]),
            mine | theirs,
        )

    def test_c8_only_managers_penalise(self):
        complaint = self.advance(self.make_complaint(), "penalise")
        for user in (self.desk, self.supervisor, self.tech):
            with self.assertRaises(AccessError):
                self.Penalty.with_user(user).create(
                    {"complaint_id": complaint.id, "user_id": self.tech.id, "fixed_amount": 50}
                )
            with self.assertRaises(AccessError):
                complaint.with_user(user).action_propose_penalties()
        line = self.Penalty.with_user(self.manager).create(
            {"complaint_id": complaint.id, "user_id": self.tech.id, "fixed_amount": 50}
        )
        with self.assertRaises(AccessError):
            line.with_user(self.tech).action_confirm()
        line.with_user(self.manager).action_confirm()
        self.assertEqual(line.state, "confirmed")

    def test_c8_ledger_per_employee_and_month(self):
        self.Penalty.create(
            [
                {"user_id": self.tech.id, "fixed_amount": 100, "date": date(2026, 10, 5)},
                {"user_id": self.tech.id, "fixed_amount": 50, "date": date(2026, 10, 20)},
                {"user_id": self.tech.id, "fixed_amount": 70, "date": date(2026, 11, 2)},
                {"user_id": self.tech2.id, "fixed_amount": 30, "date": date(2026, 10, 9)},
            ]
        ).action_confirm()
        ledger = self.Penalty._read_group(
            [("user_id", "in", (self.tech | self.tech2).ids), ("state", "=", "confirmed")],
            ["user_id", "date:month"],
            ["amount:sum"],
        )
        totals = {(user.login, month.month): amount for user, month, amount in ledger}
        self.assertEqual(
            totals,
            {(self.tech.login, 10): 150, (self.tech.login, 11): 70, (self.tech2.login, 10): 30},
        )

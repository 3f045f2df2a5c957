# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import inspect
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.service.model import call_kw
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_user
from odoo.addons.rpc.controllers.xmlrpc import dumps as xmlrpc_dumps

from .common import ComplaintFixtures

# Context keys an RPC client might try: none of them grants anything (X6).
OLD_CONTEXT_KEYS = {
    "install_mode": True,
    "aftersales_process_write": True,
    "aftersales_force_state": True,
    "tracking_disable": True,
}
REFUSED = "change only through its steps"


class RulesMixin:
    """Helpers: call a method as an RPC client would, and check what the
    XML-RPC layer would have to marshal."""

    def rpc(self, records, method, user, context=None):
        """Calls ``method`` through Odoo's RPC dispatcher as ``user`` and
        returns what the client receives, checked marshallable (no None)."""
        model = self.env[records._name].with_user(user)
        result = call_kw(model, method, [records.ids], {"context": context or {}})
        self.assertIsNotNone(result, f"X6: {records._name}.{method} returns a value")
        # What the XML-RPC endpoint does with the result ("cannot marshal None").
        xmlrpc_dumps((result,))
        return result

    def assert_load_refused(self, model, fields, rows):
        """X6: an import is refused with a message, nothing written."""
        result = model.load(fields, rows)
        self.assertFalse(result["ids"], "X6: nothing imported")
        self.assertTrue(
            any(REFUSED in message["message"] for message in result["messages"]),
            result["messages"],
        )

    def public_actions(self, model):
        """Public action_* methods this module defines on ``model``."""
        names = set()
        for name in dir(type(model)):
            if not name.startswith("action_"):
                continue
            module = inspect.getmodule(getattr(type(model), name))
            if module and module.__name__.startswith("odoo.addons.aftersales_complaint."):
                names.add(name)
        return names


@tagged("post_install", "-at_install")
class TestComplaintRules(RulesMixin, ComplaintFixtures, TransactionCase):
    """X6 on complaints: the state, step and approval fields change only
    through the complaint's steps, by the roles allowed (C3-C9, C11)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()

    def test_x6_desk_cannot_close_a_complaint_by_writing_its_state(self):
        """X6/C3: ``write({'state': 'done'})`` at Judge is refused for every
        role, whatever the context."""
        complaint = self.advance(self.make_complaint(), "judge")
        for user in (self.desk, self.supervisor, self.manager, self.executive):
            with self.assertRaisesRegex(UserError, REFUSED):
                complaint.with_user(user).write({"state": "done"})
            with self.assertRaisesRegex(UserError, REFUSED):
                complaint.with_user(user).with_context(**OLD_CONTEXT_KEYS).write({"state": "done"})
            with self.assertRaisesRegex(UserError, REFUSED):
                call_kw(
                    self.Complaint.with_user(user),
                    "write",
                    [complaint.ids, {"state": "done"}],
                    {"context": OLD_CONTEXT_KEYS},
                )
        self.assert_load_refused(
            self.Complaint.with_user(self.desk), [".id", "state"], [[str(complaint.id), "done"]]
        )
        self.env.invalidate_all()
        self.assertEqual(complaint.state, "judge")
        self.assertFalse(complaint.judged_by_id)

    def test_x6_every_step_field_is_refused(self):
        """X6/C11: approval, dates and deadline bookkeeping are step fields."""
        complaint = self.advance(self.make_complaint(), "propose")
        values = {
            "judged_by_id": self.manager.id,
            "approved_by_id": self.manager.id,
            "date_approved": datetime(2026, 11, 24),
            "date_notified": datetime(2026, 11, 24),
            "date_done": datetime(2026, 11, 24),
            "date_stage_start": datetime(2026, 11, 24),
            "stage_deadline": datetime(2030, 1, 1),
            "stage_escalated": True,
            "escalation_count": 0,
            "late_user_ids": [Command.clear()],
            "executive_notified": True,
        }
        for name, value in values.items():
            for user in (self.supervisor, self.manager):
                with (
                    self.subTest(field=name, user=user.login),
                    self.assertRaisesRegex(UserError, REFUSED),
                ):
                    complaint.with_user(user).with_context(**OLD_CONTEXT_KEYS).write({name: value})
        self.assertFalse(complaint.approved_by_id)
        self.assertEqual(complaint.state, "propose")

    def test_x6_create_copy_and_import_start_at_the_first_step(self):
        """X6/C1: a complaint is born at Record, unjudged and unapproved."""
        base = {
            "partner_id": self.customer.id,
            "category_id": self.defect.id,
            "description": "Broken.",
            "customer_demand": "Repair.",
        }
        for vals in (
            {"state": "done"},
            {"approved_by_id": self.manager.id},
            {"judged_by_id": self.supervisor.id},
            {"date_done": datetime(2026, 11, 24)},
            {"stage_deadline": datetime(2030, 1, 1)},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, REFUSED):
                self.Complaint.with_user(self.desk).with_context(**OLD_CONTEXT_KEYS).create(
                    {**base, **vals}
                )
        self.assert_load_refused(
            self.Complaint.with_user(self.desk),
            ["partner_id/.id", "category_id/.id", "state"],
            [[str(self.customer.id), str(self.defect.id), "done"]],
        )
        # The initial value itself is accepted (a client sending the defaults).
        fresh = self.Complaint.with_user(self.desk).create({**base, "state": "record"})
        self.assertEqual(fresh.state, "record")
        judged = self.advance(self.make_complaint(), "investigate")
        copy = judged.with_user(self.desk).copy()
        self.assertRecordValues(
            copy,
            [
                {
                    "state": "record",
                    "judged_by_id": False,
                    "approved_by_id": False,
                    "stage_escalated": False,
                }
            ],
        )
        self.assertTrue(copy.stage_deadline, "the copy has its own Record deadline")

    def test_c6_only_the_service_manager_approves(self):
        """C6/X6: a supervisor approving by writing is refused; action_approve
        by a supervisor too; the manager's approval is tracked."""
        complaint = self.advance(self.make_complaint(), "propose")
        complaint.write({"solution": "Replace the compressor."})
        supervisor = complaint.with_user(self.supervisor)
        with self.assertRaisesRegex(UserError, REFUSED):
            supervisor.write({"approved_by_id": self.supervisor.id, "state": "notify"})
        with self.assertRaises(AccessError):
            supervisor.with_context(**OLD_CONTEXT_KEYS).action_approve()
        self.assertEqual(complaint.state, "propose")
        self.rpc(complaint, "action_approve", self.manager)
        self.assertRecordValues(complaint, [{"state": "notify", "approved_by_id": self.manager.id}])
        self.flush_tracking()
        tracked = complaint.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "approved_by_id"
        )
        self.assertTrue(tracked, "C10: the approval is in the chatter")

    def test_c6_decided_fields_stay_decided(self):
        """C3/C6: the judgement is not rewritten after the judging, nor the
        solution after its approval (the customer is told what was approved)."""
        complaint = self.advance(self.make_complaint(), "notify")
        desk = complaint.with_user(self.desk)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            desk.write({"solution": "Refund everything."})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            desk.write({"is_valid": "invalid"})
        desk.write({"solution": complaint.solution, "notify_method": "phone"})  # unchanged
        self.assertEqual(complaint.solution, "Replace the compressor.")
        # C5/C8: who answers for it is not rewritten once the investigation is
        # done, e.g. by a responsible technician leaving the penalties.
        engineer = complaint.with_user(self.engineer)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            engineer.write({"responsible_user_ids": [Command.unlink(self.engineer.id)]})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            desk.write({"root_cause_id": False})
        desk.write({"root_cause_id": complaint.root_cause_id.id})  # unchanged
        self.assertEqual(complaint.responsible_user_ids, self.engineer)

    def test_c5_investigation_done_by_supervisor_or_owner_only(self):
        """C5/X2: the desk, or a technician who does not own the complaint,
        cannot press Investigation Done."""
        complaint = self.advance(self.make_complaint(), "investigate")
        complaint.write(
            {
                "responsible_department_ids": [Command.link(self.quality.id)],
                "responsible_user_ids": [Command.link(self.engineer.id)],
                "root_cause_id": self.component.id,
            }
        )
        for user in (self.desk, self.engineer):
            with self.assertRaises(AccessError):
                complaint.with_user(user).with_context(**OLD_CONTEXT_KEYS).action_investigated()
        self.assertEqual(complaint.state, "investigate")
        complaint.with_user(self.supervisor).write({"user_id": self.engineer.id})
        self.rpc(complaint, "action_investigated", self.engineer)
        self.assertEqual(complaint.state, "propose")

    def test_x6_every_public_step_returns_a_value(self):
        """X6: every button of complaints, corrective actions and penalties
        answers an RPC call (True or an action), never None."""
        called = {
            "aftersales.complaint": set(),
            "aftersales.complaint.action": set(),
            "aftersales.ledger.entry": set(),
        }

        def call(records, method, user):
            called[records._name].add(method)
            return self.rpc(records, method, user)

        complaint = self.make_complaint()
        call(complaint, "action_submit", self.desk)
        complaint.write({"is_valid": "valid", "demand_reasonable": "yes"})
        call(complaint, "action_judge", self.supervisor)
        call(complaint, "action_assign", self.supervisor)
        complaint.write(
            {
                "responsible_department_ids": [Command.link(self.quality.id)],
                "responsible_user_ids": [Command.link(self.engineer.id)],
                "root_cause_id": self.component.id,
                "loss_amount": 1000.0,
            }
        )
        call(complaint, "action_investigated", self.supervisor)
        complaint.write({"solution": "Replace the compressor."})
        call(complaint, "action_approve", self.manager)
        call(complaint, "action_notify", self.desk)
        call(complaint, "action_propose_penalties", self.manager)
        self.assertIn("res_model", call(complaint, "action_view_penalties", self.manager))
        call(complaint.penalty_ids[0], "action_cancel", self.manager)
        call(complaint.penalty_ids[1:], "action_confirm", self.manager)
        call(complaint, "action_penalties_done", self.manager)
        Action = self.env["aftersales.complaint.action"]
        good, bad, dropped = Action.create(
            [
                {
                    "name": name,
                    "complaint_id": complaint.id,
                    "user_id": self.engineer.id,
                    "date_deadline": date(2026, 12, 31),
                }
                for name in ("Good", "Bad", "Dropped")
            ]
        )
        call(good | bad, "action_implemented", self.engineer)
        call(good, "action_review_effective", self.supervisor)
        call(bad, "action_review_ineffective", self.supervisor)
        call(dropped, "action_cancel", self.supervisor)
        call(good, "action_reward", self.manager)
        call(complaint, "action_close", self.supervisor)
        self.assertEqual(complaint.state, "done")
        rejected = self.advance(self.make_complaint(), "judge")
        rejected.write({"is_valid": "invalid", "judgement_note": "Not ours."})
        call(rejected, "action_judge", self.supervisor)
        self.assertEqual(rejected.state, "rejected")
        for model, methods in called.items():
            self.assertEqual(
                self.public_actions(self.env[model]) - methods,
                set(),
                f"every public method of {model} is called here",
            )

    def test_x6_step_changes_are_tracked(self):
        """C10: the state and who judged, approved, closed are in the chatter."""
        complaint = self.advance(self.make_complaint(), "done")
        self.flush_tracking()
        tracked = set(complaint.message_ids.tracking_value_ids.field_id.mapped("name"))
        self.assertTrue({"state", "judged_by_id", "approved_by_id", "date_done"} <= tracked)

    def test_c11_overdue_and_not_overdue_searches(self):
        """C11: "overdue" and "not overdue" are each other's complement (the
        negation covers the whole condition)."""
        with freeze_time("2026-11-25 06:00:00"):
            late = self.make_complaint()  # Record due Mon 23 Nov
            fresh = self.make_complaint(date_received=datetime(2026, 11, 25, 5, 0))
            closed = self.advance(self.make_complaint(), "judge")
            closed.write({"is_valid": "invalid", "judgement_note": "Not ours."})
            closed.with_user(self.supervisor).action_judge()
            no_deadline = self.make_complaint(
                company_id=self.env["res.company"].create({"name": "No calendar"}).id
            )
            no_deadline.company_id.resource_calendar_id = False
            no_deadline._apply_stage_values("record", no_deadline.date_received)
            self.assertFalse(no_deadline.stage_deadline)
            ids = (late | fresh | closed | no_deadline).ids
            for domain, expected in (
                ([("is_overdue", "=", True)], late),
                ([("is_overdue", "!=", False)], late),
                ([("is_overdue", "=", False)], fresh | closed | no_deadline),
                ([("is_overdue", "!=", True)], fresh | closed | no_deadline),
                (["!", ("is_overdue", "=", True)], fresh | closed | no_deadline),
            ):
                with self.subTest(domain=domain):
                    found = self.Complaint.search([*domain, ("id", "in", ids)])
                    self.assertEqual(found, expected)
            self.assertTrue(late.is_overdue)
            self.assertFalse((fresh | closed | no_deadline).filtered("is_overdue"))

    def test_c11_escalation_writes_through_the_steps(self):
        """C11/X6: the scheduled escalation still records who ran late,
        while nobody can clear it by writing."""
        late = self.make_complaint()
        self.Complaint._escalate_overdue_batch(datetime(2026, 11, 30), 100)
        self.assertEqual(late.late_user_ids, self.quality_head)
        with self.assertRaisesRegex(UserError, REFUSED):
            late.with_user(self.quality_head).write({"late_user_ids": [Command.clear()]})
        with self.assertRaisesRegex(UserError, REFUSED):
            late.with_user(self.manager).write({"stage_escalated": False})
        self.assertTrue(late.stage_escalated)


@tagged("post_install", "-at_install")
class TestCorrectiveActionRules(RulesMixin, ComplaintFixtures, TransactionCase):
    """X6 on corrective actions (C9): state, effectiveness and reviewer
    change only through the review, by a supervisor or manager who does not
    own the action."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()
        cls.Action = cls.env["aftersales.complaint.action"]

    def setUp(self):
        super().setUp()
        self.complaint = self.advance(self.make_complaint(), "improve")

    def _action(self, owner):
        return self.Action.create(
            {
                "name": "Train the crew",
                "complaint_id": self.complaint.id,
                "user_id": owner.id,
                "date_deadline": date(2026, 12, 31),
            }
        )

    def test_c9_technician_cannot_review_his_own_action_by_writing(self):
        """C9/X6: the owner writing reviewed/effective/reviewer is refused."""
        action = self._action(self.engineer)
        action.with_user(self.engineer).action_implemented()
        mine = action.with_user(self.engineer)
        for vals in (
            {"state": "reviewed"},
            {"effectiveness": "effective"},
            {"reviewed_by_id": self.supervisor.id},
            {"date_implemented": date(2026, 1, 1)},
            {"overdue_reminded": True},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, REFUSED):
                mine.with_context(**OLD_CONTEXT_KEYS).write(vals)
        with self.assertRaises(AccessError):
            mine.with_context(**OLD_CONTEXT_KEYS).action_review_effective()
        self.assert_load_refused(
            self.Action.with_user(self.supervisor),
            [".id", "effectiveness"],
            [[str(action.id), "effective"]],
        )
        self.assertRecordValues(
            action, [{"state": "implemented", "effectiveness": False, "reviewed_by_id": False}]
        )

    def test_c9_nobody_reviews_his_own_action(self):
        """C9: even a supervisor does not review the action he owns."""
        action = self._action(self.supervisor)
        self.flush_tracking()  # the creation's transaction, before the steps
        action.with_user(self.supervisor).action_implemented()
        with self.assertRaisesRegex(AccessError, "your own action"):
            action.with_user(self.supervisor).action_review_effective()
        self.rpc(action, "action_review_effective", self.manager)
        self.assertRecordValues(
            action,
            [
                {
                    "state": "reviewed",
                    "effectiveness": "effective",
                    "reviewed_by_id": self.manager.id,
                }
            ],
        )
        self.flush_tracking()
        tracked = set(action.message_ids.tracking_value_ids.field_id.mapped("name"))
        self.assertTrue({"state", "effectiveness", "reviewed_by_id"} <= tracked, "C10")

    def test_c9_create_and_import_start_open(self):
        """X6: an action is created open, unreviewed."""
        base = {
            "name": "Train",
            "complaint_id": self.complaint.id,
            "user_id": self.engineer.id,
            "date_deadline": date(2026, 12, 31),
        }
        for vals in ({"state": "reviewed"}, {"effectiveness": "effective"}):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, REFUSED):
                self.Action.with_user(self.supervisor).create({**base, **vals})
        self.assert_load_refused(
            self.Action.with_user(self.supervisor),
            ["name", "complaint_id/.id", "user_id/.id", "date_deadline", "state"],
            [["Train", str(self.complaint.id), str(self.engineer.id), "2026-12-31", "reviewed"]],
        )
        action = self._action(self.engineer)
        action.with_user(self.engineer).action_implemented()
        action.with_user(self.supervisor).action_review_effective()
        self.assertEqual(action.copy().state, "open")

    def test_c9_only_the_owner_or_a_supervisor_reports_implemented(self):
        """C9/X2: the desk cannot, a supervisor can; cancelling is a
        supervisor's decision."""
        action = self._action(self.engineer)
        with self.assertRaises(AccessError):
            action.with_user(self.desk).action_implemented()
        with self.assertRaises(AccessError):
            action.with_user(self.engineer).action_cancel()
        self.rpc(action, "action_implemented", self.supervisor)
        self.assertEqual(action.state, "implemented")
        with self.assertRaisesRegex(UserError, "cannot be done now"):
            action.with_user(self.engineer).action_implemented()


@tagged("post_install", "-at_install")
class TestPenaltyRules(RulesMixin, ComplaintFixtures, TransactionCase):
    """X6 on the ledger of penalties and rewards (C8): state and approval
    through the line's one transition, by a service manager, never in his
    own favour."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()
        cls.Penalty = cls.env["aftersales.ledger.entry"]
        cls.manager2 = make_user(cls.env, "manager", login="as_cpl_manager2")

    def test_c8_state_and_approval_are_not_written(self):
        """X6: writing, creating or importing a confirmed line is refused."""
        line = self.Penalty.with_user(self.manager).create(
            {"user_id": self.tech.id, "fixed_amount": 100}
        )
        manager = line.with_user(self.manager).with_context(**OLD_CONTEXT_KEYS)
        for vals in (
            {"state": "confirmed"},
            {"state": "cancelled"},
            {"confirmed_by_id": self.manager.id},
            {"date_confirmed": datetime(2026, 11, 24)},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, REFUSED):
                manager.write(vals)
        with self.assertRaisesRegex(UserError, REFUSED):
            self.Penalty.with_user(self.manager).create(
                {"user_id": self.tech.id, "fixed_amount": 100, "state": "confirmed"}
            )
        self.assert_load_refused(
            self.Penalty.with_user(self.manager),
            ["user_id/.id", "fixed_amount", "state"],
            [[str(self.tech.id), "100", "confirmed"]],
        )
        self.assert_load_refused(
            self.Penalty.with_user(self.manager), [".id", "state"], [[str(line.id), "confirmed"]]
        )
        self.assertEqual(line.state, "draft")

    def test_c8_only_a_service_manager_confirms(self):
        """C8/X2: a supervisor cannot confirm; the manager's confirmation is
        recorded and tracked."""
        line = self.Penalty.create({"user_id": self.tech.id, "fixed_amount": 100})
        self.flush_tracking()  # the creation's transaction, before the steps
        with self.assertRaises(AccessError):
            line.with_user(self.supervisor).with_context(**OLD_CONTEXT_KEYS).action_confirm()
        self.rpc(line, "action_confirm", self.manager)
        self.assertRecordValues(line, [{"state": "confirmed", "confirmed_by_id": self.manager.id}])
        self.flush_tracking()
        tracked = set(line.message_ids.tracking_value_ids.field_id.mapped("name"))
        self.assertTrue({"state", "confirmed_by_id"} <= tracked, "C10")
        with self.assertRaisesRegex(UserError, "cannot become"):
            line.with_user(self.manager).action_confirm()

    def test_c8_nobody_decides_in_his_own_favour(self):
        """C8: no manager confirms a reward to himself, nor cancels his own
        penalty; another manager does."""
        reward = self.Penalty.create({"user_id": self.manager.id, "kind": "reward", "amount": 500})
        with self.assertRaisesRegex(AccessError, "own favour"):
            reward.with_user(self.manager).action_confirm()
        penalty = self.Penalty.create({"user_id": self.manager.id, "fixed_amount": 100})
        with self.assertRaisesRegex(AccessError, "own favour"):
            penalty.with_user(self.manager).action_cancel()
        self.assertEqual((reward | penalty).mapped("state"), ["draft", "draft"])
        self.rpc(reward, "action_confirm", self.manager2)
        self.rpc(penalty, "action_confirm", self.manager)  # his own penalty: not a favour
        with self.assertRaisesRegex(AccessError, "own favour"):
            penalty.with_user(self.manager).action_cancel()
        self.rpc(penalty, "action_cancel", self.manager2)
        self.assertEqual((reward | penalty).mapped("state"), ["confirmed", "cancelled"])

    def test_c8_a_confirmed_line_keeps_its_figures(self):
        """C8: a confirmed line is not edited, and keeps its amount when the
        complaint's loss changes afterwards."""
        complaint = self.advance(self.make_complaint(), "penalise")
        line = self.Penalty.with_user(self.manager).create(
            {
                "complaint_id": complaint.id,
                "user_id": self.engineer.id,
                "basis": "percent",
                "percent": 10,
            }
        )
        line.with_user(self.manager).action_confirm()
        self.assertEqual(line.amount, 300.0)
        with self.assertRaisesRegex(UserError, "stays as it was decided"):
            line.with_user(self.manager).write({"amount": 1})
        with self.assertRaisesRegex(UserError, "stays as it was decided"):
            line.with_user(self.manager).write({"user_id": self.tech.id})
        complaint.write({"loss_amount": 9000.0})
        self.assertEqual(line.amount, 300.0)
        line.with_user(self.manager).write({"note": "Explained to him."})

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import assertQueriesConstant

from .common import ComplaintFixtures


@tagged("post_install", "-at_install")
class TestComplaintAction(ComplaintFixtures, TransactionCase):
    """C9: corrective actions with owner, deadline and effectiveness review;
    overdue actions remind their owner (batched, once); an effective
    improvement earns a reward (C8)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()
        cls.Action = cls.env["aftersales.complaint.action"]
        cls.today = date(2026, 12, 10)

    def setUp(self):
        super().setUp()
        self.complaint = self.advance(self.make_complaint(), "improve")

    def _actions(self, count, deadline=date(2026, 12, 1), owner=None):
        return self.Action.create(
            [
                {
                    "name": f"Train the crew {i}",
                    "complaint_id": self.complaint.id,
                    "user_id": (owner or self.engineer).id,
                    "date_deadline": deadline,
                }
                for i in range(count)
            ]
        )

    def test_c9_review_after_implementation_then_reward(self):
        action = self._actions(1)
        with self.assertRaisesRegex(UserError, "cannot be done now"):
            action.with_user(self.supervisor).action_review_effective()
        action.with_user(self.engineer).action_implemented()
        with self.assertRaises(AccessError):
            action.with_user(self.engineer).action_review_effective()
        self.assertTrue(action.with_user(self.supervisor).action_review_effective())
        self.assertEqual(action.state, "reviewed")
        self.assertEqual(action.effectiveness, "effective")
        self.assertEqual(action.reviewed_by_id, self.supervisor)
        with self.assertRaises(AccessError):
            action.with_user(self.supervisor).action_reward()
        self.assertTrue(action.with_user(self.manager).action_reward())
        reward = action.reward_ids
        self.assertEqual(
            (reward.kind, reward.user_id, reward.amount, reward.state),
            ("reward", self.engineer, 100, "draft"),
        )
        action.with_user(self.manager).action_reward()
        self.assertEqual(action.reward_ids, reward, "once")

    def test_c9_ineffective_action_earns_no_reward(self):
        action = self._actions(1)
        action.action_implemented()
        action.write({"review_note": "Same fault again."})
        action.with_user(self.supervisor).action_review_ineffective()
        self.assertEqual(action.effectiveness, "ineffective")
        with self.assertRaisesRegex(UserError, "reviewed as effective"):
            action.with_user(self.manager).action_reward()

    def test_c9_technician_sees_only_own_actions(self):
        mine = self._actions(1)
        other = self._actions(1, owner=self.tech2)
        visible = self.Action.with_user(self.engineer).search([("id", "in", (mine | other).ids)])
        self.assertEqual(visible, mine)

    def test_c9_overdue_actions_remind_their_owner_once(self):
        late = self._actions(2)
        on_time = self._actions(1, deadline=date(2026, 12, 31))
        self.assertEqual(self.Action._remind_overdue_batch(self.today, 100), 2)
        self.assertEqual(self.Action._remind_overdue_batch(self.today, 100), 0, "once")
        self.assertEqual(late.activity_ids.user_id, self.engineer)
        self.assertFalse(on_time.activity_ids)
        late[0].date_deadline = date(2026, 12, 5)
        self.assertEqual(self.Action._remind_overdue_batch(self.today, 100), 1, "new deadline")

    def test_c9_reminder_queries_do_not_grow(self):
        done = assertQueriesConstant(
            self,
            self._actions,
            lambda _actions: self.Action._remind_overdue_batch(self.today, 1000),
            sizes=(3, 30),
        )
        self.assertEqual(done, (3, 30))

    def test_c9_cron_batches(self):
        self._actions(3, deadline=date(2026, 1, 1))
        self.assertEqual(self.Action._cron_remind_overdue(batch_size=2), 3)
        self.assertEqual(self.Action._cron_remind_overdue(batch_size=2), 0)

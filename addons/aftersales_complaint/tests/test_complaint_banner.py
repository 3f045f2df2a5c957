# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged

from ..models.complaint_process import NEXT_STEP
from .common import ComplaintFixtures


class _Undo(Exception):
    """Raised inside a savepoint to undo a step that went through."""


@tagged("post_install", "-at_install")
class TestComplaintBanner(ComplaintFixtures, TransactionCase):
    """Issue 15 (C3-C9): the complaint form says why its next step waits,
    before anyone clicks, in the very words of the step's error."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()

    def _click(self, complaint, user):
        """The message the next step's button gives ``user``, or False when
        the step goes through (undone at once)."""
        try:
            with self.env.cr.savepoint():
                getattr(complaint.with_user(user), NEXT_STEP[complaint.state])()
                raise _Undo
        except _Undo:
            return False
        except (UserError, AccessError) as error:
            return error.args[0]
        finally:
            self.env.invalidate_all()

    def _banner(self, complaint, user):
        self.env.invalidate_all()
        return complaint.with_user(user).blocked_reason

    def test_c3_banner_says_the_judgement_waits_for_a_supervisor(self):
        complaint = self.advance(self.make_complaint(), "judge")
        banner = self._banner(complaint, self.desk)
        self.assertIn("judge a complaint", banner)
        self.assertEqual(banner, self._click(complaint, self.desk))
        # the supervisor is told what the judgement still needs
        banner = self._banner(complaint, self.supervisor)
        self.assertIn("Validity", banner)
        self.assertEqual(banner, self._click(complaint, self.supervisor))
        complaint.write({"is_valid": "invalid"})
        banner = self._banner(complaint, self.supervisor)
        self.assertIn("Reason", banner)
        self.assertEqual(banner, self._click(complaint, self.supervisor))
        complaint.write({"is_valid": "valid", "demand_reasonable": "yes"})
        self.assertFalse(self._banner(complaint, self.supervisor))
        complaint.with_user(self.supervisor).action_judge()
        self.assertEqual(complaint.state, "assign")

    def test_c6_banner_says_the_solution_awaits_the_managers_approval(self):
        complaint = self.advance(self.make_complaint(), "propose")
        complaint.solution = "Replace the compressor."
        for user in (self.desk, self.supervisor):
            banner = self._banner(complaint, user)
            self.assertIn("approve the solution", banner)
            self.assertEqual(banner, self._click(complaint, user))
        self.assertFalse(self._banner(complaint, self.manager))
        self.assertFalse(self._click(complaint, self.manager))
        self.assertEqual(complaint.state, "propose", "the click was undone")

    def test_banner_equals_the_error_of_every_step_for_every_role(self):
        """Along the whole path, for each role: the banner is the error the
        next step's button raises, and empty exactly when the step goes
        through."""
        complaint = self.make_complaint(description=False)
        users = (self.desk, self.supervisor, self.manager)
        seen = set()
        for state in NEXT_STEP:
            if state == "record":
                blocked = self._banner(complaint, self.desk)
                self.assertIn("Description", blocked)
                complaint.description = "The compressor stopped after a week."
            self.advance(complaint, state)
            if state == "propose" and not complaint.solution:
                # blocked by the missing solution, then proposed
                self.assertIn("Solution", self._banner(complaint, self.manager))
                complaint.solution = "Replace the compressor."
            for user in users:
                banner = self._banner(complaint, user)
                self.assertEqual(banner, self._click(complaint, user), f"{state}, {user.login}")
                seen.add(bool(banner))
        self.assertEqual(seen, {True, False}, "some steps blocked, others open")
        self.advance(complaint, "done")
        self.assertFalse(self._banner(complaint, self.manager), "nothing waits once done")

    def test_banner_shown_on_the_form(self):
        complaint = self.advance(self.make_complaint(), "judge")
        form = Form(complaint.with_user(self.supervisor))
        self.assertIn("Validity", form.blocked_reason)
        form.is_valid = "valid"
        form.demand_reasonable = "yes"
        self.assertFalse(form.blocked_reason, "the banner follows the fields being filled")

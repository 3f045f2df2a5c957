# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.tests import TransactionCase, freeze_time, tagged

from odoo.addons.aftersales_base.tests.common import assertQueriesConstant

from .common import MONDAY_9, ComplaintFixtures

MONDAY = date(2026, 11, 23)


@freeze_time(MONDAY_9)
@tagged("post_install", "-at_install")
class TestComplaintTimeBase(ComplaintFixtures, TransactionCase):
    """T1/C11: complaint step deadlines are planned on the company's time
    base and follow it when a holiday is entered later (open complaints
    only)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()
        cls.Day = cls.env["aftersales.calendar.day"]

    def holiday(self, day=MONDAY, **vals):
        return self.Day.with_user(self.manager).create(
            {"name": "Company anniversary", "date_from": day, "date_to": day, **vals}
        )

    def test_step_deadline_skips_a_holiday(self):
        """T1: a complaint received on a public holiday is due the next working day."""
        self.holiday()
        complaint = self.make_complaint()
        # recording takes 2 working hours: Tuesday 08:00-10:00 in China
        self.assertEqual(complaint.stage_deadline, datetime(2026, 11, 24, 2, 0))

    def test_open_step_deadline_moves_closed_keeps(self):
        """T1: a holiday entered later moves the step deadline of open complaints, from
        the step's start, and leaves closed ones as they were."""
        open_complaint = self.make_complaint()
        closed = self.make_complaint()
        self.assertEqual(open_complaint.stage_deadline, datetime(2026, 11, 23, 3, 0))
        closed._write_process({"state": "rejected"})  # closed with its last deadline
        earlier = self.make_complaint(date_received=datetime(2026, 11, 20, 1, 0))  # Friday
        self.assertEqual(earlier.stage_deadline, datetime(2026, 11, 20, 3, 0))
        day = self.holiday()
        self.assertEqual(open_complaint.stage_deadline, datetime(2026, 11, 24, 2, 0))
        self.assertEqual(open_complaint.date_stage_start, MONDAY_9)
        self.assertIn("working time changed", open_complaint.message_ids[:1].body)
        self.assertEqual(closed.stage_deadline, datetime(2026, 11, 23, 3, 0))
        self.assertEqual(earlier.stage_deadline, datetime(2026, 11, 20, 3, 0), "due before")
        # the holiday cancelled: back to Monday
        day.with_user(self.manager).active = False
        self.assertEqual(open_complaint.stage_deadline, datetime(2026, 11, 23, 3, 0))

    def test_other_company_holiday_leaves_ours(self):
        """T1: another company's holiday does not move our complaints."""
        complaint = self.make_complaint()
        branch = self.env["res.company"].create({"name": "Complaint Branch"})
        self.Day.create(
            {"name": "Branch day", "date_from": MONDAY, "date_to": MONDAY, "company_id": branch.id}
        )
        self.assertEqual(complaint.stage_deadline, datetime(2026, 11, 23, 3, 0))

    def test_company_closure_moves_deadlines(self):
        """T1: a company closure (a global leave) moves open deadlines too."""
        complaint = self.make_complaint()
        self.env["resource.calendar.leaves"].with_user(self.manager).create(
            {
                "name": "Closed for the move",
                "date_from": datetime(2026, 11, 23, 0, 0),
                "date_to": datetime(2026, 11, 23, 10, 0),
            }
        )
        self.assertEqual(complaint.stage_deadline, datetime(2026, 11, 24, 2, 0))

    def test_recompute_queries_constant(self):
        """T1: recomputing 30 open complaints costs the queries of 3."""

        def make_batch(n):
            return [self.make_complaint() for _i in range(n)]

        def run(_batch):
            day = self.holiday()
            day.unlink()

        # extra=1: Odoo's LRU caches may need one refill in the bigger run
        # (a flake seen in make test-modules, 55 > 54); a query per complaint
        # would cost 27 more.
        assertQueriesConstant(self, make_batch, run, sizes=(3, 30), extra=1)

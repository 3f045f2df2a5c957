# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.process_bypass import REFUSED, ProcessBypassAsserts

from .common import ServiceFixtures

DAY = date(2026, 11, 23)


@tagged("post_install", "-at_install")
class TestDailyReportRules(ProcessBypassAsserts, ServiceFixtures, TransactionCase):
    """S12, X6, X2: a daily report goes draft → submitted → approved only
    through its steps: its author submits, the supervisor (a technician's
    report) or the branch manager (the supervisor's, the branch's) approves
    or sends it back; nobody reopens or edits a submitted report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        cls.request = cls.make_request(lot=cls.new_lot())
        cls.Report = cls.env["aftersales.daily.report"]
        cls.env["aftersales.repair.time"].create(
            {
                "request_id": cls.request.id,
                "user_id": cls.tech.id,
                "date": DAY,
                "hours": 2.0,
                "description": "work",
                "service_category": "paid",
            }
        )

    def _submitted(self):
        report = self.Report.with_user(self.tech).create({"date": DAY})
        self.assertIs(report.with_user(self.tech).action_submit(), True)
        return report

    def test_x6_technician_cannot_reopen_his_submitted_report(self):
        """The defect seen over XML-RPC: write({'state': 'draft'})."""
        report = self._submitted()
        self.assertStepsGuarded(
            report, self.tech, {"state": "approved"}, {"date": date(2026, 11, 24)}
        )
        for vals in (
            {"state": "draft"},
            {"date_submitted": False},
            {"approved_by_id": self.tech.id},
            {"state": "approved"},
        ):
            with self.assertRaisesRegex(UserError, REFUSED):
                report.with_user(self.tech).write(vals)
        with self.assertRaisesRegex(UserError, "cannot be done now"):
            report.with_user(self.tech).write({"date": date(2026, 11, 24)})
        with self.assertRaises(AccessError, msg="X6: the author does not send back"):
            report.with_user(self.tech).action_send_back()
        self.assertEqual(report.state, "submitted")

    def test_x6_create_refuses_a_later_step(self):
        with self.assertRaisesRegex(UserError, REFUSED):
            self.Report.with_user(self.tech).create({"date": DAY, "state": "approved"})
        with self.assertRaisesRegex(UserError, REFUSED):
            self.Report.with_user(self.tech).create(
                {"date": DAY, "approved_by_id": self.supervisor.id}
            )
        self.assertLoadRefused(
            self.Report.with_user(self.tech), {"date": DAY, "state": "submitted"}
        )
        self.assertFalse(self.Report.search([("user_id", "=", self.tech.id)]))
        with self.assertRaises(AccessError, msg="X2: nobody files a report in another's name"):
            self.Report.with_user(self.tech).create({"date": DAY, "user_id": self.tech2.id})
        mine = self.Report.with_user(self.tech).create({"date": DAY})
        with self.assertRaises(AccessError):
            mine.with_user(self.tech).write({"user_id": self.tech2.id})

    def test_x6_nobody_edits_the_lines_of_a_report(self):
        report = self._submitted()
        line = report.line_ids
        self.assertEqual(line.hours, 2.0)
        for user in (self.manager, self.supervisor, self.tech):
            with self.assertRaisesRegex(UserError, REFUSED):
                report.with_user(user).write(
                    {"line_ids": [Command.update(line.id, {"hours": 9.0})]}
                )
        Line = self.env["aftersales.daily.report.line"].with_user(self.manager)
        with self.assertRaisesRegex(UserError, REFUSED):
            line.with_user(self.manager).write({"hours": 9.0})
        with self.assertRaisesRegex(UserError, REFUSED):
            line.with_user(self.manager).unlink()
        with self.assertRaisesRegex(UserError, REFUSED):
            Line.create(
                {
                    "report_id": report.id,
                    "user_id": self.tech.id,
                    "service_category": "free",
                    "hours": 1.0,
                }
            )
        # not even while still a draft: the lines are the time lines' sum
        draft = self.Report.with_user(self.tech2).create({"date": DAY})
        with self.assertRaisesRegex(UserError, REFUSED):
            draft.with_user(self.tech2).write(
                {
                    "line_ids": [
                        Command.create(
                            {"user_id": self.tech2.id, "service_category": "paid", "hours": 8}
                        )
                    ]
                }
            )
        self.assertEqual(report.total_hours, 2.0)

    def test_x6_supervisor_approves_or_sends_back(self):
        report = self._submitted()
        self.flush_tracking()
        with self.assertRaises(AccessError):
            report.with_user(self.tech2).action_approve()
        self.assertIs(report.with_user(self.supervisor).action_send_back(), True)
        self.assertEqual((report.state, report.date_submitted), ("draft", False))
        self.flush_tracking()
        report.with_user(self.tech).action_submit()
        self.flush_tracking()
        self.assertIs(report.with_user(self.supervisor).action_approve(), True)
        self.flush_tracking()
        self.assertEqual((report.state, report.approved_by_id), ("approved", self.supervisor))
        with self.assertRaisesRegex(UserError, "Only a submitted report"):
            report.with_user(self.supervisor).action_send_back()
        tracked = report.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(
            tracked.sorted("id")[-3:].mapped("new_value_char"),
            ["Draft", "Submitted", "Approved"],
            "X6: each step is in the chatter",
        )

    def test_x6_supervisor_does_not_approve_his_own_report(self):
        report = self.Report.with_user(self.supervisor).create(
            {"date": DAY, "report_type": "supervisor"}
        )
        report.with_user(self.supervisor).action_submit()
        with self.assertRaises(AccessError):
            report.with_user(self.supervisor).action_approve()
        self.assertIs(report.with_user(self.manager).action_approve(), True)
        self.assertEqual(report.state, "approved")

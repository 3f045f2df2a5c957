# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_user

from .common import ServiceFixtures

DAY = date(2026, 11, 23)


@tagged("post_install", "-at_install")
class TestDailyReport(ServiceFixtures, TransactionCase):
    """S12: technician, supervisor and branch daily reports from the time
    lines, by work type; submitted once; XLSX; head office sees approved
    branch reports."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        cls.request = cls.make_request(lot=cls.new_lot())
        cls.Report = cls.env["aftersales.daily.report"]

    def _lines(self, user, spec, day=DAY):
        """spec: [(category, hours), ...] time lines of ``user`` on ``day``."""
        return self.env["aftersales.repair.time"].create(
            [
                {
                    "request_id": self.request.id,
                    "user_id": user.id,
                    "date": day,
                    "hours": hours,
                    "description": "work",
                    "service_category": category,
                }
                for category, hours in spec
            ]
        )

    def _by_category(self, report, user):
        return {
            line.service_category: (line.hours, line.line_count)
            for line in report.line_ids
            if line.user_id == user
        }

    def test_s12_technician_report_by_work_type_submitted_once(self):
        self._lines(self.tech, [("paid", 1.5), ("paid", 2.0), ("contract", 1.0), ("admin", 0.5)])
        self._lines(self.tech, [("free", 3.0)], day=date(2026, 11, 24))
        self._lines(self.tech2, [("paid", 4.0)])
        report = self.Report.with_user(self.tech).create({"date": DAY})
        self.assertEqual(report.report_type, "technician")
        self.assertEqual(
            self._by_category(report, self.tech),
            {"paid": (3.5, 2), "contract": (1.0, 1), "admin": (0.5, 1)},
        )
        self.assertEqual(report.line_ids.user_id, self.tech, "only the technician's own lines")
        self.assertEqual(report.total_hours, 5.0)
        report.action_submit()
        self.assertEqual(report.state, "submitted")
        self.assertTrue(report.date_submitted)
        with self.assertRaisesRegex(UserError, "already submitted"):
            report.action_submit()
        with self.assertRaisesRegex(UserError, "submitted report"):
            report.action_refresh()
        with self.assertRaises(UserError):
            self.Report.with_user(self.tech).create({"date": DAY})

    def test_s12_technician_sees_only_own_reports(self):
        mine = self.Report.with_user(self.tech).create({"date": DAY})
        theirs = self.Report.with_user(self.tech2).create({"date": DAY})
        visible = self.Report.with_user(self.tech).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(theirs, visible)
        with self.assertRaises(AccessError):
            theirs.with_user(self.tech).action_submit()
        for kind in ("supervisor", "branch"):
            with self.assertRaises(AccessError):
                self.Report.with_user(self.tech).create({"date": DAY, "report_type": kind})

    def test_s12_supervisor_report_aggregates_technicians(self):
        self._lines(self.tech, [("paid", 2.0), ("free", 1.0)])
        self._lines(self.tech2, [("paid", 1.0), ("contract", 2.5)])
        outsider = make_user(self.env, "technician", login="as_rep_outsider")
        self._lines(outsider, [("paid", 8.0)])
        report = self.Report.with_user(self.supervisor).create(
            {"date": DAY, "report_type": "supervisor"}
        )
        self.assertEqual(report.line_ids.user_id, self.tech | self.tech2)
        self.assertEqual(
            self._by_category(report, self.tech2), {"paid": (1.0, 1), "contract": (2.5, 1)}
        )
        self.assertEqual(report.total_hours, 6.5)
        report.action_submit()
        self.assertEqual(report.state, "submitted")

    def test_s12_xlsx_export_cells(self):
        self._lines(self.tech, [("paid", 2.0), ("free", 1.0)])
        self._lines(self.tech2, [("contract", 2.5), ("admin", 0.5)])
        report = self.Report.with_user(self.supervisor).create(
            {"date": DAY, "report_type": "supervisor"}
        )
        book = openpyxl.load_workbook(io.BytesIO(report._render_xlsx()))
        sheet = book.active
        self.assertEqual(sheet["A1"].value, "Supervisor Daily Report")
        self.assertEqual(sheet["B3"].value, "2026-11-23")
        self.assertEqual(sheet["B4"].value, self.supervisor.name)
        header = [c.value for c in sheet[6]][:7]
        self.assertEqual(
            header,
            [
                "Technician",
                "Paid",
                "Contract",
                "Free (warranty)",
                "General Administrative Work",
                "Total Hours",
                "Time Lines",
            ],
        )
        rows = {
            sheet.cell(r, 1).value: [sheet.cell(r, c).value for c in range(2, 8)] for r in (7, 8)
        }
        self.assertEqual(rows[self.tech.name], [2.0, 0, 1.0, 0, 3.0, 2])
        self.assertEqual(rows[self.tech2.name], [0, 2.5, 0, 0.5, 3.0, 2])
        self.assertEqual(sheet["A9"].value, "Total")
        self.assertEqual(
            [sheet.cell(9, c).value for c in range(2, 8)], [2.0, 2.5, 1.0, 0.5, 6.0, 4]
        )
        self.assertEqual(sheet.page_setup.orientation, "landscape")
        action = report.action_export_xlsx()
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", report._name), ("res_id", "=", report.id)]
        )
        self.assertEqual(action["url"], f"/web/content/{attachment.id}?download=true")
        self.assertTrue(attachment.name.endswith(".xlsx"))

    def test_s12_x3_branch_report_approved_then_visible_to_head_office(self):
        head_office = self.env.company
        branch = self.env["res.company"].create(
            {"name": "Test Branch", "parent_id": head_office.id}
        )
        branch_manager = make_user(self.env, "manager", login="as_rep_branch_mgr", company=branch)
        head = make_user(self.env, "manager", login="as_rep_head", company=head_office)
        report = self.Report.with_user(branch_manager).create(
            {"date": DAY, "report_type": "branch", "company_id": branch.id}
        )
        self.assertFalse(self.Report.with_user(head).search([("id", "=", report.id)]))
        with self.assertRaisesRegex(UserError, "submitted branch"):
            report.with_user(branch_manager).action_approve()
        report.with_user(branch_manager).action_submit()
        self.assertFalse(self.Report.with_user(head).search([("id", "=", report.id)]))
        with self.assertRaises(AccessError):
            report.with_user(self.tech).action_approve()
        report.with_user(branch_manager).action_approve()
        self.assertEqual((report.state, report.approved_by_id), ("approved", branch_manager))
        self.assertEqual(self.Report.with_user(head).search([("id", "=", report.id)]), report)
        self.assertEqual(report.with_user(head).name, report.name)

    def test_s12_builder_query_count_does_not_grow(self):
        """The report reads the time lines with one grouped query (and the
        day's hotline calls with another, I5): 8 or 80 time lines, the same
        number of queries."""
        categories = ("paid", "contract", "free", "admin")
        other_day = date(2026, 11, 24)
        small, large = (
            self.Report.with_user(self.supervisor).create(
                {"date": day, "report_type": "supervisor"}
            )
            for day in (DAY, other_day)
        )
        for user in (self.tech, self.tech2):
            self._lines(user, [(c, 1.0) for c in categories])
            self._lines(user, [(c, 0.5) for c in categories] * 10, day=other_day)
        for report in (small, large):
            report.action_refresh()  # now holds the 8 lines to replace
            self.env.flush_all()
            with self.assertQueryCount(14):
                report.action_refresh()
            self.assertEqual(len(report.line_ids), 8)
        self.assertEqual((small.total_hours, large.total_hours), (8.0, 40.0))

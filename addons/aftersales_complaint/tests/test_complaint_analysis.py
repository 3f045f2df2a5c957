# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.tests import TransactionCase, tagged

from .common import ComplaintFixtures


@tagged("post_install", "-at_install")
class TestComplaintAnalysis(ComplaintFixtures, TransactionCase):
    """C14: counts by category, department and month, hours to resolve and
    the repeat rate, stored so that graph and pivot group and average them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()
        cls.partner = cls.env["res.partner"].create({"name": "Analysis customer"})

    def test_c14_counts_by_category_department_month(self):
        mine = self.make_complaint(partner_id=self.partner.id, date_received=datetime(2026, 9, 2))
        mine |= self.make_complaint(partner_id=self.partner.id, date_received=datetime(2026, 10, 5))
        mine |= self.make_complaint(
            partner_id=self.partner.id,
            category_id=self.attitude.id,
            product_id=False,
            date_received=datetime(2026, 10, 6),
        )
        groups = self.Complaint._read_group(
            [("id", "in", mine.ids)],
            ["category_root_id", "department_id", "date_received:month"],
            ["__count"],
        )
        counts = {
            (categ.code, dep.name or "", month.month): count for categ, dep, month, count in groups
        }
        quality = self.env.ref("aftersales_complaint.dep_quality")
        self.assertEqual(counts[("PQ", quality.name, 9)], 1)
        self.assertEqual(counts[("PQ", quality.name, 10)], 1)
        self.assertEqual(sum(c for (code, _d, _m), c in counts.items() if code == "SV"), 1)

    def test_c14_hours_to_resolve_and_repeat_rate(self):
        first = self.make_complaint(partner_id=self.partner.id)
        again = self.make_complaint(partner_id=self.partner.id, date_received=datetime(2026, 12, 1))
        self.advance(first, "done")
        self.assertGreater(first.resolve_hours, 0)
        expected = (first.date_done - first.date_received).total_seconds() / 3600
        self.assertAlmostEqual(first.resolve_hours, expected, places=2)
        self.assertFalse(again.resolve_hours, "not resolved yet")
        [(rate,)] = self.Complaint._read_group(
            [("id", "in", (first | again).ids)], [], ["repeat_rate:avg"]
        )
        self.assertEqual(rate, 50.0)

    def test_c14_analysis_views_load(self):
        for xmlid in (
            "aftersales_complaint.action_complaint_analysis",
            "aftersales_complaint.action_complaint_dashboard",
            "aftersales_base.action_ledger_entry",
        ):
            action = self.env.ref(xmlid)
            for mode in action.view_mode.split(","):
                self.env[action.res_model].get_view(view_type=mode)

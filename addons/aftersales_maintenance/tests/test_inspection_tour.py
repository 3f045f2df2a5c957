# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_base.tests.common import make_portal_customers, make_user

from .test_inspection_report import InspectionFixtures


@tagged("post_install", "-at_install")
class TestInspectionTour(InspectionFixtures, HttpCase):
    """P2 in a real browser on a phone (390×844): the technician records his
    arrival, fills the checklist (one value out of range), photographs it, has
    the customer sign and submits; the customer then finds the report and its
    PDF on his portal."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_inspection_fixtures()
        portal = make_portal_customers(cls.env, "IT")
        cls.portal_user = portal["user_a"]
        # a plain technician of the zone, certified like the fixtures' ones
        cls.tour_tech = make_user(
            cls.env, "technician", login="as_tour_inspector", tz="Asia/Shanghai"
        )
        cls.zone.technician_ids |= cls.tour_tech
        cls.env["aftersales.technician.certification"].create(
            {"user_id": cls.tour_tech.id, "categ_id": cls.categ.id, "date_valid": "2020-01-01"}
        )
        cls.job = cls.make_job(technician=cls.tour_tech, partner_id=portal["customer_a"].id)

    def test_p2_inspection_on_a_phone_then_portal(self):
        """P2: the inspection report filled and submitted on a 390×844 screen; the
        customer's portal then lists it with its PDF link."""
        self.start_tour(
            f"/odoo/action-aftersales_repair.action_service_request/{self.job.id}",
            "aftersales_inspection_mobile_tour",
            login=self.tour_tech.login,
            timeout=240,
        )
        report = self.job.inspection_report_id
        self.assertEqual(report.state, "submitted")
        self.assertTrue(report.evidence_date_arrival)
        self.assertEqual(report.evidence_photo_count, 1)
        self.assertEqual(report.out_of_range_count, 1)
        self.assertEqual(report.signed_by, "Wang Fang")
        self.assertEqual(report.findings, "Pressure too high at the outlet")
        self.start_tour(
            "/my/inspections",
            "aftersales_inspection_portal_tour",
            login=self.portal_user.login,
            timeout=120,
        )

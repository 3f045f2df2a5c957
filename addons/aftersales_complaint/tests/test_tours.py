# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_base.tests.common import make_user

# Also written in static/tests/tours/aftersales_quality_complaint_tour.js.
CUSTOMER = "Tour Lakeside Bakery"
ROOT_CAUSE = "Tour faulty thermostat batch"
OWNER = "Tour Service Manager Gao"


@tagged("post_install", "-at_install")
class TestComplaintTour(HttpCase):
    """In a real browser, a quality complaint from registration through the
    judgement, routing, investigation, approval and notification to a
    corrective action (C1, C3-C7, C9). The service manager plays every role
    (the group implies supervisor and desk)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.user = make_user(
            cls.env,
            "manager",
            login="as_tour_complaint",
            name=OWNER,
            email="gao@example.com",
            company=cls.company,
        )
        cls.env.ref("aftersales_complaint.routing_quality").user_id = cls.user
        cls.customer = cls.env["res.partner"].create(
            {"name": CUSTOMER, "is_company": True, "email": "bakery@example.com"}
        )
        cls.env["aftersales.complaint.root.cause"].create({"name": ROOT_CAUSE})

    def test_quality_complaint(self):
        Complaint = self.env["aftersales.complaint"]
        self.start_tour(
            "/odoo", "aftersales_quality_complaint_tour", login=self.user.login, timeout=240
        )
        self.env.invalidate_all()
        complaint = Complaint.search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(complaint), 1)
        self.assertRecordValues(
            complaint,
            [
                {
                    "state": "improve",
                    "category_id": self.env.ref("aftersales_complaint.categ_pq_defect").id,
                    "is_valid": "valid",
                    "department_id": self.env.ref("aftersales_complaint.dep_quality").id,
                    "user_id": self.user.id,
                    "approved_by_id": self.user.id,
                    "notify_method": "email",
                }
            ],
        )
        self.assertTrue(complaint.date_notified)
        self.assertEqual(complaint.root_cause_id.name, ROOT_CAUSE)
        self.assertRecordValues(
            complaint.action_ids,
            [{"user_id": self.user.id, "date_deadline": date(2030, 12, 31), "state": "open"}],
        )

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""I2: on the portal a customer complains about one of his products (the
serials of his warranty certificates), service requests or repairs, and only
about his own. Real HTTP requests through the customer portal."""

import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_base.tests.common import make_portal_customers

from .common import RepairComplaintFixtures

FORM_URL = "/my/complaints/new"


@tagged("post_install", "-at_install")
class TestComplaintPortalSources(RepairComplaintFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_repair_complaint_fixtures()
        portal = make_portal_customers(cls.env, "I2R")
        cls.customer_a, cls.customer_b = portal["customer_a"], portal["customer_b"]
        cls.user_a, cls.user_b = portal["user_a"], portal["user_b"]
        yesterday = fields.Date.context_today(cls.env.user) - timedelta(days=1)
        cls.lot_a, cls.lot_b = cls.new_lot(), cls.new_lot()
        cls.make_certificate(cls.lot_a, yesterday, partner_id=cls.customer_a.id)
        cls.make_certificate(cls.lot_b, yesterday, partner_id=cls.customer_b.id)
        cls.request_a = cls.make_request(lot=cls.lot_a, partner_id=cls.customer_a.id)
        cls.request_b = cls.make_request(lot=cls.lot_b, partner_id=cls.customer_b.id)
        cls.repair_a, cls.repair_b = cls.env["repair.order"].create(
            [
                {"product_id": cls.product.id, "partner_id": cls.customer_a.id},
                {"product_id": cls.product.id, "partner_id": cls.customer_b.id},
            ]
        )

    def _submit(self, subject):
        response = self.url_open(FORM_URL, timeout=60)
        self.assertEqual(response.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)
        return self.url_open(
            FORM_URL,
            data={
                "csrf_token": token,
                "category_id": str(self.attitude.id),
                "subject": subject,
                "description": "The technician was rude.",
                "customer_demand": "An apology.",
            },
            timeout=60,
        )

    def _complaints(self):
        return self.Complaint.search(
            [("partner_id", "=", self.user_a.partner_id.id)], order="id desc"
        )

    def test_i2_customer_complains_about_his_own_serial_request_or_repair(self):
        self.authenticate(self.user_a.login, self.user_a.login)
        form = self.url_open(FORM_URL, timeout=60).text
        for own in (self.lot_a.name, self.request_a.name, self.repair_a.name):
            self.assertIn(own, form, "his own records are offered")
        for other in (self.lot_b.name, self.request_b.name, self.repair_b.name):
            self.assertNotIn(other, form, "never another customer's")

        response = self._submit(f"request:{self.request_a.id}")
        complaint = self._complaints()[:1]
        self.assertRecordValues(
            complaint,
            [
                {
                    "channel": "portal",
                    "service_request_id": self.request_a.id,
                    "lot_id": self.lot_a.id,
                    "product_id": self.product.id,
                    "company_id": self.request_a.company_id.id,
                    "state": "record",
                }
            ],
        )
        self.assertIn(f"Service request {self.request_a.name}", response.text)
        self.assertNotIn(self.tech.name, response.text, "no employee's name")

        response = self._submit(f"repair:{self.repair_a.id}")
        complaint = self._complaints()[:1]
        self.assertEqual(complaint.repair_id, self.repair_a)
        self.assertIn(f"Repair {self.repair_a.name}", response.text)

        response = self._submit(f"lot:{self.lot_a.id}")
        complaint = self._complaints()[:1]
        self.assertRecordValues(
            complaint, [{"lot_id": self.lot_a.id, "product_id": self.product.id}]
        )
        self.assertIn(self.lot_a.name, response.text)
        self.assertEqual(len(self._complaints()), 3)

    def test_i2_other_customers_records_are_refused(self):
        self.authenticate(self.user_a.login, self.user_a.login)
        for subject in (
            f"lot:{self.lot_b.id}",
            f"request:{self.request_b.id}",
            f"repair:{self.repair_b.id}",
            "request:abc",
            "repair:",
        ):
            response = self._submit(subject)
            self.assertEqual(response.status_code, 200)
            self.assertIn("This is not one of your products", response.text, subject)
        self.assertFalse(self._complaints(), "nothing created")
        self.assertFalse(
            self.Complaint.search(
                [
                    "|",
                    ("service_request_id", "=", self.request_b.id),
                    ("repair_id", "=", self.repair_b.id),
                ]
            )
        )

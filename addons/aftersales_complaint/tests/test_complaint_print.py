# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import load_language

from .common import ComplaintFixtures

# Monday 2026-11-23 06:05 in Hangzhou is Sunday 22:05 UTC (17:05 in New York).
RECEIVED_UTC = datetime(2026, 11, 22, 22, 5)


@tagged("post_install", "-at_install")
class TestComplaintPrint(ComplaintFixtures, TransactionCase):
    """W9, X4 (issue 15): the complaint handling record prints the company's
    local time in the customer's language, whoever prints it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()
        load_language(cls.env, ["aftersales_warranty", "aftersales_complaint"])

    def _html(self, complaint):
        return (
            self.env["ir.actions.report"]
            .with_context(tz="America/New_York")
            ._render_qweb_html("aftersales_complaint.action_report_complaint", complaint.ids)[0]
            .decode()
        )

    def test_w9_x4_handling_record_local_time_in_chinese(self):
        self.customer.lang = "zh_CN"
        html = self._html(self.make_complaint(date_received=RECEIVED_UTC))
        self.assertIn("客诉处理单", html, "X4: printed in the customer's language")
        self.assertIn("投诉时间", html)
        self.assertIn("06:05", html, "W9: the company's local time")
        self.assertNotIn("22:05", html, "not UTC")
        self.assertNotIn("17:05", html, "not the printing user's time")

    def test_w9_x4_customer_without_language_reads_the_company_language(self):
        self.customer.lang = False
        self.env.company.partner_id.lang = "zh_CN"
        html = self._html(self.make_complaint(date_received=RECEIVED_UTC))
        self.assertIn("客诉处理单", html)
        self.customer.lang = "en_US"
        html = self._html(self.make_complaint(date_received=RECEIVED_UTC))
        self.assertIn("Complaint Handling Record", html)
        self.assertNotIn("客诉处理单", html)

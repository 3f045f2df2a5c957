# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""P2/X5: a customer lists, reads and downloads his submitted inspection
reports on the portal; another customer gets a 404. Real HTTP requests."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_base.tests.common import make_portal_customers

from .test_inspection_report import ARRIVAL, InspectionFixtures


@tagged("post_install", "-at_install")
class TestInspectionPortal(InspectionFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_inspection_fixtures()
        portal = make_portal_customers(cls.env, "IR")
        cls.user_a, cls.user_b = portal["user_a"], portal["user_b"]
        cls.request_a = cls.make_job(partner_id=portal["customer_a"].id)
        with freeze_time(ARRIVAL):
            cls.request_a.with_user(cls.tech).action_arrive()
        cls.draft_b_request = cls.make_job(partner_id=portal["customer_b"].id)

    def _get(self, url):
        return self.url_open(url, timeout=60)

    def test_p2_portal_own_reports_only(self):
        """P2/X5: customer A sees his submitted report (list, page, PDF, the request's
        page links it); customer B gets a 404 on it; a draft report is on nobody's portal."""
        with freeze_time(ARRIVAL):
            report = self.fill(self.open_report(self.request_a))
            report.action_submit()
        draft = self.open_report(self.draft_b_request)
        url = f"/my/inspections/{report.id}"

        self.authenticate(self.user_a.login, self.user_a.login)
        listing = self._get("/my/inspections")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(report.name, listing.text)
        page = self._get(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Water pressure", page.text)
        self.assertIn("o_inspection_pdf_link", page.text)
        html = self._get(f"{url}?report_type=html")
        self.assertEqual(html.status_code, 200)
        self.assertIn("Replace the bearing", html.text)
        pdf = self._get(f"{url}?report_type=pdf&download=true")
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf.headers["Content-Type"], "application/pdf")
        # (tests render the PDF's HTML unless forced: ODOO19_NOTES)
        self.assertIn(report.name.encode(), pdf.content)
        request_page = self._get(self.request_a.get_portal_url())
        self.assertIn(url, request_page.text, "the request's page links its report")

        self.authenticate(self.user_b.login, self.user_b.login)
        self.assertNotIn(report.name, self._get("/my/inspections").text)
        for suffix in ("", "?report_type=html", "?report_type=pdf"):
            response = self._get(url + suffix)
            self.assertEqual(response.status_code, 404, suffix)
            self.assertNotIn("Replace the bearing", response.text)
        # B's own report is a draft: not on his portal either
        self.assertEqual(self._get(f"/my/inspections/{draft.id}").status_code, 404)

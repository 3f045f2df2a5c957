# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""X5: a customer sees and downloads their own certificates and contracts,
and nobody else's. Real HTTP requests through the customer portal."""

from urllib.parse import urlsplit

from dateutil.relativedelta import relativedelta

import odoo.http
from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_base.tests.common import make_portal_customers

from .common import WarrantyFixtures


@tagged("post_install", "-at_install")
class TestPortal(WarrantyFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        env = cls.env
        cls.company_phone = "+86 21 5550 0199"
        env.company.phone = cls.company_phone
        today = fields.Date.context_today(env.user)

        # Customer A is a company; its portal user is one of its contacts, so
        # the certificate is reached through the commercial partner.
        portal = make_portal_customers(env, "WC")
        cls.customer_a, cls.customer_b = portal["customer_a"], portal["customer_b"]
        cls.user_a, cls.user_b = portal["user_a"], portal["user_b"]
        cls.policy.write(
            {"scope": "<p>All parts and labour.</p>", "terms": "<p>Not covered: misuse.</p>"}
        )
        cls.lot, cls.lot_draft = cls.lots[1], cls.lots[2]
        cls.certificate = cls.make_certificate(cls.lot, today, partner_id=cls.customer_a.id)
        env["aftersales.warranty.service"].create(
            {
                "certificate_id": cls.certificate.id,
                "description": "Refrigerant top-up",
                "reference": "PORTAL-SRV-1",
            }
        )
        cls.draft_certificate = cls.make_certificate(
            cls.lot_draft, today, activate=False, partner_id=cls.customer_a.id
        )

        Contract = env["aftersales.maintenance.contract"]
        cls.contract = Contract.create(
            {
                "partner_id": cls.customer_a.id,
                "date_start": today,
                "date_end": today + relativedelta(years=1, days=-1),
                "fee": 1200.0,
                "lot_ids": [Command.set(cls.lot.ids)],
            }
        )
        cls.contract.action_start()
        cls.draft_contract = Contract.create(
            {
                "partner_id": cls.customer_a.id,
                "date_start": today,
                "date_end": today + relativedelta(years=1, days=-1),
                "lot_ids": [Command.set(cls.lot_draft.ids)],
            }
        )

    # Helpers ----------------------------------------------------------------

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _get(self, url):
        return self.url_open(url, timeout=60)

    def _counters(self):
        names = ["warranty_count", "contract_count"]
        result = self.make_jsonrpc_request("/my/counters", {"counters": names})
        return {name: result.get(name) for name in names}

    def _assert_refused(self, url, secret):
        """Odoo's portal answers an AccessError with a redirect to /my."""
        response = self.url_open(url, allow_redirects=False)
        self.assertIn(response.status_code, (301, 302, 303, 403, 404), url)
        if response.is_redirect:
            self.assertEqual(urlsplit(response.headers["Location"]).path, "/my", url)
        response = self.url_open(url)
        self.assertNotIn(secret, response.text, f"{url} must not show {secret}")

    def _force_pdf_rendering(self):
        """In test mode Odoo renders reports as HTML unless the context says
        otherwise: put the key in the session context the requests use."""
        self.session.context["force_report_rendering"] = True
        odoo.http.root.session_store.save(self.session)

    # Warranty certificates --------------------------------------------------

    def test_portal_customer_sees_and_downloads_own_certificate(self):
        certificate = self.certificate
        self._login(self.user_a)

        response = self._get("/my/warranties")
        self.assertEqual(response.status_code, 200)
        self.assertIn(certificate.name, response.text)
        self.assertIn(certificate.access_url, response.text)

        response = self._get(certificate.access_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(certificate.name, response.text)
        self.assertIn(self.lot.name, response.text, "the serial is shown")
        self.assertIn(self.product.name, response.text)
        self.assertIn(self.policy.name, response.text)
        self.assertIn("Refrigerant top-up", response.text, "the service record")
        self.assertIn("report_type=pdf", response.text, "Download / Print buttons")

        self._force_pdf_rendering()
        response = self._get(f"{certificate.access_url}?report_type=pdf&download=true")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("attachment", response.headers.get("Content-Disposition", ""))
        self.assertTrue(response.content.startswith(b"%PDF"), "a real PDF")

    def test_portal_customer_cannot_see_other_customers_certificate(self):
        certificate = self.certificate
        self._login(self.user_b)

        response = self._get("/my/warranties")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(certificate.name, response.text)
        self._assert_refused(certificate.access_url, certificate.name)
        self._assert_refused(f"{certificate.access_url}?report_type=html", certificate.name)
        self._assert_refused(
            f"{certificate.access_url}?access_token=not-the-token", certificate.name
        )

        # Odoo's sharing: whoever holds the access token may open the document.
        token = certificate._portal_ensure_token()
        response = self._get(f"{certificate.access_url}?access_token={token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(certificate.name, response.text)
        self.assertIn(self.lot.name, response.text)

    def test_portal_anonymous_visitor_needs_the_access_token(self):
        certificate = self.certificate
        self.authenticate(None, None)
        response = self._get("/my/warranties")
        self.assertNotIn(certificate.name, response.text)
        self.assertEqual(urlsplit(response.url).path, "/web/login")
        self._assert_refused(certificate.access_url, certificate.name)
        token = certificate._portal_ensure_token()
        response = self._get(f"{certificate.access_url}?access_token={token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.lot.name, response.text)

    def test_portal_draft_certificate_hidden_from_its_customer(self):
        draft = self.draft_certificate
        self._login(self.user_a)
        response = self._get("/my/warranties")
        self.assertIn(self.certificate.name, response.text)
        self.assertNotIn(draft.name, response.text)
        self._assert_refused(draft.access_url, draft.name)

    def test_portal_certificate_html_report_shows_company_contact(self):
        self._login(self.user_a)
        response = self._get(f"{self.certificate.access_url}?report_type=html")
        self.assertEqual(response.status_code, 200)
        self.assertIn("text/html", response.headers["Content-Type"])
        self.assertIn(self.certificate.name, response.text)
        self.assertIn(self.company_phone, response.text)

    # Maintenance contracts ----------------------------------------------------

    def test_portal_contracts_isolated(self):
        contract = self.contract
        self._login(self.user_a)
        response = self._get("/my/contracts")
        self.assertEqual(response.status_code, 200)
        self.assertIn(contract.name, response.text)
        self.assertNotIn(self.draft_contract.name, response.text)
        response = self._get(contract.access_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(contract.name, response.text)
        self.assertIn(self.lot.name, response.text, "covered equipment")
        self.assertIn("Planned Inspections", response.text)
        self.assertTrue(contract.inspection_ids, "action_start plans inspections")
        self._assert_refused(self.draft_contract.access_url, self.draft_contract.name)

        self._force_pdf_rendering()
        response = self._get(f"{contract.access_url}?report_type=pdf&download=true")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"), "a real PDF")

        self._login(self.user_b)
        response = self._get("/my/contracts")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(contract.name, response.text)
        self._assert_refused(contract.access_url, contract.name)
        self._assert_refused(f"{contract.access_url}?report_type=pdf", contract.name)

        token = contract._portal_ensure_token()
        response = self._get(f"{contract.access_url}?access_token={token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(contract.name, response.text)

    # Portal home --------------------------------------------------------------

    def test_portal_home_counters(self):
        self._login(self.user_a)
        response = self._get("/my")
        self.assertEqual(response.status_code, 200)
        self.assertIn("/my/warranties", response.text)
        self.assertIn("/my/contracts", response.text)
        self.assertEqual(
            self._counters(),
            {"warranty_count": 1, "contract_count": 1},
            "A counts its active certificate and running contract, not the drafts",
        )

        self._login(self.user_b)
        self.assertEqual(
            self._counters(),
            {"warranty_count": 0, "contract_count": 0},
        )

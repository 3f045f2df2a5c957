# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""X5: a customer requests a service on the portal and follows its status;
nobody else sees it. Real HTTP requests through the customer portal."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import odoo.http
from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_base.tests.common import make_portal_customers

from .common import ServiceFixtures

REQUEST_MODEL = "aftersales.service.request"
FORM_URL = "/my/service-requests/new"


@tagged("post_install", "-at_install")
class TestServiceRequestPortal(ServiceFixtures, HttpCase):
    """Customers A and B on the portal, each with a serial under an active
    warranty; the fixtures' zone, first of the company, with its technicians."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        portal = make_portal_customers(cls.env, "SR")
        cls.customer_a, cls.customer_b = portal["customer_a"], portal["customer_b"]
        cls.user_a, cls.user_b = portal["user_a"], portal["user_b"]
        cls.zone.sequence = -1  # the company's first zone (the demo's have 1 and 2)
        cls.lot_a, cls.lot_b = cls.new_lot(), cls.new_lot()
        # Started yesterday: the coverage compares the certificate's local
        # dates with the UTC date of the call, which differ around midnight.
        yesterday = fields.Date.context_today(cls.env.user) - timedelta(days=1)
        cls.certificates = cls.make_certificate(
            cls.lot_a, yesterday, partner_id=cls.customer_a.id
        ) | cls.make_certificate(cls.lot_b, yesterday, partner_id=cls.customer_b.id)

    # Helpers ----------------------------------------------------------------

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _get(self, url, **kwargs):
        return self.url_open(url, timeout=60, **kwargs)

    def _csrf_token(self):
        response = self._get(FORM_URL)
        self.assertEqual(response.status_code, 200)
        match = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
        self.assertTrue(match, "the form carries a CSRF token")
        return match.group(1)

    def _submit(self, **data):
        """Post the form as the logged-in customer, with the page's token."""
        data = {"csrf_token": self._csrf_token(), **data}
        return self.url_open(FORM_URL, data=data, timeout=60)

    def _requests(self, user):
        return self.env[REQUEST_MODEL].search([("partner_id", "=", user.partner_id.id)], order="id")

    def _counters(self):
        result = self.make_jsonrpc_request("/my/counters", {"counters": ["service_request_count"]})
        return result.get("service_request_count")

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

    def _submit_as_a(self, fault="The boiler shows error E42 and the water stays cold."):
        self._login(self.user_a)
        response = self._submit(lot_id=str(self.lot_a.id), fault_description=fault)
        self.assertEqual(response.status_code, 200)
        service_request = self._requests(self.user_a)
        self.assertEqual(len(service_request), 1)
        return service_request

    # Requesting a service ---------------------------------------------------

    def test_portal_customer_requests_a_service(self):
        self._login(self.user_a)
        response = self._get(FORM_URL)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.lot_a.name, response.text, "A picks among their own serials")
        self.assertNotIn(self.lot_b.name, response.text, "never another customer's")

        tomorrow = fields.Datetime.now() + timedelta(days=1)
        fault = "The boiler shows error E42 and the water stays cold."
        response = self._submit(
            lot_id=str(self.lot_a.id),
            fault_description=fault,
            preferred_visit=tomorrow.strftime("%Y-%m-%dT10:30"),
        )
        service_request = self._requests(self.user_a)
        self.assertEqual(len(service_request), 1, "one request created for A")
        self.assertRecordValues(
            service_request,
            [
                {
                    "channel": "portal",
                    "partner_id": self.user_a.partner_id.id,
                    "commercial_partner_id": self.customer_a.id,
                    "lot_id": self.lot_a.id,
                    "product_id": self.product.id,
                    "fault_description": fault,
                    "zone_id": self.zone.id,
                    "company_id": self.env.company.id,
                    "state": "to_dispatch",
                    "service_category": "free",
                    "user_id": False,
                    "date_planned": False,
                }
            ],
        )
        self.assertTrue(service_request.sla_deadline, "the zone's arrival SLA runs")

        # Redirected to the new request's page.
        self.assertEqual(response.status_code, 200)
        self.assertEqual(urlsplit(response.url).path, service_request.access_url)
        self.assertIn(service_request.name, response.text)
        self.assertIn("we have received your request", response.text)
        self.assertIn(self.lot_a.name, response.text)
        self.assertIn("error E42", response.text)

        # The customer's own words in the chatter, with the preferred time.
        message = service_request.message_ids.filtered(
            lambda m: (
                m.message_type == "comment"
                and m.author_id == self.user_a.partner_id
                and "Preferred visit time" in m.body
            )
        )
        self.assertEqual(len(message), 1, "a chatter message posted as the customer")
        self.assertIn("10:30", message.body, "shown in the customer's time zone")
        self.assertIn(self.user_a.partner_id, service_request.message_partner_ids)

        # A sees it in the list and on its page.
        response = self._get("/my/service-requests")
        self.assertEqual(response.status_code, 200)
        self.assertIn(service_request.name, response.text)
        self.assertIn(service_request.access_url, response.text)
        response = self._get(service_request.access_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(service_request.name, response.text)
        self.assertIn(self.product.name, response.text)
        self.assertIn("Not assigned yet", response.text)
        self.assertIn("Download voucher", response.text)

    def test_portal_request_is_hidden_from_other_customers(self):
        service_request = self._submit_as_a()
        self._login(self.user_b)
        response = self._get("/my/service-requests")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(service_request.name, response.text)
        self._assert_refused(service_request.access_url, service_request.name)
        self._assert_refused(f"{service_request.access_url}?report_type=pdf", service_request.name)
        self._assert_refused(
            f"{service_request.access_url}?access_token=not-the-token", service_request.name
        )

        # Anonymous visitors need the token, as for any shared portal document.
        self.authenticate(None, None)
        self._assert_refused(service_request.access_url, service_request.name)
        token = service_request._portal_ensure_token()
        response = self._get(f"{service_request.access_url}?access_token={token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(service_request.name, response.text)

    def test_portal_cannot_request_service_on_other_customers_serial(self):
        self._login(self.user_a)
        response = self._submit(
            lot_id=str(self.lot_b.id), fault_description="Pretending B's boiler is mine"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("not one of your registered products", response.text)
        self.assertIn("Pretending B", response.text, "the form keeps what was typed")
        self.assertFalse(self._requests(self.user_a), "nothing created")
        self.assertFalse(
            self.env[REQUEST_MODEL].search([("lot_id", "=", self.lot_b.id)]), "nothing on B's"
        )

        response = self._submit(lot_id="not-a-number", fault_description="Broken")
        self.assertIn("not one of your registered products", response.text)
        self.assertFalse(self._requests(self.user_a))

    def test_portal_fault_description_required(self):
        self._login(self.user_a)
        for fault in ("", "   \n "):
            response = self._submit(lot_id=str(self.lot_a.id), fault_description=fault)
            self.assertEqual(response.status_code, 200)
            self.assertIn("Describe the fault", response.text)
            self.assertFalse(self._requests(self.user_a), "nothing created")

    def test_portal_preferred_visit_must_be_future(self):
        self._login(self.user_a)
        yesterday = fields.Datetime.now() - timedelta(days=1)
        response = self._submit(
            fault_description="Noisy pump",
            preferred_visit=yesterday.strftime("%Y-%m-%dT09:00"),
        )
        self.assertIn("must be in the future", response.text)
        self.assertFalse(self._requests(self.user_a))

    def test_portal_request_without_serial(self):
        self._login(self.user_a)
        response = self._submit(lot_id="", fault_description="Not sure which unit: it leaks")
        self.assertEqual(response.status_code, 200)
        service_request = self._requests(self.user_a)
        self.assertEqual(len(service_request), 1)
        self.assertFalse(service_request.lot_id)
        self.assertFalse(service_request.product_id)
        self.assertEqual(service_request.channel, "portal")
        self.assertEqual(service_request.service_category, "paid")

    def test_portal_form_needs_csrf_token(self):
        self._login(self.user_a)
        with self.assertLogs("odoo.http", "WARNING"):
            response = self.url_open(
                FORM_URL,
                data={"lot_id": str(self.lot_a.id), "fault_description": "No token"},
                timeout=60,
            )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._requests(self.user_a), "nothing created")

    def test_portal_zone_follows_customers_last_request(self):
        """The desk's choice of zone for this customer is kept."""
        other_zone = self.env["aftersales.zone"].create(
            {"name": "SR Portal Zone 2", "code": "SRPZ2", "sequence": 50}
        )
        first = self._submit_as_a()
        first.zone_id = other_zone
        self._submit(fault_description="Again: no hot water")
        second = self._requests(self.user_a) - first
        self.assertEqual(len(second), 1)
        self.assertEqual(second.zone_id, other_zone)

    # Following its status ---------------------------------------------------

    def test_portal_status_progress(self):
        service_request = self._submit_as_a()
        response = self._get(service_request.access_url)
        self.assertIn('data-state="to_dispatch" aria-current="step"', response.text)

        planned = fields.Datetime.now() + timedelta(days=2)
        service_request.write({"date_planned": planned})
        service_request.action_assign(self.tech)
        self.assertEqual(service_request.state, "dispatched")
        response = self._get(service_request.access_url)
        self.assertIn(self.tech.name, response.text, "the technician's name")
        self.assertNotIn("To be agreed with you", response.text, "the planned visit")
        self.assertIn("Arrival Deadline", response.text)
        self.assertIn('data-state="dispatched" aria-current="step"', response.text)
        self.assertNotIn("Done On", response.text)

        service_request._write_process({"state": "done", "date_done": fields.Datetime.now()})
        response = self._get(service_request.access_url)
        self.assertIn("Done On", response.text)
        self.assertIn('data-state="done" aria-current="step"', response.text)
        self.assertNotIn("o_aftersales_step_todo", response.text)

        response = self._get("/my/service-requests?filterby=done")
        self.assertIn(service_request.name, response.text)
        response = self._get("/my/service-requests?filterby=open")
        self.assertNotIn(service_request.name, response.text)

    def test_portal_voucher_download_pdf(self):
        service_request = self._submit_as_a()
        self._force_pdf_rendering()
        response = self._get(f"{service_request.access_url}?report_type=pdf&download=true")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("attachment", response.headers.get("Content-Disposition", ""))
        self.assertTrue(response.content.startswith(b"%PDF"), "a real PDF")

    # Portal home --------------------------------------------------------------

    def test_portal_home_counters(self):
        self._submit_as_a()
        response = self._get("/my")
        self.assertEqual(response.status_code, 200)
        self.assertIn("/my/service-requests", response.text)
        self.assertIn(FORM_URL, response.text, "the form is offered from the home")
        self.assertEqual(self._counters(), 1)

        self._login(self.user_b)
        self.assertEqual(self._counters(), 0)

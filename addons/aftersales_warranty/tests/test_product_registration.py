# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""I4: product registration on the portal. The model's rules (whatever the
client), the desk's decision and the certificate from the purchase date
(W2, W9, X6); the portal over real HTTP (X5)."""

import re
import struct
import zlib
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_portal_customers, make_user
from odoo.addons.aftersales_base.tests.process_bypass import ProcessBypassAsserts

from .common import WarrantyFixtures

MODEL = "aftersales.product.registration"
FORM_URL = "/my/registrations/new"
# noon in China, the fixtures' company day, whatever the machine's zone
TODAY = datetime(2026, 12, 1, 4, 0)


def tiny_png():
    """A valid 2x2 PNG (its type is read from its content)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


class RegistrationFixtures(WarrantyFixtures):
    @classmethod
    def setup_registration_fixtures(cls):
        cls.setup_warranty_fixtures()
        cls.product.sale_ok = True

    @classmethod
    def make_proof(cls, registration=None, raw=None, mimetype="image/png", name="invoice.png"):
        return (
            cls.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": name,
                    "raw": raw if raw is not None else tiny_png(),
                    "mimetype": mimetype,
                    "res_model": MODEL if registration else False,
                    "res_id": registration.id if registration else 0,
                }
            )
        )

    @classmethod
    def make_registration(cls, serial="REG-SN-001", purchase=None, proof=True, **extra):
        registration = (
            cls.env[MODEL]
            .sudo()
            .create(
                {
                    "partner_id": cls.customer.id,
                    "product_id": cls.product.id,
                    "serial": serial,
                    "date_purchase": purchase or date(2026, 6, 15),
                    "shop": "Suning Yan'an Road",
                    **extra,
                }
            )
        )
        if proof:
            registration.proof_attachment_id = cls.make_proof(registration)
        return registration.with_env(cls.env)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestProductRegistration(RegistrationFixtures, ProcessBypassAsserts, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_registration_fixtures()

    def test_i4_validate_issues_certificate_from_purchase_date(self):
        """I4/W2: the desk validates; the serial is created and its
        certificate issued from the purchase date, numbered in its year."""
        registration = self.make_registration(purchase=date(2025, 3, 10))
        self.assertEqual(registration.state, "submitted")
        self.assertTrue(registration.name.startswith("PR/"), registration.name)
        self.assertIs(registration.with_user(self.desk).action_validate(), True)
        self.assertEqual(registration.state, "validated")
        lot = registration.lot_id
        self.assertEqual((lot.name, lot.product_id), ("REG-SN-001", self.product))
        certificate = registration.certificate_id
        self.assertEqual(certificate.lot_id, lot)
        self.assertEqual(certificate.partner_id, self.customer)
        self.assertEqual(certificate.state, "active")
        self.assertEqual(certificate.date_start, date(2025, 3, 10))
        self.assertEqual(certificate.date_end, self.policy._end_date(date(2025, 3, 10)))
        self.assertEqual(certificate.date_issued, date(2026, 12, 1))
        self.assertIn("/2025/", certificate.name, "numbered in the year of its start")
        self.assertEqual(registration.user_id, self.desk)
        self.assertEqual(registration.date_decided, date(2026, 12, 1))

    def test_i4_validate_finds_the_existing_serial(self):
        """I4: a serial already known (sold without certificate) is reused."""
        lot = self.lots[0]
        registration = self.make_registration(serial=f"  {lot.name} ")
        self.assertEqual(registration.serial, lot.name, "the serial is stripped")
        registration.with_user(self.desk).action_validate()
        self.assertEqual(registration.lot_id, lot)
        self.assertEqual(registration.certificate_id.lot_id, lot)

    def test_i4_long_ended_period_is_issued_expired(self):
        """I4/W9: a purchase whose warranty ended long ago is recorded with
        an expired certificate, never an active one."""
        registration = self.make_registration(purchase=date(2022, 5, 1))
        registration.with_user(self.desk).action_validate()
        certificate = registration.certificate_id
        self.assertEqual(certificate.state, "expired")
        self.assertEqual(certificate.date_start, date(2022, 5, 1))
        self.assertIn("/2022/", certificate.name)

    def test_i4_serial_already_covered_is_refused(self):
        """I4: a serial already covered by a certificate cannot be validated;
        nothing is written."""
        lot = self.lots[1]
        self.make_certificate(lot, date(2026, 1, 1))
        registration = self.make_registration(serial=lot.name)
        certificates = self.env["aftersales.warranty.certificate"].search_count([])
        with self.assertRaisesRegex(UserError, "already covered by a warranty certificate"):
            registration.with_user(self.desk).action_validate()
        self.assertEqual(registration.state, "submitted")
        self.assertFalse(registration.certificate_id)
        self.assertEqual(self.env["aftersales.warranty.certificate"].search_count([]), certificates)

    def test_i4_validation_needs_proof_and_policy(self):
        """I4: no proof, or a product without warranty: no validation."""
        registration = self.make_registration(proof=False)
        with self.assertRaisesRegex(UserError, "no proof of purchase"):
            registration.with_user(self.desk).action_validate()
        self.product.aftersales_warranty_policy_id = False
        other = self.make_registration(serial="REG-SN-002")
        with self.assertRaisesRegex(UserError, "carries no warranty policy"):
            other.with_user(self.desk).action_validate()
        self.assertEqual((registration | other).mapped("state"), ["submitted", "submitted"])

    def test_i4_purchase_date_limits(self):
        """I4: the purchase date is not after the company's day, nor older
        than any warranty."""
        with self.assertRaisesRegex(ValidationError, "cannot be in the future"):
            self.make_registration(purchase=date(2026, 12, 2), proof=False)
        self.make_registration(purchase=date(2026, 12, 1), proof=False)
        with self.assertRaisesRegex(ValidationError, "cannot be registered"):
            self.make_registration(purchase=date(2010, 1, 1), proof=False)

    @freeze_time(datetime(2026, 12, 1, 17, 30))
    def test_i4_purchase_today_is_the_companys_day(self):
        """I4: at 01:30 in China (17:30 UTC the day before there) the company's
        day decides: December 2 is today, not the future."""
        registration = self.make_registration(purchase=date(2026, 12, 2), proof=False)
        self.assertEqual(registration.date_purchase, date(2026, 12, 2))
        with self.assertRaisesRegex(ValidationError, "cannot be in the future"):
            self.make_registration(purchase=date(2026, 12, 3), proof=False)

    def test_i4_proof_type_and_size_limits(self):
        """I4: the proof is a photo or a PDF, not larger than the setting."""
        registration = self.make_registration(proof=False)
        text = self.make_proof(registration, raw=b"hello", mimetype="text/plain", name="a.txt")
        with self.assertRaisesRegex(ValidationError, "photo .* or a PDF"), self.env.cr.savepoint():
            registration.proof_attachment_id = text
        self.env["ir.config_parameter"].sudo().set_param(
            "aftersales_warranty.registration_proof_max_mb", 1
        )
        big = self.make_proof(registration, raw=tiny_png() + b"\0" * (1024 * 1024))
        with (
            self.assertRaisesRegex(ValidationError, "too large: at most 1 MB"),
            self.env.cr.savepoint(),
        ):
            registration.proof_attachment_id = big
        self.env.invalidate_all(flush=False)
        self.assertFalse(registration.proof_attachment_id)

    def test_i4_text_limits(self):
        """I4: serial, shop, note and reason have sane lengths."""
        with self.assertRaisesRegex(ValidationError, "too long"):
            self.make_registration(serial="S" * 65, proof=False)
        with self.assertRaisesRegex(ValidationError, "too long"):
            self.make_registration(shop="x" * 129, proof=False)
        registration = self.make_registration(proof=False)
        with self.assertRaisesRegex(ValidationError, "too long"):
            registration.with_user(self.desk).refusal_reason = "r" * 1001

    def test_i4_refusal_needs_a_reason_and_keeps_it(self):
        """I4: a refusal says why; the reason and the data stay as decided."""
        registration = self.make_registration()
        with self.assertRaisesRegex(UserError, "reason of the refusal"):
            registration.with_user(self.desk).action_refuse()
        registration.with_user(self.desk).refusal_reason = "The invoice shows no serial."
        self.assertIs(registration.with_user(self.desk).action_refuse(), True)
        self.assertEqual(registration.state, "refused")
        self.assertFalse(registration.certificate_id)
        self.assertIn("The invoice shows no serial.", registration.message_ids[0].body)
        for vals in ({"refusal_reason": "other"}, {"serial": "X"}, {"date_purchase": "2026-01-01"}):
            with self.assertRaisesRegex(UserError, "already decided"):
                registration.with_user(self.desk).write(vals)
        with self.assertRaises(AccessError):
            registration.with_user(self.desk).action_reopen()
        registration.with_user(self.supervisor).action_reopen()
        self.assertEqual(registration.state, "submitted")
        self.assertFalse(registration.refusal_reason)

    def test_i4_steps_guarded(self):
        """X6: state, serial and certificate change only through the steps:
        not by write, create, copy or import, with or without a context key."""
        registration = self.make_registration()
        self.assertStepsGuarded(
            registration,
            self.desk,
            {"state": "validated"},
            {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "serial": "REG-BYPASS",
                "date_purchase": "2026-06-01",
            },
        )
        certificate = self.make_certificate(self.lots[2], date(2026, 1, 1))
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            registration.with_user(self.desk).write({"certificate_id": certificate.id})
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            registration.with_user(self.desk).write({"lot_id": self.lots[2].id})
        self.assertEqual(registration.state, "submitted")

    def test_i4_desk_opens_the_form_after_validation(self):
        """I4: the desk opens the registration (serial, certificate, proof) in
        the back office form, before and after validating it."""
        registration = self.make_registration()
        form = Form(registration.with_user(self.desk))
        self.assertEqual(form.serial, "REG-SN-001")
        registration.with_user(self.desk).action_validate()
        form = Form(registration.with_user(self.desk))
        self.assertEqual(form.lot_id, registration.lot_id)
        self.assertEqual(form.certificate_id, registration.certificate_id)
        self.assertEqual(form.state, "validated")

    def test_i4_roles(self):
        """X2: the desk decides; a technician or a portal customer cannot."""
        registration = self.make_registration()
        portal = make_user(self.env, "portal", login="reg_portal_x")
        for user in (self.tech, portal):
            with self.assertRaises(AccessError):
                registration.with_user(user).action_validate()
            with self.assertRaises(AccessError):
                registration.with_user(user).action_refuse()
        self.assertEqual(registration.state, "submitted")

    def test_i4_desk_activity_on_new_registration(self):
        """I4: a new registration puts an activity on the desk's list; the
        decision closes it."""
        registration = self.make_registration()
        activity = registration.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertTrue(activity.user_id.has_group("aftersales_base.group_aftersales_desk"))
        registration.with_user(self.desk).action_validate()
        self.assertFalse(registration.activity_ids)

    def test_i4_html_in_fields_is_escaped_in_the_chatter(self):
        """I4: a reason with markup is shown as text to the customer."""
        registration = self.make_registration(shop="<b>Shop</b>")
        registration.with_user(self.desk).refusal_reason = "<script>alert(1)</script>"
        registration.with_user(self.desk).action_refuse()
        body = str(registration.message_ids[0].body)
        self.assertNotIn("<script>", body)
        self.assertIn("&lt;script&gt;", body)


@tagged("post_install", "-at_install")
class TestProductRegistrationPortal(RegistrationFixtures, HttpCase):
    """I4/X5: registering over HTTP with a proof file; isolation; the
    decision seen by the customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_registration_fixtures()
        portal = make_portal_customers(cls.env, "PR")
        cls.customer_a, cls.customer_b = portal["customer_a"], portal["customer_b"]
        cls.user_a, cls.user_b = portal["user_a"], portal["user_b"]
        cls.today = cls.env.company._aftersales_today()

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _csrf_token(self):
        response = self.url_open(FORM_URL, timeout=60)
        self.assertEqual(response.status_code, 200)
        match = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
        self.assertTrue(match, "the form carries a CSRF token")
        return match.group(1)

    def _submit(self, proof=None, **data):
        data = {
            "csrf_token": self._csrf_token(),
            "product_id": str(self.product.id),
            "serial": "PORTAL-SN-1",
            "date_purchase": (self.today - relativedelta(months=5)).isoformat(),
            "shop": "Gome Hangzhou",
            **data,
        }
        files = {"proof": proof or ("invoice.png", tiny_png(), "image/png")}
        return self.url_open(FORM_URL, data=data, files=files, timeout=60)

    def _registrations(self, user):
        return self.env[MODEL].search([("partner_id", "=", user.partner_id.id)])

    def _assert_refused(self, url, secret):
        response = self.url_open(url, allow_redirects=False)
        self.assertIn(response.status_code, (301, 302, 303, 403, 404), url)
        if response.is_redirect:
            self.assertEqual(urlsplit(response.headers["Location"]).path, "/my", url)
        self.assertNotIn(secret, self.url_open(url).text)

    def test_i4_portal_customer_registers_validated_certificate(self):
        """I4: customer A registers over HTTP with a proof file; customer B
        cannot see it; the desk validates; A sees the certificate, dated from
        the purchase date."""
        self._login(self.user_a)
        response = self._submit()
        self.assertEqual(response.status_code, 200)
        registration = self._registrations(self.user_a)
        self.assertEqual(len(registration), 1)
        self.assertEqual(registration.state, "submitted")
        self.assertEqual(registration.serial, "PORTAL-SN-1")
        self.assertEqual(registration.proof_attachment_id.raw, tiny_png())
        self.assertEqual(registration.proof_attachment_id.mimetype, "image/png")
        self.assertEqual(urlsplit(response.url).path, f"/my/registrations/{registration.id}")
        self.assertIn("PORTAL-SN-1", response.text)
        self.assertIn(registration.partner_id, registration.message_partner_ids)
        listing = self.url_open("/my/registrations", timeout=60)
        self.assertIn(registration.name, listing.text)
        proof = self.url_open(
            f"/web/content/{registration.proof_attachment_id.id}?download=true"
            f"&access_token={registration.proof_attachment_id.access_token}"
        )
        self.assertEqual(proof.content, tiny_png())

        self._login(self.user_b)
        self._assert_refused(f"/my/registrations/{registration.id}", "PORTAL-SN-1")
        self.assertNotIn(registration.name, self.url_open("/my/registrations").text)
        self.assertFalse(
            self.env[MODEL].with_user(self.user_b).search([("id", "=", registration.id)])
        )

        registration.with_user(self.desk).action_validate()
        certificate = registration.certificate_id
        self.assertEqual(certificate.date_start, self.today - relativedelta(months=5))
        self.assertEqual(certificate.state, "active")
        self._login(self.user_a)
        page = self.url_open(f"/my/registrations/{registration.id}", timeout=60)
        self.assertIn(certificate.name, page.text)
        self.assertIn(certificate.get_portal_url(), page.text)
        self.assertEqual(self.url_open(certificate.get_portal_url(), timeout=60).status_code, 200)

    def test_i4_refusal_reason_shown_escaped(self):
        """I4: the refusal's reason reaches the customer; markup typed in any
        field is shown as text."""
        self._login(self.user_a)
        self._submit(shop="<script>alert('shop')</script>", serial="<b>SN</b>")
        registration = self._registrations(self.user_a)
        registration.with_user(
            self.desk
        ).refusal_reason = "Blurry photo <img src=x onerror=alert(1)>"
        registration.with_user(self.desk).action_refuse()
        page = self.url_open(f"/my/registrations/{registration.id}", timeout=60).text
        self.assertIn("Blurry photo &lt;img src=x onerror=alert(1)&gt;", page)
        self.assertNotIn("<img src=x", page)
        self.assertNotIn("<script>alert('shop')", page)
        self.assertIn("&lt;b&gt;SN&lt;/b&gt;", page)

    def test_i4_bad_proof_and_future_date_refused_over_http(self):
        """I4: a text file as proof, or a date after today: the form answers
        what is wrong and nothing is registered."""
        self._login(self.user_a)
        response = self._submit(proof=("invoice.pdf", b"<html>not a pdf</html>", "application/pdf"))
        self.assertIn("must be a photo", response.text)
        response = self._submit(date_purchase=(self.today + timedelta(days=1)).isoformat())
        self.assertIn("cannot be in the future", response.text)
        response = self._submit(serial="S" * 65)
        self.assertIn("at most 64 characters", response.text)
        self.assertFalse(self._registrations(self.user_a))

    def test_i4_visitor_is_asked_to_log_in_and_comes_back(self):
        """I4: a visitor sees the page asking to log in or sign up, both
        coming back to the form."""
        response = self.url_open(FORM_URL, timeout=60)
        self.assertEqual(response.status_code, 200)
        self.assertIn("/web/login?redirect=/my/registrations/new", response.text)
        self.assertFalse(self.env[MODEL].search_count([("partner_id.name", "=", "Public user")]))

    def test_i4_home_counter(self):
        """X5: the portal home counts the customer's own registrations."""
        self.make_registration(partner_id=self.customer_a.id)
        self.make_registration(serial="REG-B", partner_id=self.customer_b.id)
        self._login(self.user_a)
        result = self.make_jsonrpc_request("/my/counters", {"counters": ["registration_count"]})
        self.assertEqual(result.get("registration_count"), 1)


@tagged("post_install", "-at_install")
class TestProductRegistrationDemo(TransactionCase):
    """I4: the demo tells the story: Li Ming registered a water heater bought
    at a Hangzhou shop, with a photo of the receipt; the desk has it to check."""

    def test_i4_demo_registration_waits_for_the_desk(self):
        # The suite's test command installs the demo data (scripts/test.sh).
        registration = self.env.ref("aftersales_warranty.registration_li_ming_heater")
        self.assertEqual(registration.state, "submitted")
        self.assertEqual(registration.partner_id, self.env.ref("aftersales_base.partner_li_ming"))
        self.assertEqual(registration.proof_attachment_id.mimetype, "image/png")
        self.assertTrue(registration.name.startswith("PR/"))
        self.assertTrue(registration.activity_ids, "the desk has it on its list")
        customer = self.env.ref("aftersales_warranty.user_customer_li_ming")
        self.assertEqual(
            self.env[MODEL].with_user(customer).search([]), registration, "he sees his own"
        )

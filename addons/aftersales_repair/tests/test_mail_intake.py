# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from email.message import EmailMessage

from freezegun import freeze_time

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_base.tests.common import make_portal_customers, raw_mail

from .common import ServiceFixtures


class MailIntakeFixtures(ServiceFixtures):
    @classmethod
    def setup_mail_fixtures(cls):
        cls.setup_service_fixtures()
        env = cls.env
        cls.domain = env["mail.alias.domain"].create({"name": "hz-service.example.com"})
        env.company.alias_domain_id = cls.domain
        env.company.aftersales_request_alias_name = "i1-service"
        cls.service_to = "i1-service@hz-service.example.com"
        cls.customer.aftersales_zone_id = cls.zone
        # a second zone: a customer without one cannot be given the only zone
        cls.zone_rural = env["aftersales.zone"].create(
            {"name": "Test rural", "code": "TRUR", "arrival_sla_hours": 8}
        )

    def process(self, raw):
        return self.env["mail.thread"].message_process(None, raw)

    def requests(self):
        return self.env["aftersales.service.request"].search([("channel", "=", "email")])


# Monday 23 November 2026, 09:00 in Hangzhou: the fixtures' warranty is running.
@freeze_time("2026-11-23 01:00:00")
@tagged("post_install", "-at_install")
class TestMailIntake(MailIntakeFixtures, TransactionCase):
    """I1: a mail to the company's service address opens a service request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_mail_fixtures()

    def test_i1_mail_with_serial_opens_covered_request(self):
        lot = self.lots[0]
        raw = raw_mail(
            self.service_to,
            "Test Customer <C@example.com>",
            f"Air conditioner {lot.name} does not cool",
            "<p>It blows warm air &amp; drips.</p><script>alert('x')</script>"
            "<img src=x onerror=alert(1)>",
            html=True,
            attachments=[("photo.jpg", b"\xff\xd8 not really a jpeg")],
        )
        request = self.env["aftersales.service.request"].browse(self.process(raw))
        self.assertEqual(request.company_id, self.env.company)
        self.assertEqual(request.channel, "email")
        self.assertEqual(request.state, "to_dispatch")
        self.assertEqual(request.partner_id, self.customer)
        self.assertEqual(request.zone_id, self.zone)
        self.assertEqual(request.lot_id, lot)
        self.assertEqual(request.product_id, self.product)
        self.assertEqual(request.certificate_id, self.certificate)
        self.assertEqual(request.service_category, "free")
        self.assertNotEqual(request.name, "/")
        self.assertIn("It blows warm air & drips.", request.fault_description)
        self.assertNotIn("<script", request.fault_description)
        self.assertNotIn("<p>", request.fault_description)
        mail = request.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(mail), 1)
        self.assertNotIn("<script", mail.body)
        self.assertNotIn("onerror", mail.body)
        self.assertEqual(mail.attachment_ids.mapped("name"), ["photo.jpg"])
        self.assertIn(self.customer, request.message_partner_ids)
        self.assertEqual(request.create_uid.id, SUPERUSER_ID)

    def test_i1_unknown_sender_flagged_contact_and_triage(self):
        raw = raw_mail(
            self.service_to, "Wang Lei <wang.lei@new.example.com>", "Broken", "No serial."
        )
        request = self.env["aftersales.service.request"].browse(self.process(raw))
        partner = request.partner_id
        self.assertEqual(partner.email, "wang.lei@new.example.com")
        self.assertEqual(partner.name, "Wang Lei")
        self.assertTrue(partner.aftersales_from_mail)
        self.assertTrue(request.partner_from_mail)
        self.assertFalse(request.zone_id)
        self.assertFalse(request.product_id)
        self.assertEqual(request.service_category, "paid")
        triage = self.env["aftersales.service.request"].search(
            [("zone_id", "=", False), ("state", "in", ("to_approve", "to_dispatch"))]
        )
        self.assertIn(request, triage)
        # the desk gives the zone; the zone's supervisor then dispatches
        request.with_user(self.desk).zone_id = self.zone
        request.with_user(self.supervisor).action_assign(self.tech)
        self.assertEqual(request.state, "dispatched")

    def test_i1_dispatch_needs_a_zone_bypass(self):
        raw = raw_mail(self.service_to, "nobody@new.example.com", "Help", "Broken again.")
        request = self.env["aftersales.service.request"].browse(self.process(raw))
        self.assertFalse(request.zone_id)
        with self.assertRaisesRegex(UserError, "has no service zone yet"):
            request.with_user(self.manager).action_assign(self.tech)
        # not even the transition itself, as the system
        with self.assertRaisesRegex(UserError, "has no service zone yet"):
            request.sudo()._set_state("dispatched", {"user_id": self.tech.id})
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            request.with_user(self.manager).write({"state": "dispatched"})
        self.assertEqual(request.state, "to_dispatch")
        self.assertFalse(request.user_id)
        # cancelling stays possible
        request.with_user(self.desk).action_cancel()
        self.assertEqual(request.state, "cancelled")

    def test_i1_desk_still_needs_a_zone(self):
        """Only mail waits without a zone: the desk's phone call names one."""
        with self.assertRaisesRegex(UserError, "Choose the service zone"):
            self.env["aftersales.service.request"].with_user(self.desk).create(
                {
                    "partner_id": self.env["res.partner"].create({"name": "No zone"}).id,
                    "fault_description": "x",
                }
            )

    def test_i1_unknown_serial_request_without_product(self):
        raw = raw_mail(
            self.service_to, "c@example.com", "Serial NOPE-4711-X", "Serial NOPE-4711-X."
        )
        request = self.env["aftersales.service.request"].browse(self.process(raw))
        self.assertFalse(request.lot_id)
        self.assertFalse(request.product_id)
        self.assertEqual(request.service_category, "paid")
        self.assertEqual(request.partner_id, self.customer)

    def test_i1_reply_lands_in_chatter_and_notifies_followers(self):
        first = raw_mail(self.service_to, "c@example.com", "Noise", "It rattles.")
        request = self.env["aftersales.service.request"].browse(self.process(first))
        request.message_subscribe(partner_ids=self.desk.partner_id.ids)
        original = request.message_ids.filtered(lambda m: m.message_type == "email")
        before = self.requests()
        reply = raw_mail(
            self.service_to,
            "c@example.com",
            "Re: Noise",
            "It also smells.",
            reply_to_id=original.message_id,
        )
        self.assertEqual(self.process(reply), request.id)
        self.assertEqual(self.requests(), before, "a reply opens no request")
        last = request.message_ids.filtered(lambda m: m.message_type == "email")[0]
        self.assertIn("It also smells.", last.body)
        self.assertIn(self.desk.partner_id, last.notification_ids.res_partner_id)

    def test_i1_auto_replies_and_bounces_open_nothing(self):
        before = self.requests()
        automatic = [
            {"Auto-Submitted": "auto-replied"},
            {"X-Autoreply": "yes"},
            {"Precedence": "bulk"},
            {"Precedence": "auto_reply"},
        ]
        with mute_logger("odoo.addons.mail.models.mail_thread"):
            for headers in automatic:
                self.process(
                    raw_mail(
                        self.service_to, "c@example.com", "Out of office", "Away.", headers=headers
                    )
                )
            bounce = EmailMessage()
            bounce["From"] = "MAILER-DAEMON@customer.example.com"
            bounce["To"] = self.service_to
            bounce["Subject"] = "Undelivered Mail Returned to Sender"
            bounce["Message-Id"] = "<i1-bounce@customer.example.com>"
            bounce.set_content("Delivery to c@example.com failed.")
            self.process(bounce.as_string())
        self.assertEqual(self.requests(), before)
        # "Auto-Submitted: no" is a person's mail
        self.process(
            raw_mail(
                self.service_to, "c@example.com", "Real", "Hi.", headers={"Auto-Submitted": "no"}
            )
        )
        self.assertEqual(len(self.requests() - before), 1)

    def test_i1_mail_loop_stops(self):
        self.env["ir.config_parameter"].sudo().set_param("mail.gateway.loop.threshold", 3)
        with mute_logger("odoo.addons.mail.models.mail_thread"):
            for number in range(5):
                self.process(raw_mail(self.service_to, "c@example.com", f"Loop {number}", "x"))
        self.assertEqual(len(self.requests()), 3)

    def test_i1_each_company_alias_creates_in_its_company(self):
        other = self.env["res.company"].create({"name": "Shanghai Branch"})
        other.alias_domain_id = self.domain
        other.aftersales_request_alias_name = "i1-service-sh"
        self.env["aftersales.zone"].create(
            {"name": "SH zone", "code": "SHZ", "arrival_sla_hours": 6, "company_id": other.id}
        )
        to_sh = self.process(
            raw_mail(
                "i1-service-sh@hz-service.example.com", "c@example.com", "SH", "Shanghai unit."
            )
        )
        to_hz = self.process(raw_mail(self.service_to, "c@example.com", "HZ", "Hangzhou unit."))
        Request = self.env["aftersales.service.request"]
        self.assertEqual(Request.browse(to_sh).company_id, other)
        self.assertEqual(Request.browse(to_sh).zone_id.company_id, other)
        self.assertEqual(Request.browse(to_hz).company_id, self.env.company)
        # a serial of the other company is not recognised
        lot = self.lots[0]
        lot_mail = raw_mail("i1-service-sh@hz-service.example.com", "c@example.com", lot.name, "x")
        if lot.company_id:
            self.assertFalse(Request.browse(self.process(lot_mail)).lot_id)

    def test_i1_oversized_attachment_and_long_body(self):
        raw = raw_mail(
            self.service_to,
            "c@example.com",
            "Big",
            "word " * 3000,
            attachments=[
                ("small.txt", b"ok"),
                ("huge.bin", b"0" * (10 * 1024 * 1024 + 1)),
            ],
        )
        request = self.env["aftersales.service.request"].browse(self.process(raw))
        self.assertLessEqual(len(request.fault_description), 4000)
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertEqual(attachments.mapped("name"), ["small.txt"])
        self.assertTrue(
            any("huge.bin" in (m.body or "") for m in request.message_ids),
            "the chatter says which file was left out",
        )

    def test_i1_portal_sender_gets_no_rights(self):
        portal = make_portal_customers(self.env, "I1")
        user = portal["user_a"]
        raw = raw_mail(self.service_to, user.email, f"Unit {self.lots[1].name}", "Broken.")
        request = self.env["aftersales.service.request"].browse(self.process(raw))
        self.assertEqual(request.partner_id, user.partner_id)
        self.assertEqual(request.create_uid.id, SUPERUSER_ID)
        with self.assertRaises(AccessError):
            request.with_user(user).write({"fault_description": "changed"})
        other = self.make_request()
        with self.assertRaises(AccessError):
            other.with_user(user).check_access("read")

    def test_i1_settings_set_rename_and_remove_the_alias(self):
        company = self.env.company
        form = Form(self.env["res.config.settings"].with_user(self.manager))
        form.aftersales_request_alias_name = "i1-repairs"
        form.save().execute()
        alias = company.aftersales_request_alias_id
        self.assertEqual(alias.alias_name, "i1-repairs")
        self.assertEqual(alias.alias_model_id.model, "aftersales.service.request")
        self.assertEqual(alias.alias_contact, "everyone")
        self.assertIn(f"'company_id': {company.id}", alias.alias_defaults)
        company.aftersales_request_alias_name = False
        self.assertFalse(company.aftersales_request_alias_id)
        self.assertFalse(alias.exists())
        nodomain = self.env["res.company"].create({"name": "No Domain Ltd"})
        nodomain.alias_domain_id = False
        with self.assertRaisesRegex(UserError, "no alias domain"):
            nodomain.aftersales_request_alias_name = "x-service"

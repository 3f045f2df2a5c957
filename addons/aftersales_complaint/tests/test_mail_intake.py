# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from email.message import EmailMessage

from freezegun import freeze_time

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_base.tests.common import make_portal_customers, raw_mail

from .common import ComplaintFixtures


# Monday 23 November 2026, 09:00 in Hangzhou: the fixtures' warranty is running.
@freeze_time("2026-11-23 01:00:00")
@tagged("post_install", "-at_install")
class TestComplaintMailIntake(ComplaintFixtures, TransactionCase):
    """I1, C1: a mail to the company's complaint address registers a
    complaint at Record, channel e-mail."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()
        env = cls.env
        cls.domain = env["mail.alias.domain"].create({"name": "hz-care.example.com"})
        env.company.alias_domain_id = cls.domain
        env.company.aftersales_complaint_alias_name = "i1-complaints"
        cls.complaint_to = "i1-complaints@hz-care.example.com"

    def process(self, raw):
        return self.env["mail.thread"].message_process(None, raw)

    def mailed(self):
        return self.Complaint.search([("channel", "=", "email")])

    def test_i1_mail_registers_complaint_at_record(self):
        raw = raw_mail(
            self.complaint_to,
            "Test Customer <c@example.com>",
            "Rude technician",
            "<p>He shouted &amp; left.</p><script>alert('x')</script>",
            html=True,
            attachments=[("letter.pdf", b"%PDF-1.4 not really")],
        )
        complaint = self.Complaint.browse(self.process(raw))
        self.assertEqual(complaint.state, "record")
        self.assertEqual(complaint.channel, "email")
        self.assertEqual(complaint.company_id, self.env.company)
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(
            complaint.category_id, self.env.ref("aftersales_complaint.categ_to_classify")
        )
        self.assertNotEqual(complaint.name, "Rude technician")
        self.assertIn("He shouted & left.", complaint.description)
        self.assertNotIn("<script", complaint.description)
        mail = complaint.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertNotIn("<script", mail.body)
        self.assertEqual(mail.attachment_ids.mapped("name"), ["letter.pdf"])
        self.assertEqual(complaint.create_uid.id, SUPERUSER_ID)
        # the desk classifies it before submitting
        complaint.with_user(self.desk).customer_demand = "An apology"
        with self.assertRaisesRegex(UserError, "choose the category"):
            complaint.with_user(self.desk).action_submit()
        complaint.with_user(self.desk).category_id = self.attitude
        complaint.with_user(self.desk).action_submit()
        self.assertEqual(complaint.state, "judge")

    def test_i1_unknown_sender_becomes_complainant(self):
        raw = raw_mail(self.complaint_to, "Li Na <li.na@new.example.com>", "Late", "Too late.")
        complaint = self.Complaint.browse(self.process(raw))
        self.assertEqual(complaint.partner_id.email, "li.na@new.example.com")
        self.assertEqual(complaint.partner_id.name, "Li Na")
        self.assertIn(complaint.partner_id, complaint.message_partner_ids)

    def test_i1_reply_lands_in_chatter(self):
        complaint = self.Complaint.browse(
            self.process(raw_mail(self.complaint_to, "c@example.com", "Noise", "Too loud."))
        )
        complaint.message_subscribe(partner_ids=self.desk.partner_id.ids)
        original = complaint.message_ids.filtered(lambda m: m.message_type == "email")
        before = self.mailed()
        reply = raw_mail(
            self.complaint_to,
            "c@example.com",
            "Re: Noise",
            "Still loud.",
            reply_to_id=original.message_id,
        )
        self.assertEqual(self.process(reply), complaint.id)
        self.assertEqual(self.mailed(), before)
        last = complaint.message_ids.filtered(lambda m: m.message_type == "email")[0]
        self.assertIn("Still loud.", last.body)
        self.assertIn(self.desk.partner_id, last.notification_ids.res_partner_id)

    def test_i1_auto_replies_and_bounces_register_nothing(self):
        before = self.mailed()
        with mute_logger("odoo.addons.mail.models.mail_thread"):
            for headers in (
                {"Auto-Submitted": "auto-generated"},
                {"X-Autorespond": "yes"},
                {"Precedence": "junk"},
                {"Return-Path": "<>"},
            ):
                self.process(
                    raw_mail(self.complaint_to, "c@example.com", "Auto", "Away.", headers=headers)
                )
            bounce = EmailMessage()
            bounce["From"] = "mailer-daemon@customer.example.com"
            bounce["To"] = self.complaint_to
            bounce["Subject"] = "Delivery Status Notification (Failure)"
            bounce["Message-Id"] = "<i1c-bounce@customer.example.com>"
            bounce.set_content("Delivery failed.")
            self.process(bounce.as_string())
        self.assertEqual(self.mailed(), before)

    def test_i1_each_company_alias_registers_in_its_company(self):
        other = self.env["res.company"].create({"name": "Shanghai Branch"})
        other.alias_domain_id = self.domain
        other.aftersales_complaint_alias_name = "i1-complaints-sh"
        sh = self.Complaint.browse(
            self.process(
                raw_mail("i1-complaints-sh@hz-care.example.com", "c@example.com", "SH", "x")
            )
        )
        hz = self.Complaint.browse(
            self.process(raw_mail(self.complaint_to, "c@example.com", "HZ", "y"))
        )
        self.assertEqual(sh.company_id, other)
        self.assertEqual(hz.company_id, self.env.company)

    def test_i1_oversized_attachment_left_out(self):
        raw = raw_mail(
            self.complaint_to,
            "c@example.com",
            "Big",
            "long " * 2000,
            attachments=[("huge.bin", b"0" * (10 * 1024 * 1024 + 1))],
        )
        complaint = self.Complaint.browse(self.process(raw))
        self.assertLessEqual(len(complaint.description), 4000)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", complaint._name), ("res_id", "=", complaint.id)]
            )
        )
        self.assertTrue(any("huge.bin" in (m.body or "") for m in complaint.message_ids))

    def test_i1_portal_sender_gets_no_rights(self):
        user = make_portal_customers(self.env, "I1C")["user_a"]
        complaint = self.Complaint.browse(
            self.process(raw_mail(self.complaint_to, user.email, "Bad", "Very bad."))
        )
        self.assertEqual(complaint.partner_id, user.partner_id)
        self.assertEqual(complaint.create_uid.id, SUPERUSER_ID)
        with self.assertRaises(AccessError):
            complaint.with_user(user).check_access("read")

    def test_i1_settings_set_the_complaint_alias(self):
        form = Form(self.env["res.config.settings"].with_user(self.manager))
        form.aftersales_complaint_alias_name = "i1-care"
        form.save().execute()
        alias = self.env.company.aftersales_complaint_alias_id
        self.assertEqual(alias.alias_name, "i1-care")
        self.assertEqual(alias.alias_model_id.model, "aftersales.complaint")
        self.assertIn(f"'company_id': {self.env.company.id}", alias.alias_defaults)

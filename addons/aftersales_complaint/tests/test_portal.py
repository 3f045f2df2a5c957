# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""I2: a customer files a complaint on the portal and follows its steps and
outcome there; nobody else sees it, and he never sees the internal handling.
Real HTTP requests through the customer portal."""

import base64
import re

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_base.tests.common import (
    assertQueriesConstant,
    load_language,
    make_portal_customers,
)

from .common import ComplaintFixtures

FORM_URL = "/my/complaints/new"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SCRIPT = '<script>alert("x")</script><b>bold</b>'


@tagged("post_install", "-at_install")
class TestComplaintPortal(ComplaintFixtures, HttpCase):
    """Customers A and B on the portal; the complaint fixtures' people and
    routing handle what A files."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()
        portal = make_portal_customers(cls.env, "I2")
        cls.customer_a, cls.customer_b = portal["customer_a"], portal["customer_b"]
        cls.user_a, cls.user_b = portal["user_a"], portal["user_b"]
        # the desk hears of portal complaints by e-mail (I2)
        cls.desk.notification_type = "email"

    # Helpers ----------------------------------------------------------------

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _csrf_token(self):
        response = self.url_open(FORM_URL, timeout=60)
        self.assertEqual(response.status_code, 200)
        match = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
        self.assertTrue(match, "the form carries a CSRF token")
        return match.group(1)

    def _submit(self, files=None, **data):
        """Post the form as the logged-in customer, with the page's token."""
        data = {
            "csrf_token": self._csrf_token(),
            "category_id": str(self.defect.id),
            "subject": "general",
            "description": "The installer left a hole in the wall.",
            "customer_demand": "Repair the wall and apologise.",
            **data,
        }
        return self.url_open(FORM_URL, data=data, files=files or {}, timeout=60)

    def _complaints(self, user):
        return self.Complaint.search([("partner_id", "=", user.partner_id.id)], order="id")

    def _file_as_a(self, **data):
        self._login(self.user_a)
        response = self._submit(**data)
        self.assertEqual(response.status_code, 200)
        complaint = self._complaints(self.user_a)
        self.assertEqual(len(complaint), 1)
        return complaint

    def _page(self, complaint):
        response = self.url_open(f"/my/complaints/{complaint.id}", timeout=60)
        self.assertEqual(response.status_code, 200)
        return response.text

    # Filing and following ------------------------------------------------------

    def test_i2_customer_files_and_follows_a_complaint(self):
        self._login(self.user_a)
        response = self.url_open(FORM_URL, timeout=60)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.defect.name, response.text, "the categories are offered")
        self.assertIn('enctype="multipart/form-data"', response.text)

        response = self._submit(
            files=[("attachments", ("wall.png", PNG, "image/png"))],
        )
        complaint = self._complaints(self.user_a)
        self.assertEqual(len(complaint), 1, "one complaint created for A")
        self.assertRecordValues(
            complaint,
            [
                {
                    "channel": "portal",
                    "partner_id": self.user_a.partner_id.id,
                    "commercial_partner_id": self.customer_a.id,
                    "company_id": self.env.company.id,
                    "category_id": self.defect.id,
                    "state": "record",
                    "description": "The installer left a hole in the wall.",
                    "customer_demand": "Repair the wall and apologise.",
                    "portal_step": "recorded",
                }
            ],
        )
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "aftersales.complaint"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(attachment.mapped("name"), ["wall.png"])
        self.assertEqual(attachment.mimetype, "image/png")

        # The desk is told, in a note addressed to them, with the customer's words.
        message = complaint.message_ids.filtered(lambda m: self.desk.partner_id in m.partner_ids)
        self.assertEqual(len(message), 1, "the desk is notified of the portal complaint")
        self.assertEqual(message.author_id, self.user_a.partner_id)
        self.assertTrue(message.subtype_id.internal, "an internal note")
        self.assertIn("hole in the wall", message.body)
        self.assertEqual(message.attachment_ids, attachment)
        self.assertTrue(
            complaint.activity_ids.filtered(lambda a: a.user_id == self.manager),
            "the service manager contacts the customer (C11)",
        )

        # Redirected to the new complaint's page.
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith(f"/my/complaints/{complaint.id}?created=1"))
        self.assertIn("we have recorded your complaint", response.text)
        self.assertIn(complaint.name, response.text)
        self.assertIn("hole in the wall", response.text)
        self.assertIn("wall.png", response.text)
        self.assertIn('data-step="recorded" aria-current="step"', response.text)

        # A sees it in the list and in the home counter.
        response = self.url_open("/my/complaints", timeout=60)
        self.assertEqual(response.status_code, 200)
        self.assertIn(complaint.name, response.text)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["complaint_count"]})
        self.assertEqual(counters.get("complaint_count"), 1)

        # He follows the steps in his words; the solution only once approved.
        self.advance(complaint, "investigate")
        self.assertIn('data-step="handling" aria-current="step"', self._page(complaint))
        self.advance(complaint, "propose")
        complaint.with_user(self.manager).solution = "Rebuild the wall at our cost."
        page = self._page(complaint)
        self.assertNotIn("Rebuild the wall", page, "a solution not approved stays internal")
        self.assertIn("our solution appears here once it is approved", page)
        complaint.with_user(self.manager).action_approve()
        page = self._page(complaint)
        self.assertIn("Rebuild the wall at our cost.", page)
        self.assertIn('data-step="proposed" aria-current="step"', page)
        self.advance(complaint, "done")
        page = self._page(complaint)
        self.assertIn('data-step="closed" aria-current="step"', page)
        self.assertIn("handled and closed on", page)

    def test_i2_rejected_complaint_shows_the_reason(self):
        complaint = self._file_as_a()
        complaint.with_user(self.desk).action_submit()
        complaint.with_user(self.supervisor).write(
            {"is_valid": "invalid", "judgement_note": "The wall was damaged before our visit."}
        )
        complaint.with_user(self.supervisor).action_judge()
        page = self._page(complaint)
        self.assertIn("We could not accept this complaint", page)
        self.assertIn("damaged before our visit", page)

    # Isolation -----------------------------------------------------------------

    def test_i2_other_customer_gets_not_found_as_for_a_missing_id(self):
        complaint = self._file_as_a()
        missing_id = self.Complaint.search([], order="id desc", limit=1).id + 1000
        self._login(self.user_b)
        response = self.url_open("/my/complaints", timeout=60)
        self.assertNotIn(complaint.name, response.text)
        for url in (
            f"/my/complaints/{complaint.id}",
            f"/my/complaints/{complaint.id}?access_token=guess",
        ):
            response = self.url_open(url, timeout=60, allow_redirects=False)
            missing = self.url_open(
                url.replace(str(complaint.id), str(missing_id)),
                timeout=60,
                allow_redirects=False,
            )
            self.assertEqual(response.status_code, 404, url)
            self.assertEqual(missing.status_code, 404, "a missing id answers alike")
            self.assertNotIn(complaint.name, response.text)
            self.assertNotIn("hole in the wall", response.text)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["complaint_count"]})
        self.assertEqual(counters.get("complaint_count"), 0)

        # Not logged in: the login page, nothing of the complaint.
        self.authenticate(None, None)
        response = self.url_open(f"/my/complaints/{complaint.id}", timeout=60)
        self.assertIn("/web/login", response.url)
        self.assertNotIn("hole in the wall", response.text)

    def test_i2_portal_user_reads_writes_and_steps_nothing_directly(self):
        """X5, X6: the portal goes through the controlled path only; over RPC
        a portal user may not read, create, write or step a complaint."""
        complaint = self._file_as_a()
        as_a = complaint.with_user(self.user_a)
        with self.assertRaises(AccessError):
            as_a.read(["description", "root_cause_note"])
        with self.assertRaises(AccessError):
            as_a.write({"customer_demand": "Changed"})
        with self.assertRaises(AccessError):
            self.Complaint.with_user(self.user_a).create(
                {
                    "partner_id": self.user_a.partner_id.id,
                    "category_id": self.defect.id,
                    "channel": "portal",
                }
            )
        with self.assertRaises(AccessError):
            as_a.action_submit()
        self.assertEqual(complaint.state, "record")

    def test_i2_list_costs_no_query_per_complaint(self):
        """The customer's list reads its rows in batch."""

        def make_batch(size):
            return self.Complaint.concat(
                *(self.make_complaint(partner_id=self.user_a.partner_id.id) for _i in range(size))
            )

        _small, big = assertQueriesConstant(
            self, make_batch, lambda batch: batch._portal_list_values(), sizes=(2, 10)
        )
        self.assertEqual(len(big), 10)
        self.assertEqual({row["step"] for row in big}, {"recorded"})

    # Internal data never shown ---------------------------------------------

    def test_i2_internal_fields_never_appear_on_the_page(self):
        complaint = self._file_as_a()
        self.advance(complaint, "investigate")
        complaint.with_user(self.supervisor).write(
            {"root_cause_note": "INVESTIGATION-FINDINGS-XYZ"}
        )
        complaint.message_post(body="INTERNAL-NOTE-XYZ", subtype_xmlid="mail.mt_note")
        self.advance(complaint, "penalise")
        complaint.with_user(self.manager).action_propose_penalties()
        self.assertTrue(complaint.penalty_ids, "penalties proposed")
        complaint.penalty_ids.sudo().write({"note": "PENALTY-NOTE-XYZ"})
        page = self._page(complaint)
        self.assertIn("Replace the compressor.", page, "the approved solution is shown")
        for secret in (
            "INVESTIGATION-FINDINGS-XYZ",
            "INTERNAL-NOTE-XYZ",
            "PENALTY-NOTE-XYZ",
            complaint.root_cause_id.name,
            self.engineer.name,
            self.quality_head.name,
            self.manager.name,
            "Penalise",
            "Investigate",
        ):
            self.assertNotIn(secret, page, f"{secret} is internal")

    # Escaping ------------------------------------------------------------------

    def test_i2_html_is_escaped_on_the_page_chatter_pdf_and_mail(self):
        complaint = self._file_as_a(description=SCRIPT, customer_demand=SCRIPT)
        self.assertEqual(complaint.description, SCRIPT, "stored as typed")
        page = self._page(complaint)
        self.assertNotIn("<script>alert", page)
        self.assertIn("&lt;script&gt;alert", page)

        # back-office chatter: the customer's words as text
        message = complaint.message_ids.filtered(lambda m: self.desk.partner_id in m.partner_ids)
        self.assertNotIn("<script>", message.body)
        self.assertIn("&lt;script&gt;", message.body)
        # the desk's e-mail: the message above, sent to them by e-mail
        self.assertTrue(
            message.notification_ids.filtered(
                lambda n: (
                    n.res_partner_id == self.desk.partner_id and n.notification_type == "email"
                )
            ),
            "the desk is told by e-mail",
        )
        # the printed complaint
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("aftersales_complaint.action_report_complaint", complaint.ids)[0]
            .decode()
        )
        self.assertNotIn("<script>alert", html)
        self.assertIn("&lt;script&gt;alert", html)
        # the approved solution's mail to the customer
        self.advance(complaint, "propose")
        complaint.with_user(self.manager).write({"solution": SCRIPT})
        complaint.with_user(self.manager).action_approve()
        complaint.with_user(self.desk).action_notify()
        solution_message = complaint.message_ids.filtered(
            lambda m: self.user_a.partner_id in m.partner_ids
        )[:1]
        self.assertTrue(solution_message)
        self.assertNotIn("<script>", solution_message.body)
        self.assertIn("&lt;script&gt;alert", solution_message.body)
        page = self._page(complaint)
        self.assertNotIn("<script>alert", page)

    # Bad input -----------------------------------------------------------------

    def test_i2_bad_input_creates_nothing(self):
        self._login(self.user_a)
        cases = [
            ({"description": ""}, "Tell us what happened."),
            ({"customer_demand": "  "}, "Tell us what you expect from us."),
            ({"description": "x" * 5001}, "Keep it under 5000 characters."),
            ({"category_id": "999999"}, "Choose what kind of complaint it is."),
            ({"category_id": "abc"}, "Choose what kind of complaint it is."),
            ({"subject": "lot:1"}, "This is not one of your products"),
        ]
        for data, error in cases:
            response = self._submit(**data)
            self.assertEqual(response.status_code, 200)
            self.assertIn(error, response.text, data)
        response = self._submit(
            files=[("attachments", ("virus.exe", b"MZ\x90\x00" * 8, "image/png"))]
        )
        self.assertIn("is not a photo", response.text)
        response = self._submit(
            files=[("attachments", (f"p{i}.pdf", PDF, "application/pdf")) for i in range(6)]
        )
        self.assertIn("Attach at most 5 files.", response.text)
        self.assertIn("hole in the wall", response.text, "the form keeps what was typed")
        self.assertFalse(self._complaints(self.user_a), "nothing created")
        self.assertFalse(
            self.env["ir.attachment"].search(
                [
                    ("res_model", "=", "aftersales.complaint"),
                    ("name", "in", ["virus.exe", "p0.pdf"]),
                ]
            )
        )

    # zh_CN ---------------------------------------------------------------------

    def test_i2_portal_pages_speak_chinese(self):
        """X4: a Chinese customer files and follows his complaint in Chinese."""
        load_language(self.env, ["portal", "aftersales_complaint"])
        self.user_a.lang = "zh_CN"
        self._login(self.user_a)
        form = self.url_open(FORM_URL, timeout=60).text
        self.assertIn("我要投诉", form)
        self.assertIn("您的诉求是什么？", form)
        response = self._submit(description="")
        self.assertIn("请描述发生的情况。", response.text, "errors in his language")
        complaint = self._file_as_a()
        page = self._page(complaint)
        self.assertIn("记录完成", page, "the step in his words")
        self.assertIn("处理方案经批准后将在此显示", page)
        message = complaint.message_ids.filtered(lambda m: self.desk.partner_id in m.partner_ids)
        self.assertIn("New complaint from the customer portal", message.body, "company language")

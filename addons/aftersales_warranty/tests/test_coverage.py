# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import Form, TransactionCase, tagged

from .common import WarrantyFixtures


@tagged("post_install", "-at_install")
class TestCoverage(WarrantyFixtures, TransactionCase):
    """W8: one lookup answers free / contract / paid, with the reason."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        cls.Coverage = cls.env["aftersales.coverage"]
        cls.cert = cls.make_certificate(cls.lots[0], date(2024, 6, 1))  # to 2026-05-31
        cls.contract = cls.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": cls.customer.id,
                "date_start": date(2026, 6, 1),
                "date_end": date(2027, 5, 31),
                "fee": 1200,
                "lot_ids": [Command.set(cls.lots[0].ids)],
            }
        )
        cls.contract.action_start()

    def test_free_under_warranty(self):
        result = self.Coverage._lookup(lot=self.lots[0], on_date=date(2026, 5, 31))
        self.assertEqual(result["category"], "free")
        self.assertEqual(result["certificate"], self.cert)
        self.assertEqual(result["until"], date(2026, 5, 31))
        self.assertIn(self.cert.name, result["reason"])

    def test_contract_after_warranty(self):
        result = self.Coverage._lookup(lot=self.lots[0], on_date=date(2026, 6, 1))
        self.assertEqual(result["category"], "contract")
        self.assertEqual(result["contract"], self.contract)
        self.assertIn(self.contract.name, result["reason"])

    def test_paid_after_both(self):
        result = self.Coverage._lookup(lot=self.lots[0], on_date=date(2027, 6, 1))
        self.assertEqual(result["category"], "paid")
        self.assertIn(self.cert.name, result["reason"], "says which warranty ended")

    def test_paid_when_nothing_known(self):
        result = self.Coverage._lookup(lot=self.lots[2], on_date=date(2026, 1, 1))
        self.assertEqual(result["category"], "paid")
        self.assertFalse(result["certificate"] or result["contract"])

    def test_void_certificate_does_not_cover(self):
        self.cert.action_void()
        result = self.Coverage._lookup(lot=self.lots[0], on_date=date(2026, 1, 1))
        self.assertEqual(result["category"], "paid")
        self.cert.action_reset_draft()
        self.cert.action_activate()

    def test_lookup_by_product_and_customer(self):
        contact = self.env["res.partner"].create(
            {"name": "Facilities manager", "parent_id": self.customer.id}
        )
        result = self.Coverage._lookup(
            product=self.product, partner=contact, on_date=date(2025, 1, 1)
        )
        self.assertEqual(result["category"], "free", "a contact of the customer is covered")
        other = self.env["res.partner"].create({"name": "Stranger"})
        result = self.Coverage._lookup(
            product=self.product, partner=other, on_date=date(2025, 1, 1)
        )
        self.assertEqual(result["category"], "paid")

    def test_contract_covers_certificate_equipment(self):
        cert = self.make_certificate(self.lots[1], date(2020, 1, 1))
        contract = self.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": self.customer.id,
                "date_start": date(2025, 1, 1),
                "date_end": date(2025, 12, 31),
                "certificate_ids": [Command.set(cert.ids)],
            }
        )
        contract.action_start()
        result = self.Coverage._lookup(lot=self.lots[1], on_date=date(2025, 7, 1))
        self.assertEqual(result["contract"], contract)

    def test_lookup_by_serial_is_constant_in_queries(self):
        self.Coverage._lookup(lot=self.lots[0], on_date=date(2026, 7, 1))
        with self.assertQueryCount(4):
            self.Coverage._lookup(lot=self.lots[0], on_date=date(2026, 7, 1))

    def test_batch_answers_each_question_as_alone(self):
        """W8: calls registered in a batch get each their own coverage, the
        candidates of the other questions of the batch left out."""
        cert = self.make_certificate(self.lots[1], date(2020, 1, 1))  # ended
        contract = self.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": self.customer.id,
                "date_start": date(2025, 1, 1),
                "date_end": date(2025, 12, 31),
                "certificate_ids": [Command.set(cert.ids)],
            }
        )
        contract.action_start()
        stranger = self.env["res.partner"].create({"name": "Stranger"})
        questions = [
            (self.lots[0], None, None, date(2025, 7, 1)),
            (self.lots[1], None, None, date(2025, 7, 1)),
            (self.lots[2], None, None, date(2025, 7, 1)),
            (None, self.product, self.customer, date(2025, 7, 1)),
            (None, self.product, stranger, date(2025, 7, 1)),
            (self.lots[0], None, stranger, date(2025, 7, 1)),
        ]
        batch = self.Coverage._lookup_many(questions)
        alone = [self.Coverage._lookup(*question) for question in questions]
        self.assertEqual(
            [(a["category"], a["certificate"], a["contract"]) for a in batch],
            [(a["category"], a["certificate"], a["contract"]) for a in alone],
        )
        self.assertEqual(
            [a["category"] for a in batch], ["free", "contract", "paid", "free", "paid", "paid"]
        )
        self.assertEqual(batch[1]["contract"], contract)

    def test_desk_lookup_screen(self):
        form = Form(self.env["aftersales.coverage.check"])
        form.lot_id = self.lots[0]
        form.on_date = date(2025, 1, 1)
        self.assertEqual(form.product_id, self.product)
        self.assertEqual(form.category, "free")
        self.assertEqual(form.certificate_id, self.cert)

    def test_x4_reason_in_company_language(self):
        """X4: the reason is stored on the call, so it is written in the
        company's language (zh_CN), not in the clerk's (en_US)."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env.company.partner_id.lang = "zh_CN"
        self.env.user.lang = "en_US"
        clerk = self.Coverage.with_context(lang="en_US")
        result = clerk._lookup(lot=self.lots[0], on_date=date(2026, 5, 31))
        self.assertIn("在保修期内", result["reason"])
        self.assertIn(self.cert.name, result["reason"])
        self.env.company.partner_id.lang = "en_US"
        result = clerk.with_context(lang="zh_CN")._lookup(
            lot=self.lots[0], on_date=date(2026, 5, 31)
        )
        self.assertTrue(result["reason"].startswith("Under warranty"), result["reason"])

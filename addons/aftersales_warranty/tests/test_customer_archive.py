# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_role_users

from .common import WarrantyFixtures


@tagged("post_install", "-at_install")
class TestCustomerArchive(WarrantyFixtures, TransactionCase):
    """W9: on the customer, what they own and what covers it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        cls.users = make_role_users(cls.env)
        cls.certs = cls.make_certificate(cls.lots[0], date(2025, 5, 1)) | cls.make_certificate(
            cls.lots[1], date(2026, 2, 1)
        )
        cls.contract = cls.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": cls.customer.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "lot_ids": [Command.set(cls.lots[0].ids)],
            }
        )

    def test_counts_and_lists(self):
        contact = self.env["res.partner"].create(
            {"name": "Site contact", "parent_id": self.customer.id}
        )
        for partner in (self.customer, contact):
            self.assertEqual(partner.aftersales_certificate_count, 2)
            self.assertEqual(partner.aftersales_serial_count, 2)
            self.assertEqual(partner.aftersales_contract_count, 1)
        self.assertEqual(self.customer.aftersales_certificate_ids, self.certs)
        self.assertEqual(
            min(self.customer.aftersales_certificate_ids.mapped("date_start")),
            date(2025, 5, 1),
            "the archive starts on the day of purchase",
        )
        action = self.customer.action_view_aftersales_serials()
        self.assertEqual(self.env["stock.lot"].search(action["domain"]), self.lots[:2])

    def test_counts_use_grouped_queries(self):
        partners = self.customer | self.env["res.partner"].create(
            [{"name": f"Other {i}"} for i in range(20)]
        )
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            partners.mapped("aftersales_certificate_count")

    def test_desk_sees_archive(self):
        customer = self.customer.with_user(self.users["desk"])
        self.assertEqual(customer.aftersales_certificate_count, 2)
        self.assertEqual(len(customer.aftersales_certificate_ids), 2)

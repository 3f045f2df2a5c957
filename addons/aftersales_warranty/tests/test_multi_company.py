# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_user

from .common import WarrantyFixtures


@tagged("post_install", "-at_install")
class TestMultiCompany(WarrantyFixtures, TransactionCase):
    """X3: each company (branch) sees its own certificates and contracts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        cls.branch = cls.env["res.company"].create({"name": "Suburban Branch"})
        cls.head_office = cls.env.company
        cls.branch_manager = make_user(
            cls.env, "manager", login="as_test_branch_manager", company=cls.branch
        )
        cls.both_manager = make_user(
            cls.env,
            "manager",
            login="as_test_both_manager",
            company_id=cls.head_office.id,
            company_ids=[Command.set((cls.head_office | cls.branch).ids)],
        )
        cls.head_cert = cls.make_certificate(cls.lots[0], date(2026, 1, 1))
        cls.branch_cert = cls.make_certificate(
            cls.lots[1], date(2026, 1, 1), company_id=cls.branch.id
        )
        cls.branch_contract = cls.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": cls.customer.id,
                "company_id": cls.branch.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "lot_ids": [Command.set(cls.lots[1].ids)],
            }
        )

    def test_branch_sees_only_its_own(self):
        Certificate = self.env["aftersales.warranty.certificate"].with_user(self.branch_manager)
        visible = Certificate.search([("id", "in", (self.head_cert | self.branch_cert).ids)])
        self.assertEqual(visible, self.branch_cert)
        with self.assertRaises(AccessError):
            self.head_cert.with_user(self.branch_manager).read(["name"])
        Contract = self.env["aftersales.maintenance.contract"]
        self.assertEqual(
            Contract.with_user(self.branch_manager).search([("id", "=", self.branch_contract.id)]),
            self.branch_contract,
        )

    def test_head_office_sees_branches_it_is_allowed(self):
        Certificate = (
            self.env["aftersales.warranty.certificate"]
            .with_user(self.both_manager)
            .with_context(allowed_company_ids=(self.head_office | self.branch).ids)
        )
        visible = Certificate.search([("id", "in", (self.head_cert | self.branch_cert).ids)])
        self.assertEqual(visible, self.head_cert | self.branch_cert)
        only_head = Certificate.with_context(allowed_company_ids=self.head_office.ids)
        self.assertEqual(
            only_head.search([("id", "in", (self.head_cert | self.branch_cert).ids)]),
            self.head_cert,
        )

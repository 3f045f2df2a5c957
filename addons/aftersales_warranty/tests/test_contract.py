# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2.errors import CheckViolation

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_base.tests.common import make_role_users

from .common import WarrantyFixtures


@tagged("post_install", "-at_install")
class TestContract(WarrantyFixtures, TransactionCase):
    """W5, W6: maintenance contracts, their inspections, invoice and renewal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        cls.users = make_role_users(cls.env)
        cls.Contract = cls.env["aftersales.maintenance.contract"]

    def _contract(self, **vals):
        return self.Contract.create(
            {
                "partner_id": self.customer.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "fee": 2400.0,
                "lot_ids": [Command.set(self.lots[:2].ids)],
                **vals,
            }
        )

    def test_start_plans_inspections_twice_a_year(self):
        contract = self._contract()
        contract.action_start()
        self.assertTrue(contract.name.startswith("MC/"))
        self.assertEqual(contract.state, "running")
        self.assertEqual(
            contract.inspection_ids.mapped("date_planned"),
            [date(2026, 4, 2), date(2026, 10, 1)],
            "W6: twice a year, spread evenly over the period",
        )
        monthly = self._contract(
            inspections_per_year=12,
            date_end=date(2027, 12, 31),
            lot_ids=[Command.set(self.lots[2].ids)],
        )
        monthly.action_start()
        planned = monthly.inspection_ids.mapped("date_planned")
        self.assertEqual(len(planned), 24, "monthly over two years")
        self.assertEqual(sorted({d.month for d in planned}), list(range(1, 13)), "one a month")

    def test_contract_without_equipment_cannot_start(self):
        contract = self._contract(lot_ids=False)
        with self.assertRaisesRegex(UserError, "covers no equipment"):
            contract.action_start()
        self.assertEqual(contract.state, "draft")
        self.assertFalse(contract.inspection_ids, "nothing half-written")

    def test_end_before_start_refused(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation):
            self._contract(date_end=date(2025, 12, 31))

    def test_invoice_through_odoo_invoicing(self):
        contract = self._contract()
        contract.action_start()
        contract.action_create_invoice()
        invoice = contract.invoice_ids
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.state, "draft", "the accountant posts it as usual")
        self.assertEqual(invoice.partner_id, self.customer)
        self.assertEqual(invoice.invoice_origin, contract.name)
        self.assertAlmostEqual(invoice.amount_untaxed, 2400.0, places=2)
        self.assertEqual(
            invoice.invoice_line_ids.product_id,
            self.env.ref("aftersales_warranty.product_maintenance_fee"),
        )
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")

    def test_invoice_refused_for_draft_or_free(self):
        contract = self._contract()
        with self.assertRaisesRegex(UserError, "running contract"):
            contract.action_create_invoice()
        free = self._contract(fee=0.0, lot_ids=[Command.set(self.lots[2].ids)])
        free.action_start()
        with self.assertRaisesRegex(UserError, "no fee"):
            free.action_create_invoice()
        self.assertFalse(free.invoice_ids)

    def test_renewal_creates_linked_successor(self):
        contract = self._contract()
        contract.action_start()
        contract.action_renew()
        successor = contract.successor_id
        self.assertEqual(contract.state, "renewed")
        self.assertEqual(successor.predecessor_id, contract)
        self.assertEqual(
            (successor.date_start, successor.date_end), (date(2027, 1, 1), date(2027, 12, 31))
        )
        self.assertEqual(successor.lot_ids, contract.lot_ids)
        self.assertEqual(successor.state, "draft")
        self.assertNotEqual(successor.name, contract.name)

    def test_renewal_keeps_whole_months_over_leap_day(self):
        contract = self._contract(date_start=date(2028, 2, 29), date_end=date(2029, 2, 28))
        contract.action_start()
        contract.action_renew()
        self.assertEqual(
            (contract.successor_id.date_start, contract.successor_id.date_end),
            (date(2029, 3, 1), date(2030, 2, 28)),
        )

    def test_renewing_cancelled_contract_refused(self):
        contract = self._contract()
        contract.action_start()
        contract.action_cancel()
        with self.assertRaisesRegex(UserError, "can be renewed"):
            contract.action_renew()
        self.assertFalse(contract.successor_id)
        self.assertEqual(self.Contract.search_count([("predecessor_id", "=", contract.id)]), 0)

    def test_started_contract_cancelled_not_deleted(self):
        contract = self._contract()
        contract.action_start()
        with self.assertRaisesRegex(UserError, "cancel it"):
            contract.unlink()
        contract.action_cancel()
        self.assertEqual(set(contract.inspection_ids.mapped("state")), {"cancelled"})

    def test_inspection_needs_report(self):
        contract = self._contract()
        contract.action_start()
        inspection = contract.inspection_ids[0].with_user(self.users["technician"])
        with self.assertRaisesRegex(UserError, "report"):
            inspection.action_done()
        inspection.report = "<p>Filters cleaned, pressure normal.</p>"
        inspection.action_done()
        self.assertEqual(inspection.state, "done")

    def test_roles(self):
        contract = self._contract()
        self.assertEqual(contract.with_user(self.users["desk"]).fee, 2400.0)
        with self.assertRaises(AccessError):
            contract.with_user(self.users["desk"]).fee = 1
        with self.assertRaises(AccessError):
            self.Contract.with_user(self.users["technician"]).create(
                {
                    "partner_id": self.customer.id,
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 2, 1),
                }
            )
        contract.with_user(self.users["manager"]).fee = 2000
        self.assertEqual(contract.fee, 2000)

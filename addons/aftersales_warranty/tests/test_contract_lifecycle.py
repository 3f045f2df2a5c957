# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import itertools
from datetime import UTC, date, timedelta

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import WarrantyFixtures


@tagged("post_install", "-at_install")
class TestContractLifecycle(WarrantyFixtures, TransactionCase):
    """W5: renewal notice and one opportunity per term, free-period warning
    to the sales director, expiry; batched, with constant queries, idempotent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        cls.today = cls.env.company._aftersales_today()
        cls.salesperson = new_test_user(
            cls.env,
            login="as_test_sales",
            groups="sales_team.group_sale_salesman",
            email="sales@example.com",
        )
        cls.director = new_test_user(
            cls.env, login="as_test_director", groups="sales_team.group_sale_manager"
        )
        cls.env.company.aftersales_sales_director_id = cls.director
        cls.Contract = cls.env["aftersales.maintenance.contract"]

    serial_numbers = itertools.count()

    def test_daily_actions_run_at_the_company_hour(self):
        """Issue 13: installed to run in the company's morning, in its time
        zone (no country's hour written in the data)."""
        tz = self.env.company._aftersales_tz()
        for xmlid, hour in (
            ("aftersales_warranty.ir_cron_expire_certificates", (9, 0)),
            ("aftersales_warranty.ir_cron_contract_lifecycle", (9, 30)),
        ):
            local = self.env.ref(xmlid).nextcall.replace(tzinfo=UTC).astimezone(tz)
            self.assertEqual((local.hour, local.minute), hour, xmlid)

    def _contracts(self, count, days_left, **vals):
        lots = self.env["stock.lot"].create(
            [
                {"name": f"LC-{next(self.serial_numbers)}", "product_id": self.product.id}
                for _i in range(count)
            ]
        )
        contracts = self.Contract.create(
            [
                {
                    "partner_id": self.customer.id,
                    "user_id": self.salesperson.id,
                    "date_start": self.today - timedelta(days=300),
                    "date_end": self.today + timedelta(days=days_left),
                    "fee": 1000.0 + i,
                    "inspections_per_year": 0,
                    "lot_ids": [Command.set(lot.ids)],
                    **vals,
                }
                for i, lot in enumerate(lots)
            ]
        )
        contracts.action_start()
        return contracts

    def _renewal_notices(self, contracts):
        return self.env["mail.mail"].search(
            [
                ("model", "=", contracts._name),
                ("res_id", "in", contracts.ids),
                ("recipient_ids", "in", self.customer.ids),
            ]
        )

    def _leads(self, contracts):
        return self.env["crm.lead"].search([("aftersales_contract_id", "in", contracts.ids)])

    def test_renewal_notice_once_per_term(self):
        due = self._contracts(2, days_left=20)
        later = self._contracts(1, days_left=60)
        self.Contract._cron_contract_lifecycle()
        leads = self._leads(due | later)
        self.assertEqual(leads.aftersales_contract_id, due, "only contracts within 30 days")
        self.assertEqual(set(due.mapped("state")), {"expiring"})
        self.assertEqual(later.state, "running")
        lead = due[0].renewal_lead_id
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.user_id, self.salesperson, "the contract's salesperson")
        self.assertEqual(lead.partner_id, self.customer)
        self.assertAlmostEqual(lead.expected_revenue, due[0].fee)
        mails = self._renewal_notices(due)
        self.assertEqual(len(mails), 2, "one renewal notice per contract")
        self.assertIn(due[0].name, mails.filtered(lambda m: m.res_id == due[0].id).subject)
        self.assertIn(self.customer, mails.recipient_ids)
        # however often it runs: still one opportunity and one notice per term
        self.Contract._cron_contract_lifecycle()
        self.Contract._cron_contract_lifecycle()
        self.assertEqual(len(self._leads(due)), 2)
        self.assertEqual(len(self._renewal_notices(due)), 2)

    def test_renewed_successor_gets_its_own_opportunity(self):
        contract = self._contracts(1, days_left=10)
        self.Contract._cron_contract_lifecycle()
        first_lead = contract.renewal_lead_id
        contract.action_renew()
        successor = contract.successor_id
        successor.write({"date_start": self.today, "date_end": self.today + timedelta(days=5)})
        successor.action_start()
        self.Contract._cron_contract_lifecycle()
        self.assertTrue(successor.renewal_lead_id)
        self.assertNotEqual(successor.renewal_lead_id, first_lead, "one per contract term")

    def test_free_maintenance_end_tells_sales_director(self):
        free = self._contracts(1, days_left=80, is_free_maintenance=True)
        self._contracts(1, days_left=120, is_free_maintenance=True)
        self.Contract._cron_contract_lifecycle()
        self.Contract._cron_contract_lifecycle()
        activities = self.env["mail.activity"].search(
            [("res_model", "=", free._name), ("user_id", "=", self.director.id)]
        )
        self.assertEqual(activities.res_id, free.id, "one activity, ninety days ahead")
        self.assertEqual(len(activities), 1)
        self.assertFalse(free.renewal_lead_id, "a free period is followed by the director")

    def test_expiry(self):
        ended = self._contracts(1, days_left=-1)
        self.Contract._cron_contract_lifecycle()
        self.assertEqual(ended.state, "expired")
        self.assertIn("Expired", ended.message_ids[0].body)

    def test_batches_of_any_size(self):
        contracts = self._contracts(5, days_left=15)
        Contract = self.Contract
        self.assertEqual(Contract._renewal_notice_batch(self.today, limit=2), 2)
        self.assertEqual(Contract._renewal_notice_batch(self.today, limit=2), 2)
        self.assertEqual(Contract._renewal_notice_batch(self.today, limit=2), 1)
        self.assertEqual(Contract._renewal_notice_batch(self.today, limit=2), 0)
        self.assertEqual(len(self._leads(contracts)), 5)

    def _count_queries(self, method, contracts_factory):
        contracts_factory()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        processed = method(self.today, limit=1000)
        self.env.flush_all()
        return processed, self.cr.sql_log_count - before

    def test_renewal_queries_do_not_grow_with_batch(self):
        Contract = self.Contract
        # warm up caches (templates, stages, translations)
        self._contracts(1, days_left=5)
        Contract._renewal_notice_batch(self.today, limit=1000)
        small, small_queries = self._count_queries(
            Contract._renewal_notice_batch, lambda: self._contracts(3, days_left=5)
        )
        big, big_queries = self._count_queries(
            Contract._renewal_notice_batch, lambda: self._contracts(30, days_left=5)
        )
        self.assertEqual((small, big), (3, 30))
        self.assertEqual(small_queries, big_queries, "renewal queries must not grow with the batch")

    def test_expiry_and_director_queries_do_not_grow(self):
        Contract = self.Contract
        for method, vals in (
            (Contract._expire_batch, {"days_left": -2}),
            (Contract._free_period_notice_batch, {"days_left": 30, "is_free_maintenance": True}),
        ):
            self._contracts(1, **vals)
            method(self.today, limit=1000)
            small = self._count_queries(method, lambda v=vals: self._contracts(3, **v))
            big = self._count_queries(method, lambda v=vals: self._contracts(25, **v))
            self.assertEqual((small[0], big[0]), (3, 25))
            self.assertEqual(small[1], big[1], f"{method.__name__}: queries grow")

    def test_certificate_expiry_queries_do_not_grow(self):
        Certificate = self.env["aftersales.warranty.certificate"]
        old = date(2015, 1, 1)

        def certificates(count):
            lots = self.env["stock.lot"].create(
                [{"name": f"EXP-{count}-{i}", "product_id": self.product.id} for i in range(count)]
            )
            for lot in lots:
                self.make_certificate(lot, old)

        certificates(1)
        Certificate._expire_batch(self.today, 1000)
        small = self._count_queries(Certificate._expire_batch, lambda: certificates(3))
        big = self._count_queries(Certificate._expire_batch, lambda: certificates(25))
        self.assertEqual((small[0], big[0]), (3, 25))
        self.assertEqual(small[1], big[1])

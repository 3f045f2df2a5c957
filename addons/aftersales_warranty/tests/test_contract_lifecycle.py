# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import itertools
from datetime import UTC, date, timedelta

from odoo import Command
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import assertQueriesConstant, make_user

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
        cls.salesperson = make_user(
            cls.env,
            login="as_test_sales",
            groups="sales_team.group_sale_salesman",
            email="sales@example.com",
        )
        cls.director = make_user(
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

    def test_renewal_notice_period_is_the_setting(self):
        """W5: the notice period is the one the settings screen shows and
        saves: 30 days until changed, then the saved value."""
        at_30, at_31 = self._contracts(1, days_left=30), self._contracts(1, days_left=31)
        at_40 = self._contracts(1, days_left=40)
        self.Contract._cron_contract_lifecycle()
        self.assertEqual(
            (at_30 | at_31 | at_40).mapped("state"), ["expiring", "running", "running"]
        )
        settings = Form(self.env["res.config.settings"])
        self.assertEqual(settings.aftersales_renewal_notice_days, 30, "the period in force")
        settings.aftersales_renewal_notice_days = 45
        settings.save().execute()
        self.Contract._cron_contract_lifecycle()
        self.assertEqual((at_31 | at_40).mapped("state"), ["expiring", "expiring"])
        self.assertEqual(len(self._leads(at_30 | at_31 | at_40)), 3)

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

    def _assert_batch_queries_constant(self, method, make_batch, sizes):
        """``method`` (a cron's batch) handles batches of both sizes in the
        same number of queries, each whole."""
        done = assertQueriesConstant(
            self, make_batch, lambda _batch: method(self.today, limit=1000), sizes=sizes
        )
        self.assertEqual(done, sizes)

    def test_renewal_queries_do_not_grow_with_batch(self):
        self._assert_batch_queries_constant(
            self.Contract._renewal_notice_batch,
            lambda count: self._contracts(count, days_left=5),
            (3, 30),
        )

    def test_expiry_and_director_queries_do_not_grow(self):
        Contract = self.Contract
        for method, vals in (
            (Contract._expire_batch, {"days_left": -2}),
            (Contract._free_period_notice_batch, {"days_left": 30, "is_free_maintenance": True}),
        ):
            with self.subTest(method.__name__):
                self._assert_batch_queries_constant(
                    method, lambda count, v=vals: self._contracts(count, **v), (3, 25)
                )

    def test_certificate_expiry_queries_do_not_grow(self):
        Certificate = self.env["aftersales.warranty.certificate"]
        old = date(2015, 1, 1)

        def certificates(count):
            lots = self.env["stock.lot"].create(
                [{"name": f"EXP-{count}-{i}", "product_id": self.product.id} for i in range(count)]
            )
            for lot in lots:
                self.make_certificate(lot, old)

        self._assert_batch_queries_constant(Certificate._expire_batch, certificates, (3, 25))

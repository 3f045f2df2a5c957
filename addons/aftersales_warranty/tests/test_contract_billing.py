# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import itertools
from datetime import UTC, date, datetime

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_base.tests.common import assertQueriesConstant, make_user

from .common import WarrantyFixtures


@tagged("post_install", "-at_install")
class TestContractBilling(WarrantyFixtures, TransactionCase):
    """P6: recurring contract invoicing — calendar periods in advance or in
    arrears, pro rata by days, missed periods caught up once, nothing after
    the end or a cancellation, unused prepaid days credited."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        cls.Contract = cls.env["aftersales.maintenance.contract"]
        cls.accountant = make_user(
            cls.env, login="as_test_billing_acc", groups="account.group_account_invoice"
        )
        cls.product_fee = cls.env.ref("aftersales_warranty.product_maintenance_fee")
        cls.env.company.aftersales_contract_billing_post = False

    serials = itertools.count()

    def _contract(self, start, end, price=3100.0, period="monthly", timing="advance", **vals):
        lot = self.env["stock.lot"].create(
            {"name": f"BILL-{next(self.serials)}", "product_id": self.product.id}
        )
        contract = self.Contract.create(
            {
                "partner_id": self.customer.id,
                "date_start": start,
                "date_end": end,
                "fee": price,
                "inspections_per_year": 0,
                "lot_ids": [Command.set(lot.ids)],
                "billing_mode": "recurring",
                "billing_period": period,
                "billing_timing": timing,
                "billing_price": price,
                **vals,
            }
        )
        contract.action_start()
        return contract

    def _run(self, moment):
        """The daily action at ``moment`` (naive UTC)."""
        with freeze_time(moment):
            return self.Contract._cron_contract_billing()

    def _invoices(self, contract, move_type="out_invoice"):
        return (
            self.env["account.move"]
            .search([("aftersales_contract_id", "=", contract.id), ("move_type", "=", move_type)])
            .sorted("invoice_date")
        )

    def _periods(self, contract, kind="normal"):
        return contract.billing_period_ids.filtered(lambda p: p.kind == kind).sorted("date_from")

    # Month ends, month lengths, pro rata ---------------------------------

    def test_p6_pro_rata_across_month_ends_and_lengths(self):
        """P6: monthly in advance from 17 January (15 of 31 days) to 20 April
        (20 of 30 days): a 28-day February and a 31-day March are whole
        months; one invoice per month, dated its first day."""
        contract = self._contract(date(2027, 1, 17), date(2027, 4, 20))
        self._run(datetime(2027, 4, 25, 2, 0))
        invoices = self._invoices(contract)
        self.assertEqual(
            [(m.invoice_date, m.amount_untaxed) for m in invoices],
            [
                (date(2027, 1, 17), 1500.0),  # 3100 × 15/31
                (date(2027, 2, 1), 3100.0),  # 28 days, whole
                (date(2027, 3, 1), 3100.0),  # 31 days, whole
                (date(2027, 4, 1), 2066.67),  # 3100 × 20/30
            ],
        )
        self.assertEqual(
            [(p.date_from, p.date_to) for p in self._periods(contract)],
            [
                (date(2027, 1, 17), date(2027, 1, 31)),
                (date(2027, 2, 1), date(2027, 2, 28)),
                (date(2027, 3, 1), date(2027, 3, 31)),
                (date(2027, 4, 1), date(2027, 4, 20)),
            ],
        )
        self.assertFalse(contract.billing_next_due, "P6: nothing left after the end")
        first = invoices[0]
        self.assertEqual(first.partner_id, self.customer)
        self.assertEqual(first.company_id, contract.company_id)
        self.assertEqual(first.currency_id, contract.currency_id)
        self.assertEqual(first.invoice_origin, contract.name)
        self.assertEqual(first.state, "draft", "P6: left in draft by default")
        self.assertIn(first, contract.invoice_ids)
        line = first.invoice_line_ids
        self.assertEqual(line.product_id, self.product_fee)
        self.assertIn("01/17/2027", line.name)
        self.assertIn("01/31/2027", line.name)
        self.assertIn("15 of 31 days", line.name)

    def test_p6_leap_year_february_2028(self):
        """P6: February 2028 has 29 days (15 of 29 from the 15th), February
        2027 has 28 (14 of 28); the first quarter of 2028 has 91 days."""
        leap = self._contract(date(2028, 2, 15), date(2028, 12, 31), price=2900.0)
        plain = self._contract(date(2027, 2, 15), date(2027, 12, 31), price=2800.0)
        quarter = self._contract(
            date(2028, 2, 1), date(2028, 12, 31), price=9100.0, period="quarterly"
        )
        self._run(datetime(2028, 2, 20, 2, 0))
        self.assertEqual(self._invoices(leap).mapped("amount_untaxed"), [1500.0])  # 2900 × 15/29
        self.assertEqual(self._periods(leap).date_to, date(2028, 2, 29))
        self.assertEqual(self._invoices(quarter).mapped("amount_untaxed"), [6000.0])  # 9100 × 60/91
        self.assertEqual(self._periods(quarter).date_to, date(2028, 3, 31))
        self.assertEqual(self._invoices(plain)[0].amount_untaxed, 1400.0)  # 2800 × 14/28
        self.assertEqual(self._periods(plain)[0].date_to, date(2027, 2, 28))
        self.assertEqual(leap.billing_next_due, date(2028, 3, 1))
        self.assertEqual(quarter.billing_next_due, date(2028, 4, 1))

    # Catch-up, rerun, end ----------------------------------------------------

    def test_p6_missed_periods_caught_up_once(self):
        """P6 (OCA contract's catch-up): three months missed → three
        invoices, one per month; a rerun creates nothing new."""
        contract = self._contract(date(2027, 1, 1), date(2027, 12, 31))
        self._run(datetime(2027, 3, 15, 2, 0))
        self.assertEqual(
            self._invoices(contract).mapped("invoice_date"),
            [date(2027, 1, 1), date(2027, 2, 1), date(2027, 3, 1)],
        )
        self.assertEqual(contract.billing_next_date, date(2027, 4, 1))
        self.assertEqual(contract.billing_next_due, date(2027, 4, 1))
        self._run(datetime(2027, 3, 15, 3, 0))
        self._run(datetime(2027, 3, 31, 3, 0))
        self.assertEqual(len(self._invoices(contract)), 3, "P6: a rerun bills nothing twice")
        self.assertEqual(len(contract.invoice_ids), 3)
        self._run(datetime(2027, 4, 1, 3, 0))
        self.assertEqual(len(self._invoices(contract)), 4)

    def test_p6_period_unique_in_database(self):
        """P6: the database refuses a second row for a contract's period."""
        contract = self._contract(date(2027, 1, 1), date(2027, 12, 31))
        self._run(datetime(2027, 1, 5, 2, 0))
        Period = self.env["aftersales.contract.billing.period"].sudo()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            Period.create(
                {
                    "contract_id": contract.id,
                    "date_from": date(2027, 1, 1),
                    "date_to": date(2027, 1, 31),
                }
            )

    def test_p6_nothing_after_the_end(self):
        """P6: a contract that ended bills its term and nothing after."""
        contract = self._contract(date(2027, 1, 1), date(2027, 3, 31))
        self._run(datetime(2027, 6, 1, 2, 0))
        self.assertEqual(len(self._invoices(contract)), 3)
        self.assertFalse(contract.billing_next_due)
        self.assertEqual(max(self._periods(contract).mapped("date_to")), date(2027, 3, 31))

    def test_p6_in_arrears_versus_in_advance(self):
        """P6: in advance a quarter is billed on its first day; in arrears
        the day after its last (dated its last day)."""
        advance = self._contract(date(2027, 1, 1), date(2027, 12, 31), 900.0, "quarterly")
        arrears = self._contract(
            date(2027, 1, 1), date(2027, 12, 31), 900.0, "quarterly", "arrears"
        )
        self._run(datetime(2027, 3, 31, 2, 0))
        self.assertEqual(len(self._invoices(advance)), 1)
        self.assertFalse(self._invoices(arrears), "P6: in arrears: not before the quarter ends")
        self.assertEqual(arrears.billing_next_due, date(2027, 4, 1))
        self._run(datetime(2027, 4, 1, 2, 0))
        self.assertEqual(
            self._invoices(advance).mapped("invoice_date"), [date(2027, 1, 1), date(2027, 4, 1)]
        )
        invoice = self._invoices(arrears)
        self.assertEqual(invoice.invoice_date, date(2027, 3, 31))
        self.assertEqual(invoice.amount_untaxed, 900.0)
        self.assertEqual(
            (self._periods(arrears).date_from, self._periods(arrears).date_to),
            (date(2027, 1, 1), date(2027, 3, 31)),
        )

    def test_p6_company_local_day(self):
        """P6: at 23:30 UTC on 31 January it is already 1 February in
        Shanghai: February is billed, dated the company's day."""
        self.assertEqual(self.env.company._aftersales_tz().key, "Asia/Shanghai")
        contract = self._contract(date(2027, 1, 1), date(2027, 12, 31))
        self._run(datetime(2027, 1, 31, 23, 30))
        self.assertEqual(
            self._invoices(contract).mapped("invoice_date"), [date(2027, 1, 1), date(2027, 2, 1)]
        )

    def test_p6_per_covered_unit(self):
        """P6: per covered unit: the price times the covered serials and the
        certificates of equipment not among them."""
        contract = self._contract(
            date(2027, 1, 1),
            date(2027, 12, 31),
            100.0,
            billing_amount_type="per_unit",
            lot_ids=[Command.set(self.lots.ids)],
        )
        other_lot = self.env["stock.lot"].create(
            {"name": "BILL-CERT", "product_id": self.product.id}
        )
        contract.certificate_ids = [
            Command.set(
                (
                    self.make_certificate(other_lot, date(2026, 6, 1))
                    | self.make_certificate(self.lots[0], date(2026, 6, 1))
                ).ids
            )
        ]
        self._run(datetime(2027, 1, 2, 2, 0))
        line = self._invoices(contract).invoice_line_ids
        self.assertEqual(line.quantity, 4, "P6: 3 serials and one certificate of another serial")
        self.assertEqual(line.price_subtotal, 400.0)
        self.assertEqual(self._periods(contract).units, 4)

    # OCA contract's date bugs --------------------------------------------------

    def test_p6_last_date_invoiced_per_contract(self):
        """P6 (OCA contract: last date invoiced of multi-line contracts): two
        schedules of one customer billed in the same batch each continue from
        their own last billed day, after a catch-up of several periods."""
        monthly = self._contract(date(2027, 1, 10), date(2027, 12, 31))
        quarterly = self._contract(date(2027, 2, 1), date(2027, 12, 31), 300.0, "quarterly")
        self._run(datetime(2027, 5, 2, 2, 0))
        self.assertEqual(len(self._invoices(monthly)), 5)
        self.assertEqual(monthly.billing_next_date, date(2027, 6, 1))
        self.assertEqual(len(self._invoices(quarterly)), 2)
        self.assertEqual(quarterly.billing_next_date, date(2027, 7, 1))
        self.assertEqual(
            [(p.date_from, p.date_to) for p in self._periods(quarterly)],
            [(date(2027, 2, 1), date(2027, 3, 31)), (date(2027, 4, 1), date(2027, 6, 30))],
        )

    def test_p6_stopped_contract_not_invoiced(self):
        """P6 (OCA contract: stopped lines still invoiced): a cancelled
        contract bills nothing after its cancellation day; in arrears its
        used days up to then, once."""
        advance = self._contract(date(2027, 1, 1), date(2027, 12, 31), 2800.0)
        arrears = self._contract(date(2027, 1, 1), date(2027, 12, 31), 2800.0, timing="arrears")
        self._run(datetime(2027, 2, 1, 2, 0))
        with freeze_time(datetime(2027, 2, 10, 2, 0)):
            (advance | arrears).with_user(self.manager).action_cancel()
        self.assertEqual(advance.billing_date_stop, date(2027, 2, 10))
        for moment in (datetime(2027, 2, 10, 3, 0), datetime(2027, 5, 1, 2, 0)):
            self._run(moment)
        self.assertEqual(
            self._invoices(advance).mapped("invoice_date"), [date(2027, 1, 1), date(2027, 2, 1)]
        )
        self.assertEqual(
            [(p.date_from, p.date_to, p.amount) for p in self._periods(arrears)],
            [
                (date(2027, 1, 1), date(2027, 1, 31), 2800.0),
                (date(2027, 2, 1), date(2027, 2, 9), 900.0),  # 2800 × 9/28
            ],
        )
        self.assertFalse(advance.billing_next_due)
        self.assertFalse(arrears.billing_next_due)
        # the advance February is credited for 10..28 February (19 of 28 days)
        credit = self._invoices(advance, "out_refund")
        self.assertEqual(credit.amount_untaxed, 1900.0)

    def test_p6_draft_contract_cancelled_never_billed(self):
        """P6: a contract cancelled before it started bills nothing."""
        lot = self.env["stock.lot"].create({"name": "BILL-DRAFT", "product_id": self.product.id})
        contract = self.Contract.create(
            {
                "partner_id": self.customer.id,
                "date_start": date(2027, 1, 1),
                "date_end": date(2027, 12, 31),
                "lot_ids": [Command.set(lot.ids)],
                "billing_mode": "recurring",
                "billing_price": 100.0,
            }
        )
        self._run(datetime(2027, 2, 1, 2, 0))
        self.assertFalse(self._invoices(contract), "P6: a draft contract is not billed")
        contract.action_cancel()
        self._run(datetime(2027, 3, 1, 2, 0))
        self.assertFalse(self._invoices(contract))
        self.assertFalse(contract.billing_next_due)

    # Cancellation credit ---------------------------------------------------------

    def test_p6_prepaid_year_cancelled_mid_term_credits_unused_days(self):
        """P6: a year paid in advance (3 650) cancelled on 1 July is
        credited for 1 July to 31 December, 184 of 365 days: 1 840.00, by a
        credit note reversing the invoice, linked to a credit period."""
        self.env.company.aftersales_contract_billing_post = True
        contract = self._contract(date(2027, 1, 1), date(2027, 12, 31), 3650.0, "yearly")
        self._run(datetime(2027, 1, 1, 2, 0))
        invoice = self._invoices(contract)
        self.assertEqual(invoice.state, "posted", "P6: posted when the company says so")
        self.assertEqual(invoice.amount_untaxed, 3650.0)
        with freeze_time(datetime(2027, 7, 1, 2, 0)):
            contract.with_user(self.manager).action_cancel()
        credit = self._invoices(contract, "out_refund")
        self.assertEqual(len(credit), 1)
        self.assertEqual(credit.amount_untaxed, 1840.0)
        self.assertEqual(credit.invoice_date, date(2027, 7, 1))
        self.assertEqual(credit.reversed_entry_id, invoice)
        credit_period = self._periods(contract, "credit")
        self.assertEqual(
            (credit_period.date_from, credit_period.date_to, credit_period.amount),
            (date(2027, 7, 1), date(2027, 12, 31), -1840.0),
        )
        self.assertEqual(credit_period.credited_period_id, self._periods(contract))
        self.assertEqual(credit_period.move_id, credit)
        self.assertIn(credit, contract.invoice_ids)
        self._run(datetime(2027, 7, 2, 2, 0))
        self.assertEqual(len(self._invoices(contract)), 1, "P6: nothing billed after cancelling")
        self.assertEqual(len(self._invoices(contract, "out_refund")), 1)

    def test_p6_renewal_bills_its_own_term(self):
        """P6: the successor contract bills from the day after its
        predecessor's end; no period overlaps."""
        contract = self._contract(date(2026, 1, 1), date(2026, 12, 31), 1200.0, "quarterly")
        self._run(datetime(2026, 12, 1, 2, 0))
        with freeze_time(datetime(2026, 12, 1, 2, 0)):
            action = contract.action_renew()
        successor = self.Contract.browse(action["res_id"])
        self.assertEqual(successor.billing_date_start, date(2027, 1, 1))
        self.assertEqual(successor.billing_mode, "recurring")
        with freeze_time(datetime(2026, 12, 1, 2, 0)):
            successor.action_start()
        self._run(datetime(2027, 1, 2, 2, 0))
        self.assertEqual(max(self._periods(contract).mapped("date_to")), date(2026, 12, 31))
        self.assertEqual(self._periods(successor).date_from, date(2027, 1, 1))
        self.assertEqual(len(self._invoices(contract)), 4)

    # Rules, roles, the accountant's lists ----------------------------------------

    def test_p6_stop_day_written_only_by_cancellation(self):
        """P6/X6: the billing stop day changes only through cancellation."""
        contract = self._contract(date(2027, 1, 1), date(2027, 12, 31))
        with self.assertRaises(UserError):
            contract.with_user(self.manager).write({"billing_date_stop": date(2027, 2, 1)})
        with self.assertRaises(UserError):
            contract.write({"billing_date_stop": date(2027, 2, 1)})

    def test_p6_accountant_bills_and_sees_upcoming(self):
        """P6: the accountant invoices the due periods from the contract,
        reads the billed periods, and sees the next three months coming; a
        desk clerk may not invoice."""
        contract = self._contract(date(2027, 1, 1), date(2027, 12, 31))
        with freeze_time(datetime(2027, 2, 3, 2, 0)):
            with self.assertRaises(AccessError):
                contract.with_user(self.desk).action_bill_due_periods()
            contract.with_user(self.accountant).action_bill_due_periods()
            self.assertEqual(len(self._invoices(contract)), 2)
            periods = contract.with_user(self.accountant).billing_period_ids
            self.assertEqual(len(periods), 2)
            [values] = contract.with_user(self.accountant).read(
                ["billing_next_due", "billing_period_ids", "invoice_ids"]
            )
            self.assertEqual(values["billing_next_due"], date(2027, 3, 1))
            self.assertEqual(len(values["billing_period_ids"]), 2)
            Forecast = self.env["aftersales.contract.billing.forecast"].with_user(self.accountant)
            action = Forecast.action_open_forecast()
            rows = Forecast.search(action["domain"]).filtered(lambda r: r.contract_id == contract)
            self.assertEqual(
                rows.mapped("date_from"), [date(2027, 3, 1), date(2027, 4, 1), date(2027, 5, 1)]
            )
            self.assertEqual(sum(rows.mapped("amount")), 9300.0)
        self.assertEqual(len(self._invoices(contract)), 2, "P6: a forecast bills nothing")

    def test_p6_accountant_opens_a_contract_with_its_equipment(self):
        """P6, X2: the accountant opens a billed contract's form, covered
        serials and certificates included (what a per-unit price counts), and
        changes nothing of it."""
        contract = self._contract(date(2027, 1, 1), date(2027, 12, 31))
        contract.certificate_ids = self.make_certificate(contract.lot_ids, date(2026, 6, 1))
        form = Form(contract.with_user(self.accountant))
        self.assertEqual(form.lot_ids[0].name, contract.lot_ids.name)
        self.assertEqual(len(form.certificate_ids), 1)
        with self.assertRaises(AccessError):
            contract.with_user(self.accountant).write({"billing_price": 1.0})

    def test_p6_manual_contracts_not_billed(self):
        """P6: a one-off (manual) contract — every contract of the released
        suite after the upgrade — is never billed by the daily action; its
        invoice by hand is listed as the contract's. A recurring contract is
        not invoiced by hand as well."""
        contract = self._contract(date(2027, 1, 1), date(2027, 12, 31), billing_mode="manual")
        self._run(datetime(2027, 3, 1, 2, 0))
        self.assertFalse(contract.billing_next_due)
        self.assertFalse(self._invoices(contract))
        with freeze_time(datetime(2027, 3, 1, 2, 0)):
            contract.action_create_invoice()
        self.assertEqual(self._invoices(contract), contract.invoice_ids)
        recurring = self._contract(date(2027, 1, 1), date(2027, 12, 31))
        with freeze_time(datetime(2027, 3, 1, 2, 0)), self.assertRaises(UserError):
            recurring.action_create_invoice()

    def test_p6_billing_queries_do_not_grow(self):
        """P6: one batch of the daily action costs the same queries for 5
        and 20 contracts (moves created in one create per batch)."""
        company = self.env.company
        today = date(2027, 3, 1)
        Contract = self.Contract

        def make_batch(count):
            return Contract.browse(
                [
                    self._contract(date(2027, 2, 10), date(2027, 12, 31), 1000.0).id
                    for _i in range(count)
                ]
            )

        def run(batch):
            with freeze_time(datetime(2027, 3, 1, 2, 0)):
                return Contract._bill_batch(company, today, 1000)

        # 20 contracts × 2 periods make 120 invoice lines: Odoo inserts 100
        # rows per INSERT, one more statement (``extra``), never one per record
        done = assertQueriesConstant(self, make_batch, run, sizes=(5, 20), extra=1)
        self.assertEqual(done, (5, 20))

    def test_p6_posted_billing_queries_grow_only_by_numbering(self):
        """P6: posting as the company asks adds only Odoo's gapless numbering
        (3 queries per invoice: the previous number, the check, the write);
        two periods per contract here."""
        self.env.company.aftersales_contract_billing_post = True
        company = self.env.company
        Contract = self.Contract

        def make_batch(count):
            return Contract.browse(
                [
                    self._contract(date(2027, 2, 10), date(2027, 12, 31), 1000.0).id
                    for _i in range(count)
                ]
            )

        def run(batch):
            with freeze_time(datetime(2027, 3, 1, 2, 0)):
                return Contract._bill_batch(company, date(2027, 3, 1), 1000)

        # 2 and 6 contracts: their posted invoices' lines (product, tax,
        # receivable) stay under Odoo's INSERT of 100 rows at a time
        done = assertQueriesConstant(self, make_batch, run, sizes=(2, 6), per_record=2 * 3, extra=1)
        self.assertEqual(done, (2, 6))
        moves = self.env["account.move"].search(
            [("aftersales_contract_id.date_start", "=", date(2027, 2, 10))]
        )
        self.assertEqual(len(moves), 2 * (1 + 2 + 6))
        self.assertEqual(set(moves.mapped("state")), {"posted"})

    def test_p6_daily_action_at_company_hour(self):
        """P6: the billing action runs at 06:00 of the company's day."""
        cron = self.env.ref("aftersales_warranty.ir_cron_contract_billing")
        local = cron.nextcall.replace(tzinfo=UTC).astimezone(self.env.company._aftersales_tz())
        self.assertEqual((local.hour, local.minute), (6, 0))
        self.assertEqual(cron.code, "model._cron_contract_billing()")

    def test_p6_line_label_in_customer_language(self):
        """P6: the period's label is in the customer's language (zh_CN for a
        Chinese customer), whoever runs the action."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.customer.lang = "zh_CN"
        contract = self._contract(date(2027, 1, 17), date(2027, 12, 31))
        self._run(datetime(2027, 1, 18, 2, 0))
        label = self._invoices(contract).invoice_line_ids.name
        self.assertIn("保养合同", label)
        self.assertIn("按比例", label)
        self.customer.lang = "en_US"
        self._run(datetime(2027, 2, 2, 2, 0))
        self.assertIn("Maintenance contract", self._invoices(contract)[1].invoice_line_ids.name)

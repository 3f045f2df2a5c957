# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .billing_common import BillingFixtures
from .common import SIGNATURE


@tagged("post_install", "-at_install")
class TestBilling(BillingFixtures, TransactionCase):
    """S1, S10, W4: jobs billed through Odoo's invoicing, to the cent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_billing_fixtures()

    def _invoice(self, request):
        request.with_user(self.accountant).action_create_invoice()
        invoice = request.invoice_ids
        self.assertEqual(len(invoice), 1)
        return invoice

    def assertAmounts(self, invoice, untaxed, tax, total):
        self.assertEqual(
            (invoice.amount_untaxed, invoice.amount_tax, invoice.amount_total),
            (untaxed, tax, total),
        )

    def test_s10_paid_job_invoiced_and_cash_collected_on_site(self):
        """S10: labour at the standard rate × hours, parts at list price;
        the technician's cash becomes a payment reconciled with the invoice."""
        request = self.make_job(hours=(0.5, 1.5), parts=[(self.part, 2)])
        self.assertEqual(request.service_category, "paid")
        self.assertEqual(request.time_ids.mapped("service_category"), ["paid", "paid"])
        self.assertEqual(request.billing_state, "to_invoice")
        self.assertEqual(request.amount_standard, 260.0)
        self.assertEqual(request.cost_amount, 2 * 45.0 + 2 * 30.0)
        request.with_user(self.tech).cash_amount = 299.0
        self.assertEqual((request.cash_user_id, request.cash_state), (self.tech, "to_confirm"))
        invoice = self._invoice(request)
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.customer)
        self.assertEqual(invoice.invoice_origin, request.name)
        self.assertRecordValues(
            invoice.invoice_line_ids.sorted("price_subtotal"),
            [
                {
                    "product_id": self.part.id,
                    "quantity": 2,
                    "price_unit": 50.0,
                    "price_subtotal": 100.0,
                    "tax_ids": self.tax.ids,
                },
                {
                    "product_id": self.labour.id,
                    "quantity": 2,
                    "price_unit": 80.0,
                    "price_subtotal": 160.0,
                    "tax_ids": self.tax.ids,
                },
            ],
        )
        self.assertAmounts(invoice, 260.0, 39.0, 299.0)
        with self.assertRaisesRegex(UserError, "Post the invoice"):
            request.with_user(self.accountant).action_confirm_cash()
        invoice.with_user(self.accountant).action_post()
        self.assertEqual(request.billing_state, "invoiced")
        request.with_user(self.accountant).action_confirm_cash()
        payment = request.cash_payment_id
        self.assertEqual((payment.amount, payment.journal_id), (299.0, self.cash_journal))
        self.assertEqual(payment.partner_id, self.customer)
        self.assertEqual(invoice.amount_residual, 0.0)
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual((request.billing_state, request.cash_state), ("paid", "confirmed"))
        with self.assertRaisesRegex(UserError, "already received"):
            request.with_user(self.accountant).action_confirm_cash()
        with self.assertRaisesRegex(UserError, "already invoiced"):
            request.with_user(self.accountant).action_create_invoice()

    def test_s10_cash_above_amount_due_refused(self):
        request = self.make_job(hours=(1.0,))
        request.with_user(self.tech).cash_amount = 100.0
        invoice = self._invoice(request)
        self.assertAmounts(invoice, 80.0, 12.0, 92.0)
        invoice.action_post()
        with self.assertRaisesRegex(UserError, "more than"):
            request.with_user(self.accountant).action_confirm_cash()
        self.assertFalse(request.cash_payment_id)
        self.assertEqual(invoice.amount_residual, 92.0)

    def test_s1_s10_free_job_not_invoiced_cost_recorded(self):
        """S1: a warranty job produces no invoice; its cost is on the job."""
        request = self.make_job(lot=self.lots[0], hours=(1.0,), parts=[(self.part, 1)])
        self.assertEqual(request.service_category, "free")
        self.assertEqual(request.billing_state, "none")
        self.assertEqual(request.cost_amount, 75.0)
        self.assertEqual(request.company_share_amount, 130.0)
        self.assertEqual(request.amount_billable, 0.0)
        with self.assertRaisesRegex(UserError, "free job"):
            request.with_user(self.accountant).action_create_invoice()
        self.assertFalse(
            self.env["account.move"].search([("aftersales_request_id", "=", request.id)])
        )

    def test_s1_admin_work_not_invoiced(self):
        request = self.make_job(hours=(1.0,))
        request.sudo().service_category = "admin"
        self.assertEqual(request.billing_state, "none")
        with self.assertRaisesRegex(UserError, "administrative"):
            request.with_user(self.accountant).action_create_invoice()

    def test_s1_admin_time_line_on_paid_job_not_billed(self):
        request = self.make_job(hours=(1.0,), close=False)
        self.env["aftersales.repair.time"].create(
            {
                "request_id": request.id,
                "hours": 0.5,
                "description": "Paperwork",
                "service_category": "admin",
                "user_id": self.tech.id,
            }
        )
        request.with_user(self.tech).write({"diagnosis": "ok", "customer_signature": SIGNATURE})
        request.with_user(self.tech).action_close_on_site()
        self.assertEqual(request.hours, 1.5)
        self.assertAmounts(self._invoice(request), 80.0, 12.0, 92.0)

    def test_s10_contract_job_bills_excluded_items_only(self):
        """A contract covers the labour; the part it excludes is billed."""
        lot = self.new_lot()
        filter_part = self.env["product.product"].create(
            {
                "name": "Test filter",
                "is_storable": True,
                "list_price": 20.0,
                "standard_price": 8.0,
                "taxes_id": [Command.set(self.tax.ids)],
            }
        )
        self.env["stock.quant"]._update_available_quantity(
            filter_part, self.warehouse.lot_stock_id, 5
        )
        contract = self.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": self.customer.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "lot_ids": [Command.set(lot.ids)],
                "covered_product_ids": [Command.set((self.labour | self.part).ids)],
                "excluded_product_ids": [Command.set(filter_part.ids)],
            }
        )
        contract.action_start()
        request = self.make_job(lot=lot, hours=(2.0,), parts=[(self.part, 1), (filter_part, 3)])
        self.assertEqual((request.service_category, request.contract_id), ("contract", contract))
        invoice = self._invoice(request)
        self.assertEqual(invoice.invoice_line_ids.product_id, filter_part)
        self.assertAmounts(invoice, 60.0, 9.0, 69.0)
        self.assertEqual(request.company_share_amount, 160.0 + 50.0)

    def test_s10_contract_job_fully_covered_is_not_to_invoice(self):
        lot = self.new_lot()
        contract = self.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": self.customer.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "lot_ids": [Command.set(lot.ids)],
            }
        )
        contract.action_start()
        request = self.make_job(lot=lot, hours=(1.0,), parts=[(self.part, 1)])
        self.assertEqual(request.service_category, "contract")
        self.assertEqual(request.billing_state, "none", "the contract covers it all")
        self.assertEqual(request.company_share_amount, 130.0)
        with self.assertRaisesRegex(UserError, "Nothing of"):
            request.with_user(self.accountant).action_create_invoice()
        self.assertFalse(request.invoice_ids)

    def test_w4_liability_split_bills_the_customer_share(self):
        """W4: a warranty claim shared 40 % / 60 %: the customer's 40 % is
        invoiced, the company's 60 % is recorded."""
        request = self.make_job(lot=self.lots[0], hours=(1.0,), parts=[(self.part, 1)], close=False)
        request.with_user(self.tech).write({"liability": "other"})
        request.with_user(self.tech).write({"cost_split": "shared", "customer_share": 40.0})
        request.with_user(self.tech).write(
            {"diagnosis": "Misused", "customer_signature": SIGNATURE}
        )
        request.with_user(self.tech).action_close_on_site()
        self.assertEqual(request.billing_state, "to_invoice")
        invoice = self._invoice(request)
        self.assertEqual(invoice.invoice_line_ids.mapped("discount"), [60.0, 60.0])
        self.assertAmounts(invoice, 52.0, 7.8, 59.8)
        self.assertEqual(request.company_share_amount, 78.0)

    def test_s10_discount_within_authority_is_invoiced(self):
        self.env["aftersales.discount.authority"].create(
            {
                "user_id": self.tech.id,
                "max_discount": 10.0,
                "max_jobs_per_week": 5,
                "margin_floor": 20.0,
            }
        )
        request = self.make_job(hours=(2.0,))
        request.with_user(self.tech).discount = 10.0
        self.assertEqual(request.discount_state, "approved")
        self.assertEqual(request.discount_user_id, self.tech)
        invoice = self._invoice(request)
        self.assertEqual(invoice.invoice_line_ids.discount, 10.0)
        self.assertAmounts(invoice, 144.0, 21.6, 165.6)

    def test_s10_discount_beyond_authority_waits_for_manager(self):
        self.env["aftersales.discount.authority"].create(
            {
                "user_id": self.tech.id,
                "max_discount": 10.0,
                "max_jobs_per_week": 5,
                "margin_floor": 20.0,
            }
        )
        request = self.make_job(hours=(2.0,))
        self.assertFalse(request.blocked_reason)
        request.with_user(self.tech).discount = 15.0
        self.assertEqual(request.discount_state, "to_approve")
        # issue 15: the form says why Create Invoice is not offered, and who unblocks it
        reason = request.with_user(self.accountant).blocked_reason
        self.assertIn("15.0 % discount", reason)
        self.assertIn(self.tech.name, reason)
        self.assertIn("service manager", reason)
        form_arch = request.with_user(self.accountant).get_views(
            [(self.env.ref("aftersales_repair.service_request_view_form_accounting").id, "form")]
        )["views"]["form"]["arch"]
        self.assertIn('name="blocked_reason"', form_arch)
        with self.assertRaisesRegex(UserError, "waits for a manager"):
            request.with_user(self.accountant).action_create_invoice()
        self.assertFalse(request.invoice_ids)
        with self.assertRaises(AccessError):
            request.with_user(self.tech).action_approve_discount()
        with self.assertRaises(AccessError):
            request.with_user(self.accountant).action_approve_discount()
        request.with_user(self.manager).action_approve_discount()
        self.assertEqual(
            (request.discount_state, request.discount_approved_by_id), ("approved", self.manager)
        )
        self.assertFalse(request.blocked_reason, "unblocked")
        self.assertAmounts(self._invoice(request), 136.0, 20.4, 156.4)

    def test_s10_discount_count_per_week_and_margin_floor(self):
        """10 % on up to 2 jobs a week; a margin floor of 40 % refuses a
        discount that leaves 37.5 %."""
        authority = self.env["aftersales.discount.authority"].create(
            {"user_id": self.tech.id, "max_discount": 10.0, "max_jobs_per_week": 2}
        )
        jobs = [self.make_job(hours=(1.0,)) for _i in range(3)]
        for job in jobs:
            job.with_user(self.tech).discount = 5.0
        self.assertEqual([j.discount_state for j in jobs], ["approved", "approved", "to_approve"])
        authority.write({"max_jobs_per_week": 10, "margin_floor": 40.0})
        jobs[2].with_user(self.tech).discount = 10.0
        self.assertAlmostEqual(jobs[2]._margin(), 37.5)
        self.assertEqual(jobs[2].discount_state, "to_approve")
        authority.margin_floor = 30.0
        jobs[2].with_user(self.tech).discount = 10.0
        self.assertEqual(jobs[2].discount_state, "approved")

    def test_s10_no_authority_means_approval(self):
        request = self.make_job(hours=(1.0,))
        request.with_user(self.tech).discount = 5.0
        self.assertEqual(request.discount_state, "to_approve")

    def test_x2_roles_each_do_their_part_only(self):
        """The technician records cash, the accountant invoices and confirms,
        the warehouse keeper does neither; nobody but a manager approves."""
        request = self.make_job(hours=(1.0,))
        with self.assertRaises(AccessError):
            request.with_user(self.tech).action_create_invoice()
        with self.assertRaises(AccessError):
            request.with_user(self.keeper).action_create_invoice()
        with self.assertRaises(AccessError):
            request.with_user(self.accountant).write({"cash_amount": 10.0})
        with self.assertRaises(AccessError):
            request.with_user(self.accountant).write({"diagnosis": "changed"})
        request.with_user(self.tech).cash_amount = 92.0
        self._invoice(request).action_post()
        with self.assertRaises(AccessError):
            request.with_user(self.tech).action_confirm_cash()
        with self.assertRaises(AccessError):
            request.with_user(self.keeper).action_confirm_cash()
        self.assertFalse(request.cash_payment_id)
        request.with_user(self.accountant).action_confirm_cash()
        self.assertEqual(request.billing_state, "paid")

    def test_s10_accountant_list_finds_jobs_to_invoice_and_cash(self):
        paid = self.make_job(hours=(1.0,))
        free = self.make_job(lot=self.lots[0], hours=(1.0,))
        action = self.env.ref("aftersales_repair.action_service_request_billing")
        self.assertIn("to_invoice_or_cash", action.context)
        domain = [
            "|",
            ("billing_state", "=", "to_invoice"),
            ("cash_state", "=", "to_confirm"),
        ]
        found = self.env["aftersales.service.request"].with_user(self.accountant).search(domain)
        self.assertIn(paid, found)
        self.assertNotIn(free, found)
        free.with_user(self.tech).cash_amount = 10.0
        found = self.env["aftersales.service.request"].with_user(self.accountant).search(domain)
        self.assertIn(free, found)
        menu = self.env.ref("aftersales_repair.menu_service_request_billing_accounting")
        self.assertEqual(menu.parent_id, self.env.ref("account.menu_finance_receivables"))

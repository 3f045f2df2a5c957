# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date, datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .billing_common import BillingFixtures


@tagged("post_install", "-at_install")
class TestSpareParts(BillingFixtures, TransactionCase):
    """S13: parts issued only on a started repair, quotation accepted before
    parts are ordered, extra parts approved by the advisor, consumed parts
    never returned; the special-tool register with overdue reminders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_billing_fixtures()
        cls.rare = cls.env["product.product"].create(
            {"name": "Test compressor (not in stock)", "is_storable": True, "list_price": 400.0}
        )
        cls.tool = cls.env["product.product"].create({"name": "Test vacuum pump", "type": "consu"})
        # a paid job (its serial is not under warranty): no parts deposit
        cls.job = cls.make_request(lot=cls.new_lot())

    def _repair(self, parts):
        """A repair order of a service request: the suite's rules on parts
        hold on these (other repair orders are Odoo's own)."""
        return self.env["repair.order"].create(
            {
                "partner_id": self.customer.id,
                "aftersales_request_id": self.job.id,
                "move_ids": [
                    Command.create(
                        {"product_id": p.id, "product_uom_qty": q, "repair_line_type": "add"}
                    )
                    for p, q in parts
                ],
            }
        )

    def test_s13_parts_reserved_and_consumed_only_on_a_started_repair(self):
        repair = self._repair([(self.part, 2)])
        repair.action_validate()
        move = repair.move_ids
        self.assertEqual(repair.state, "confirmed")
        self.assertNotIn(move.state, ("assigned", "partially_available"), "not reserved yet")
        move._action_assign()
        self.assertFalse(move.move_line_ids, "no reservation before the repair starts")
        with self.assertRaisesRegex(UserError, "started repair"):
            move.write({"quantity": 2, "picked": True})
        self.assertEqual(move.quantity, 0)
        repair.action_repair_start()
        self.assertEqual(move.state, "assigned", "reserved once the repair started")
        move.write({"quantity": 2, "picked": True})
        repair.action_repair_end()
        self.assertEqual((repair.state, move.state), ("done", "done"))
        with self.assertRaisesRegex(UserError, "cannot be returned"):
            move.action_aftersales_return_to_stock()
        self.assertEqual(move.state, "done")

    def test_s13_unused_part_goes_back_before_use(self):
        repair = self._repair([(self.part, 1), (self.part, 1)])
        repair.action_validate()
        repair.action_repair_start()
        unused = repair.move_ids[1]
        unused.write({"quantity": 1, "picked": True})
        with self.assertRaisesRegex(AccessError, "warehouse keeper"):
            unused.with_user(self.tech).action_aftersales_return_to_stock()
        self.assertEqual(unused.state, "assigned")
        unused.with_user(self.keeper).action_aftersales_return_to_stock()
        self.assertEqual(unused.state, "cancel")
        self.assertFalse(unused.move_line_ids)
        repair.action_repair_end()
        self.assertEqual(repair.move_ids.filtered(lambda m: m.state == "done").product_uom_qty, 1)

    def test_w7_discontinued_part_is_replaced_by_its_approved_substitute(self):
        old = self.env["product.product"].create({"name": "Test valve V-1 (discontinued)"})
        new = self.env["product.product"].create({"name": "Test valve V-2"})
        old.product_tmpl_id.aftersales_discontinued = True
        substitute = self.env["aftersales.part.substitute"].create(
            {"product_tmpl_id": old.product_tmpl_id.id, "substitute_id": new.id}
        )
        with self.assertRaisesRegex(UserError, "no approved substitute"):
            self._repair([(old, 1)])
        substitute.test_report = base64.b64encode(b"%PDF-1.4 test")
        substitute.action_approve()
        repair = self._repair([(old, 1), (self.part, 1)])
        self.assertEqual(repair.move_ids.product_id, new | self.part)

    def test_s13_quotation_accepted_before_parts_are_ordered(self):
        repair = self._repair([(self.rare, 1)])
        with self.assertRaisesRegex(UserError, "accepts the quotation"):
            repair.action_validate()
        self.assertEqual(repair.state, "draft")
        with self.assertRaisesRegex(UserError, "who accepted"):
            repair.action_aftersales_customer_accept()
        repair.aftersales_accepted_by = "Mr. Zhao Lei"
        repair.action_aftersales_customer_accept()
        self.assertTrue(repair.aftersales_date_accepted)
        repair.action_validate()
        self.assertEqual(repair.state, "confirmed")

    def test_s13_parts_added_after_acceptance_need_the_advisor(self):
        repair = self._repair([(self.part, 1)])
        repair.write({"aftersales_accepted_by": "Ms. Wang"})
        repair.action_aftersales_customer_accept()
        repair.action_validate()
        repair.action_repair_start()
        repair.write(
            {
                "move_ids": [
                    Command.create(
                        {
                            "product_id": self.part.id,
                            "product_uom_qty": 3,
                            "repair_line_type": "add",
                        }
                    )
                ]
            }
        )
        extra = repair.move_ids.filtered("aftersales_extra_part")
        self.assertEqual(len(extra), 1)
        self.assertEqual(repair.aftersales_extra_part_count, 1)
        self.assertFalse(extra.move_line_ids, "not issued before approval")
        with self.assertRaisesRegex(UserError, "not approved the extra parts"):
            repair.action_repair_end()
        with self.assertRaises(AccessError):
            repair.with_user(self.tech).action_aftersales_approve_extra_parts()
        repair.with_user(self.supervisor).action_aftersales_approve_extra_parts()
        self.assertEqual(extra.aftersales_approved_by_id, self.supervisor)
        self.assertEqual(extra.state, "assigned")
        repair.action_repair_end()
        self.assertEqual(repair.state, "done")

    def test_s13_tool_register_and_overdue_reminder(self):
        Loan = self.env["aftersales.tool.loan"]
        today = self.env.company._aftersales_today()
        late, on_time = Loan.with_user(self.keeper).create(
            [
                {
                    "product_id": self.tool.id,
                    "user_id": self.tech.id,
                    "date_out": datetime.now() - timedelta(days=5),
                    "date_due": today - timedelta(days=1),
                },
                {
                    "product_id": self.tool.id,
                    "user_id": self.tech2.id,
                    "date_due": today + timedelta(days=3),
                },
            ]
        )
        self.assertTrue(late.name.startswith("TL/"))
        self.assertEqual(
            Loan.search([("is_overdue", "=", True), ("id", "in", (late | on_time).ids)]), late
        )
        cron = self.env.ref("aftersales_repair.ir_cron_remind_overdue_tools")
        cron.ir_actions_server_id.run()
        activity = late.activity_ids
        self.assertEqual((len(activity), activity.user_id), (1, self.tech))
        self.assertFalse(on_time.activity_ids)
        self.assertEqual(Loan._remind_overdue_batch(today, 10), 0, "idempotent: reminded once")
        self.assertEqual(len(late.activity_ids), 1)
        # Technicians see their own loans, and cannot return a tool themselves.
        self.assertEqual(
            Loan.with_user(self.tech).search([("id", "in", (late | on_time).ids)]), late
        )
        with self.assertRaises(AccessError):
            late.with_user(self.tech).action_return()
        late.with_user(self.keeper).action_return()
        self.assertEqual(late.state, "returned")
        self.assertTrue(late.date_returned)
        self.assertFalse(late.is_overdue)
        with self.assertRaisesRegex(UserError, "already back"):
            late.with_user(self.keeper).action_return()
        with self.assertRaises(ValidationError):
            Loan.create(
                {"product_id": self.tool.id, "user_id": self.tech.id, "date_due": date(2000, 1, 1)}
            )

    def test_s13_warranty_claim_parts_need_a_paid_deposit(self):
        request = self.make_job(lot=self.lots[0], hours=(1.0,), close=False)
        self.assertEqual(request.service_category, "free")
        repair = self._repair([(self.part, 2)])
        repair.aftersales_request_id = request
        self.assertTrue(repair.aftersales_deposit_needed)
        self.assertEqual(repair.aftersales_deposit_amount, 100.0)
        repair.action_validate()
        with self.assertRaisesRegex(UserError, "deposit"):
            repair.action_repair_start()
        self.assertEqual(repair.state, "confirmed")
        with self.assertRaises(AccessError):
            repair.with_user(self.tech).action_aftersales_create_deposit()
        repair.with_user(self.accountant).action_aftersales_create_deposit()
        deposit = repair.aftersales_deposit_invoice_id
        self.assertEqual(
            (deposit.amount_untaxed, deposit.amount_tax, deposit.amount_total), (100.0, 0.0, 100.0)
        )
        with self.assertRaisesRegex(UserError, "already invoiced"):
            repair.with_user(self.accountant).action_aftersales_create_deposit()
        deposit.action_post()
        with self.assertRaisesRegex(UserError, "deposit"):
            repair.action_repair_start()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=deposit.ids
        ).create({"journal_id": self.cash_journal.id})._create_payments()
        self.assertTrue(repair.aftersales_deposit_paid)
        repair.action_repair_start()
        self.assertEqual(repair.state, "under_repair")

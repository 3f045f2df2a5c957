# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .billing_common import BillingFixtures
from .common import SIGNATURE


@tagged("post_install", "-at_install")
class TestWorkshopStock(BillingFixtures, TransactionCase):
    """S7, S13: a workshop repair takes its parts out of the warehouse stock
    (the repair operation's component location); only the customer's product
    sits in the customer-goods register, which never goes negative; a part
    whose used quantity is left empty is consumed and billed as planned."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_billing_fixtures()
        cls.stock = cls.warehouse.lot_stock_id
        cls.rare = cls.env["product.product"].create(
            {"name": "Test compressor (not in stock)", "is_storable": True, "list_price": 400.0}
        )

    def _in_workshop(self, lot):
        """A paid job (serial without warranty) taken to the workshop."""
        request = self.make_request(lot=lot, call=datetime(2026, 11, 1))
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        request.with_user(self.tech).action_arrive()
        self.env["aftersales.carry.in"].with_user(self.tech).create(
            {
                "request_id": request.id,
                "date_promised": date.today() + timedelta(days=5),
                "intake_signature": SIGNATURE,
            }
        ).action_confirm()
        return request

    def _qty(self, product, location):
        return sum(
            self.env["stock.quant"]
            .search([("product_id", "=", product.id), ("location_id", "=", location.id)])
            .mapped("quantity")
        )

    def _add_parts(self, repair, parts):
        repair.write(
            {
                "move_ids": [
                    Command.create(
                        {"product_id": p.id, "product_uom_qty": q, "repair_line_type": "add"}
                    )
                    for p, q in parts
                ]
            }
        )
        return repair.move_ids.filtered(lambda m: m.repair_line_type == "add")

    def test_s7_s13_workshop_parts_leave_the_warehouse_stock(self):
        """S7, S13: parts reserved and consumed from WH/Stock, the customer
        goods location holds the customer's product only, never negative;
        the part whose used quantity was left empty is billed (S10)."""
        request = self._in_workshop(self.new_lot())
        repair, receipt = request.repair_id, request.receipt_id
        goods = receipt.location_id
        self.assertTrue(goods.aftersales_customer_goods)
        self.assertEqual(repair.location_id, self.stock, "parts come from the warehouse stock")
        self.assertEqual(repair.location_id, repair.picking_type_id.default_location_src_id)
        self.assertEqual(repair.product_location_src_id, goods, "the product is in the register")
        self.assertEqual(repair.product_location_dest_id, goods)
        move = self._add_parts(repair, [(self.part, 2)])
        self.assertEqual(move.location_id, self.stock)
        repair.action_validate()
        repair.action_repair_start()
        self.assertEqual(move.state, "assigned", "reserved in WH/Stock")
        self.assertEqual(move.move_line_ids.location_id, self.stock)
        self.env["aftersales.repair.time"].with_user(self.tech).create(
            {"repair_id": repair.id, "hours": 1.0, "description": "Replaced the fan motor"}
        )
        # the technician does not type the used quantity: the reservation is
        # taken as used
        repair.action_repair_end()
        self.assertEqual((repair.state, move.state), ("done", "done"))
        self.assertEqual(move.quantity, 2)
        self.assertEqual(self._qty(self.part, self.stock), 8, "two parts left WH/Stock")
        self.assertEqual(self._qty(self.part, goods), 0, "no part in the customer-goods register")
        self.assertFalse(
            self.env["stock.quant"].search([("location_id", "=", goods.id), ("quantity", "<", 0)]),
            "the customer-goods location never goes negative",
        )
        billed = [line for line in request._billing_lines() if line["product"] == self.part]
        self.assertEqual([line["qty"] for line in billed], [2], "S10: the part is billed")

    def test_s13_used_quantity_left_empty_is_the_planned_quantity(self):
        """S13: Odoo cancels a part line of used quantity 0 when the repair
        ends; a part the stock could not reserve and whose used quantity the
        technician left empty is consumed as planned and billed (S10)."""
        request = self._in_workshop(self.new_lot())
        repair = request.repair_id
        goods = request.receipt_id.location_id
        moves = self._add_parts(repair, [(self.part, 1), (self.rare, 1)])
        rare_move = moves.filtered(lambda m: m.product_id == self.rare)
        repair.write({"aftersales_accepted_by": "Mr. Zhao Lei"})
        repair.action_aftersales_customer_accept()
        repair.action_validate()
        repair.action_repair_start()
        self.assertEqual(rare_move.quantity, 0, "nothing to reserve")
        repair.action_repair_end()
        self.assertEqual(rare_move.state, "done", "never silently cancelled")
        self.assertEqual(rare_move.quantity, 1)
        self.assertEqual(rare_move.location_id, self.stock)
        self.assertFalse(
            self.env["stock.quant"].search([("location_id", "=", goods.id), ("quantity", "<", 0)]),
            "the customer-goods location never goes negative",
        )
        self.assertEqual(
            sorted(
                (line["product"].id, line["qty"])
                for line in request._billing_lines()
                if line["product"] in (self.part | self.rare)
            ),
            sorted([(self.part.id, 1), (self.rare.id, 1)]),
            "S10: both parts are billed",
        )

    def test_s13_unused_part_returned_is_not_billed(self):
        """S13: a part that was not used goes back to stock; it is not
        consumed and not billed."""
        request = self._in_workshop(self.new_lot())
        repair = request.repair_id
        moves = self._add_parts(repair, [(self.part, 1), (self.part, 3)])
        repair.action_validate()
        repair.action_repair_start()
        unused = moves.filtered(lambda m: m.product_uom_qty == 3)
        unused.with_user(self.keeper).action_aftersales_return_to_stock()
        repair.action_repair_end()
        self.assertEqual(unused.state, "cancel")
        self.assertEqual(self._qty(self.part, self.stock), 9)
        billed = [line["qty"] for line in request._billing_lines() if line["product"] == self.part]
        self.assertEqual(billed, [1])


@tagged("post_install", "-at_install")
class TestCoreRepairUntouched(BillingFixtures, TransactionCase):
    """X6: the suite's rules on parts hold on its own documents (repair
    orders of a service request); any other repair order works as in Odoo's
    Repairs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_billing_fixtures()
        cls.rare = cls.env["product.product"].create(
            {"name": "Test compressor (not in stock)", "is_storable": True, "list_price": 400.0}
        )

    def _repair(self, parts, **vals):
        return self.env["repair.order"].create(
            {
                "partner_id": self.customer.id,
                "move_ids": [
                    Command.create(
                        {"product_id": p.id, "product_uom_qty": q, "repair_line_type": "add"}
                    )
                    for p, q in parts
                ],
                **vals,
            }
        )

    def test_x6_plain_repair_confirms_short_parts_without_acceptance(self):
        repair = self._repair([(self.rare, 1)])
        repair.action_validate()
        self.assertEqual(repair.state, "confirmed", "Odoo's repair: no quotation acceptance")
        job = self._repair([(self.rare, 1)], aftersales_request_id=self.make_request().id)
        with self.assertRaisesRegex(UserError, "accepts the quotation"):
            job.action_validate()
        self.assertEqual(job.state, "draft")

    def test_x6_plain_repair_reserves_and_issues_before_start(self):
        repair = self._repair([(self.part, 2)])
        repair.action_validate()
        move = repair.move_ids
        repair.action_assign()
        self.assertEqual(move.state, "assigned", "Odoo's repair reserves once confirmed")
        move.write({"quantity": 2, "picked": True})
        self.assertEqual(move.quantity, 2)
        repair.action_repair_start()
        repair.action_repair_end()
        self.assertEqual((repair.state, move.state), ("done", "done"))

    def test_x6_plain_repair_cancels_a_part_of_zero_quantity(self):
        """Odoo's own behaviour on its repairs: a part line without stock
        and without quantity is cancelled when the repair ends."""
        repair = self._repair([(self.part, 1), (self.rare, 1)])
        repair.action_validate()
        repair.action_repair_start()
        repair.action_repair_end()
        rare_move = repair.move_ids.filtered(lambda m: m.product_id == self.rare)
        self.assertEqual(rare_move.state, "cancel")

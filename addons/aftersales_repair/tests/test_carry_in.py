# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import SIGNATURE, ServiceFixtures


@tagged("post_install", "-at_install")
class TestCarryIn(ServiceFixtures, TransactionCase):
    """S7, S8: product receipt, customer-goods register, repair card,
    inspection before return, return signed, receipt voided."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()

    def _on_site(self):
        request = self.make_request(call=datetime(2026, 11, 1))
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        request.with_user(self.tech).action_arrive()
        return request

    def _carry_in(self, request, **vals):
        wizard = (
            self.env["aftersales.carry.in"]
            .with_user(self.tech)
            .create(
                {
                    "request_id": request.id,
                    "date_promised": self.env.company._aftersales_today() + timedelta(days=5),
                    "intake_signature": SIGNATURE,
                    **vals,
                }
            )
        )
        return wizard.action_confirm()

    def _repair(self, repair):
        repair.action_validate()
        repair.action_repair_start()
        self.env["aftersales.repair.time"].with_user(self.tech).create(
            {"repair_id": repair.id, "hours": 1.5, "description": "Replaced the fan motor"}
        )
        repair.action_repair_end()

    def test_full_carry_in_and_return(self):
        request = self._on_site()
        self._carry_in(request, explanation="Fan motor needs bench work")
        receipt, repair = request.receipt_id, request.repair_id
        self.assertEqual(request.state, "in_repair")
        self.assertTrue(receipt.name.startswith("PR/"))
        self.assertEqual((receipt.lot_id, receipt.state), (self.lots[0], "in"))
        location = receipt.location_id
        self.assertTrue(location.aftersales_customer_goods)
        quant = self.env["stock.quant"].search(
            [("location_id", "=", location.id), ("lot_id", "=", self.lots[0].id)]
        )
        self.assertEqual(quant.quantity, 1, "S7: the serial is in the customer-goods register")
        self.assertEqual(quant.owner_id, self.customer, "and belongs to the customer")
        self.assertEqual(repair.aftersales_request_id, request)
        self._repair(repair)
        self.assertEqual(repair.aftersales_hours, 1.5)
        # not inspected: cannot go back
        wizard = self.env["aftersales.return.product"].create(
            {"repair_id": repair.id, "return_signature": SIGNATURE}
        )
        with self.assertRaisesRegex(UserError, "inspects"):
            wizard.action_confirm()
        with self.assertRaises(AccessError):
            repair.with_user(self.tech).action_aftersales_inspect()
        repair.with_user(self.supervisor).action_aftersales_inspect()
        unsigned = self.env["aftersales.return.product"].create({"repair_id": repair.id})
        with self.assertRaisesRegex(UserError, "signs"):
            unsigned.action_confirm()
        wizard.action_confirm()
        self.assertEqual(request.state, "done")
        self.assertEqual(receipt.state, "returned", "S8: receipt taken back and voided")
        self.assertTrue(receipt.date_out)
        self.assertFalse(
            self.env["stock.quant"].search(
                [
                    ("location_id", "=", location.id),
                    ("lot_id", "=", self.lots[0].id),
                    ("quantity", ">", 0),
                ]
            ),
            "the register records the exit",
        )
        self.assertIn(request.name, self.certificate.service_ids.mapped("reference"))

    def test_carry_in_needs_promise_and_signature(self):
        request = self._on_site()
        with self.assertRaisesRegex(UserError, "signs"):
            self._carry_in(request, intake_signature=False)
        with self.assertRaisesRegex(UserError, "past"):
            yesterday = self.env.company._aftersales_today() - timedelta(days=1)
            self._carry_in(request, date_promised=yesterday)
        self.assertEqual(request.state, "on_site")
        self.assertFalse(
            self.env["aftersales.goods.receipt"].search([("request_id", "=", request.id)])
        )

    def test_return_of_product_never_taken_in_refused(self):
        repair = self.env["repair.order"].create(
            {"partner_id": self.customer.id, "product_id": self.product.id}
        )
        with self.assertRaisesRegex(UserError, "no product receipt"):
            repair.action_aftersales_return()
        request = self._on_site()
        self._carry_in(request)
        receipt = request.receipt_id
        receipt.sudo()._give_back(SIGNATURE)
        with self.assertRaisesRegex(UserError, "already left"):
            receipt.sudo()._give_back(SIGNATURE)

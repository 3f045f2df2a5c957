# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_user

from .common import RepairComplaintFixtures


@tagged("post_install", "-at_install")
class TestComplaintSources(RepairComplaintFixtures, TransactionCase):
    """C12, C13: complaints registered from a service request, a repair and a
    customer return; a return carries its reason and who is responsible."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_repair_complaint_fixtures()

    def _register(self, source, user=None):
        action = source.with_user(user or self.desk).action_register_complaint()
        self.assertEqual(action["res_model"], "aftersales.complaint")
        form = Form(self.Complaint.with_user(user or self.desk).with_context(**action["context"]))
        form.description = form.description or "Came back broken."
        form.customer_demand = "A working unit."
        return form.save()

    def test_c12_register_from_service_request(self):
        request = self.make_request()
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        complaint = self._register(request)
        self.assertEqual(complaint.service_request_id, request)
        self.assertEqual(complaint.technician_id, self.tech, "C1: the employee concerned")
        self.assertEqual(complaint.lot_id, request.lot_id)
        self.assertEqual(complaint.product_id, request.product_id)
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.technician_id, self.tech)
        self.assertEqual(complaint.category_id, self.env.ref("aftersales_complaint.categ_service"))
        self.assertEqual(request.complaint_count, 1)
        self.assertEqual(
            self.Complaint.search(request.action_view_complaints()["domain"]), complaint
        )

    def test_c12_register_from_repair(self):
        repair = self.env["repair.order"].create(
            {"partner_id": self.customer.id, "product_id": self.product.id, "user_id": self.tech.id}
        )
        complaint = self._register(repair)
        self.assertEqual(complaint.repair_id, repair)
        self.assertEqual(complaint.product_id, self.product)
        self.assertEqual(complaint.technician_id, self.tech)
        self.assertEqual(repair.complaint_count, 1)

    def test_c13_return_traced_to_department_and_person(self):
        product = self.env["product.product"].create({"name": "Remote control", "type": "consu"})
        delivery_type = self.env.ref("stock.picking_type_out")
        delivery = self.env["stock.picking"].create(
            {
                "partner_id": self.customer.id,
                "picking_type_id": delivery_type.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": product.id,
                            "product_uom_qty": 2,
                            "location_id": delivery_type.default_location_src_id.id,
                            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                        },
                    )
                ],
            }
        )
        delivery.action_confirm()
        delivery.move_ids.quantity = 2
        delivery.button_validate()
        self.assertEqual(delivery.state, "done")
        logistics = self.env.ref("aftersales_complaint.dep_logistics")
        wizard = Form(
            self.env["stock.return.picking"].with_context(
                active_id=delivery.id, active_model="stock.picking"
            )
        )
        wizard.aftersales_return_reason = "Crushed in transport."
        wizard.aftersales_return_department_id = logistics
        wizard.aftersales_return_user_id = self.tech2
        action = wizard.save().action_create_returns_all()
        ret = self.env["stock.picking"].browse(action["res_id"])
        self.assertEqual(ret.return_id, delivery)
        self.assertEqual(ret.aftersales_return_department_id, logistics)
        self.assertEqual(ret.aftersales_return_user_id, self.tech2)
        complaint = self._register(ret)
        self.assertEqual(complaint.channel, "return")
        self.assertEqual(complaint.return_picking_id, ret)
        self.assertEqual(complaint.product_id, product)
        self.assertEqual(complaint.technician_id, self.tech2, "counts in their performance")
        self.assertEqual(complaint.target_department_id, logistics)
        self.assertEqual(complaint.description, "Crushed in transport.")
        self.assertEqual(ret.complaint_count, 1)
        storekeeper = make_user(self.env, login="as_cpl_store", groups="stock.group_stock_user")
        self.assertEqual(ret.with_user(storekeeper).complaint_count, 0, "no after-sales role")

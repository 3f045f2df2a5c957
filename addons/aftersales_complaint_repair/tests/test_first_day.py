# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

from .common import RepairComplaintFixtures


@tagged("post_install", "-at_install")
class TestFirstDay(RepairComplaintFixtures, TransactionCase):
    """Issue 15: what stopped the service desk on its first day. A complaint
    registered with only a serial number (C1, W9: the serial names the
    product); a new caller registered on the service request and the
    complaint by the desk itself (X2, X1: the request is numbered)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_repair_complaint_fixtures()

    def _complaint_vals(self, **vals):
        return {
            "partner_id": self.customer.id,
            "channel": "phone",
            "category_id": self.defect.id,
            "description": "Noisy since the repair.",
            "customer_demand": "A quiet unit.",
            **vals,
        }

    def test_complaint_with_only_a_serial_takes_its_product(self):
        lot = self.lots[0]
        complaint = self.Complaint.with_user(self.desk).create(self._complaint_vals(lot_id=lot.id))
        self.assertEqual(complaint.lot_id, lot)
        self.assertEqual(complaint.product_id, lot.product_id, "the serial names the product")

    def test_serial_written_later_fills_the_missing_product(self):
        complaint = self.Complaint.with_user(self.desk).create(self._complaint_vals())
        self.assertFalse(complaint.product_id)
        complaint.write({"lot_id": self.lots[1].id})
        self.assertEqual(complaint.product_id, self.lots[1].product_id)

    def test_serial_in_the_form_fills_the_product(self):
        form = Form(self.Complaint.with_user(self.desk))
        form.partner_id = self.customer
        form.category_id = self.defect
        form.description = "Noisy."
        form.customer_demand = "A quiet unit."
        form.lot_id = self.lots[0]
        self.assertEqual(form.product_id, self.product)
        self.assertEqual(form.save().product_id, self.product)

    def test_serial_of_another_product_is_refused_with_both_products(self):
        other = self.env["product.product"].create({"name": "Dehumidifier", "type": "consu"})
        with self.assertRaises(ValidationError) as caught:
            self.Complaint.create(self._complaint_vals(product_id=other.id, lot_id=self.lots[0].id))
        message = str(caught.exception)
        self.assertIn(self.lots[0].name, message)
        self.assertIn(self.product.display_name, message, "names the serial's product")
        self.assertIn("Dehumidifier", message)
        self.assertNotIn("False", message)

    def test_desk_registers_a_new_caller_on_the_request_and_complaint(self):
        """X2: the desk creates the caller from the Customer field (quick
        create, as the many2one's Create does) and registers the call."""
        Partner = self.env["res.partner"].with_user(self.desk)
        caller_id, _name = Partner.name_create("First-time caller")
        caller = Partner.browse(caller_id)
        caller.write({"phone": "+86 571 8800 9999", "street": "2 Lake Road"})
        form = Form(self.env["aftersales.service.request"].with_user(self.desk))
        form.partner_id = caller
        form.zone_id = self.zone
        form.lot_id = self.new_lot()
        form.fault_description = "No power"
        request = form.save()
        self.assertEqual(request.partner_id, caller)
        self.assertTrue(request.name.startswith("SR/"), "X1: numbered")
        # the complaint's Customer field: the supervisor registers one too
        caller2 = (
            self.env["res.partner"]
            .with_user(self.supervisor)
            .create({"name": "Second-time caller", "phone": "+86 571 8800 7777"})
        )
        complaint_form = Form(self.Complaint.with_user(self.supervisor))
        complaint_form.partner_id = caller2
        complaint_form.category_id = self.defect
        complaint_form.description = "Late."
        complaint_form.customer_demand = "An apology."
        self.assertEqual(complaint_form.save().partner_id, caller2)

    def test_empty_registers_say_what_they_are_for(self):
        """Issue 15: the Returns and Exchanges register, the Dispatch Board
        and the Complaint Board have their own empty-state help; the returns
        register shows neither Inventory's help nor sample transfers."""
        for xmlid in (
            "aftersales_complaint_repair.action_aftersales_returns",
            "aftersales_repair.action_dispatch_board",
            "aftersales_complaint.action_complaint_dashboard",
        ):
            with self.subTest(action=xmlid):
                self.assertIn("o_view_nocontent_smiling_face", self.env.ref(xmlid).help)
        action = self.env.ref("aftersales_complaint_repair.action_aftersales_returns")
        context = safe_eval(action.context)
        Picking = self.env["stock.picking"].with_user(self.manager)
        shown = Picking.with_context(**context).get_empty_list_help(action.help)
        self.assertIn("No customer returns or exchanges yet", shown)
        self.assertNotIn("barcode", shown)
        self.assertIn(
            "barcode", Picking.get_empty_list_help(action.help), "Inventory keeps its own"
        )
        view = Picking.get_views([(action.view_id.id, "list")])["views"]["list"]
        self.assertIn('sample="0"', view["arch"])

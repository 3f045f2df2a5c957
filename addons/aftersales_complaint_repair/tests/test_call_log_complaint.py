# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.role_matrix_case import RoleMatrixCase

from .common import RepairComplaintFixtures

NOW = datetime(2026, 11, 30, 23, 30)


@tagged("post_install", "-at_install")
class TestCallLogComplaint(RepairComplaintFixtures, TransactionCase):
    """I5: a complaint call becomes a complaint, prefilled, once; a call is
    converted into a request or a complaint, never both."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_repair_complaint_fixtures()
        cls.customer.phone = "+86 139-2222-3333"
        cls.customer.aftersales_zone_id = cls.zone
        cls.Call = cls.env["aftersales.call.log"]

    def _call(self):
        return self.Call.create(
            [
                {
                    "user_id": self.desk.id,
                    "caller_phone": "13922223333",
                    "call_type": "complaint",
                    "question": "The technician came two days late.",
                    "date_received": NOW,
                }
            ]
        )

    def test_i5_call_becomes_prefilled_complaint_once(self):
        call = self._call()
        self.assertEqual(call.partner_id, self.customer)
        action = call.with_user(self.desk).action_create_complaint()
        complaint = self.env["aftersales.complaint"].browse(action["res_id"])
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.description, "The technician came two days late.")
        self.assertEqual(complaint.channel, "phone")
        self.assertEqual(complaint.date_received, NOW)
        self.assertEqual(complaint.category_id, self.env.ref("aftersales_complaint.categ_service"))
        self.assertEqual(complaint.call_log_id, call)
        self.assertEqual((call.state, call.complaint_id), ("converted", complaint))
        with self.assertRaisesRegex(UserError, "converted once"):
            call.with_user(self.desk).action_create_complaint()
        with self.assertRaisesRegex(UserError, "converted once"):
            call.with_user(self.desk).action_create_request()
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            complaint.with_user(self.manager).write({"call_log_id": False})

    def test_i5_request_first_then_no_complaint(self):
        call = self._call()
        call.with_user(self.desk).action_create_request()
        with self.assertRaisesRegex(UserError, "converted once"):
            call.with_user(self.desk).action_create_complaint()
        self.assertFalse(call.complaint_id)

    def test_i5_unknown_caller_is_found_first(self):
        call = self._call()
        call.partner_id = False
        with self.assertRaisesRegex(UserError, "Find the caller"):
            call.with_user(self.desk).action_create_complaint()
        self.assertEqual(call.state, "open")

    def test_i5_technician_cannot_convert(self):
        call = self._call()
        with self.assertRaises(AccessError):
            call.with_user(self.tech).action_create_complaint()


@tagged("post_install", "-at_install")
class TestCallLogComplaintMatrix(RoleMatrixCase):
    """X2: turning a call into a complaint is the desk's (and above)."""

    def test_actions(self):
        self.check_actions("aftersales_complaint_repair")

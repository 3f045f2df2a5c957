# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from psycopg2.errors import CheckViolation

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import SIGNATURE, ServiceFixtures


@tagged("post_install", "-at_install")
class TestVisit(ServiceFixtures, TransactionCase):
    """S5, S6, S16: arrival, checklist, diagnosis, signature, closing;
    W3, W4: liability and cost split in the service record (S11)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()

    def _dispatched(self, **vals):
        request = self.make_request(call=datetime(2026, 11, 1), **vals)
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        return request

    def test_arrival_measures_sla_and_opens_checklist(self):
        request = self._dispatched()
        request.with_user(self.tech).action_arrive()
        self.assertEqual(request.state, "on_site")
        self.assertTrue(request.date_arrival)
        conduct = self.env["aftersales.conduct.item"].search([("kind", "=", "conduct")])
        self.assertEqual(request.conduct_check_ids.item_id, conduct, "S16: the seven ones")
        installation = self._dispatched(
            lot=self.new_lot(),
            request_type_id=self.env.ref("aftersales_repair.request_type_installation").id,
        )
        installation.with_user(self.tech).action_arrive()
        self.assertIn("safety", installation.conduct_check_ids.mapped("kind"))

    def test_visit_before_call_refused(self):
        request = self._dispatched()
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation):
            request._write_process({"date_arrival": datetime(2026, 10, 31)})
            request.flush_recordset()

    def test_other_technician_cannot_record_visit(self):
        request = self._dispatched()
        with self.assertRaises(UserError):
            request.with_user(self.tech2).action_arrive()

    def test_closing_needs_diagnosis_and_signature(self):
        request = self._dispatched()
        tech_request = request.with_user(self.tech)
        tech_request.action_arrive()
        with self.assertRaisesRegex(UserError, "diagnosis"):
            tech_request.action_close_on_site()
        tech_request.diagnosis = "Refrigerant leak at the flare nut; tightened and refilled."
        with self.assertRaisesRegex(UserError, "must sign"):
            tech_request.action_close_on_site()
        self.assertEqual(request.state, "on_site", "nothing half-written")
        tech_request.write({"customer_signature": SIGNATURE, "signed_by": "Li Ming"})
        tech_request.action_close_on_site()
        self.assertEqual(request.state, "done")
        self.assertTrue(request.date_done)
        vouchers = [("res_model", "=", request._name), ("res_id", "=", request.id)]
        self.assertFalse(
            self.env["ir.attachment"].search(vouchers), "issue 12: not rendered in the click"
        )
        self.assertTrue(request.voucher_to_file)
        request._cron_file_vouchers()
        voucher = self.env["ir.attachment"].search(vouchers)
        self.assertEqual(len(voucher), 1, "S6: the signed voucher is filed by the job")
        self.assertFalse(request.voucher_to_file)
        line = self.certificate.service_ids
        self.assertEqual(line.reference, request.name, "S11: in the service record")
        self.assertIn("flare nut", line.description)

    def test_liability_decides_who_pays(self):
        request = self._dispatched()
        request.with_user(self.tech).action_arrive()
        request.with_user(self.tech).write({"liability": "misuse"})
        self.assertEqual((request.cost_split, request.customer_share), ("customer", 100.0))
        request.with_user(self.tech).write({"liability": "workmanship"})
        self.assertEqual((request.cost_split, request.customer_share), ("company", 0.0))
        request.with_user(self.tech).write({"cost_split": "shared", "customer_share": 30})
        request.with_user(self.tech).write(
            {"diagnosis": "Fan motor", "customer_signature": SIGNATURE}
        )
        request.with_user(self.tech).action_close_on_site()
        text = self.certificate.service_ids.description
        self.assertIn("Our workmanship", text)
        self.assertIn("30 %", text, "W4: the split is in the service record")

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rules that hold (X6, X2; issue 12): a request's, a receipt's and a
repair card's steps change only through their transition methods, whoever
calls write(), create(), load() or passes an old context key."""

import base64
import re
from datetime import date, datetime, timedelta

import psycopg2.errors
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import file_open, mute_logger

from odoo.addons.aftersales_base.tests.common import make_user

from .common import SIGNATURE, ServiceFixtures

OLD_KEYS = {"aftersales_dispatch_ok": True, "aftersales_reassign": True}
with file_open("aftersales_repair/demo/customer_signature.png", "rb") as png:
    FORGED = base64.b64encode(png.read())
TEXT_FILE = base64.b64encode(b"I, the desk, signed for the customer.\n")
NOW = datetime(2026, 11, 24, 2, 0)  # Tuesday 10:00 in China


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestProcessRules(ServiceFixtures, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        cls.Request = cls.env["aftersales.service.request"]
        cls.accountant = make_user(
            cls.env, login="as_rules_accountant", groups="account.group_account_invoice"
        )
        cls.loose_supervisor = make_user(cls.env, "supervisor", login="as_rules_no_zone")

    def _new(self, **vals):
        return self.make_request(lot=self.new_lot(), call=datetime(2026, 11, 23, 1, 0), **vals)

    def _dispatched(self, **vals):
        request = self._new(**vals)
        self.assertIs(request.with_user(self.supervisor).action_assign(self.tech), True)
        return request

    def _on_site(self):
        request = self._dispatched()
        self.assertIs(request.with_user(self.tech).action_arrive(), True)
        return request

    def _done(self):
        request = self._on_site()
        as_tech = request.with_user(self.tech)
        as_tech.write({"diagnosis": "Fixed", "customer_signature": SIGNATURE, "signed_by": "Li"})
        self.assertIs(as_tech.action_close_on_site(), True)
        return request

    def assertLoadRefused(self, records, fields, rows, message_part):
        result = records.load(fields, rows)
        self.assertFalse(result["ids"], "X6: the import writes nothing")
        messages = " ".join(m["message"] for m in result["messages"])
        self.assertIn(message_part, messages)

    # 1. state -----------------------------------------------------------------
    def test_state_only_through_steps(self):
        """X6: the desk cannot close a new call by write, create, import or
        an old context key."""
        request = self._new()
        desk = request.with_user(self.desk)
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            desk.write({"state": "done"})
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            desk.with_context(**OLD_KEYS).write({"state": "done", "date_done": NOW})
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            self.Request.with_user(self.desk).create(
                {
                    "partner_id": self.customer.id,
                    "zone_id": self.zone.id,
                    "fault_description": "x",
                    "state": "done",
                }
            )
        self.assertLoadRefused(
            self.Request.with_user(self.desk),
            [".id", "state"],
            [[str(request.id), "done"]],
            "change only through its steps",
        )
        self.assertEqual(request.state, "to_dispatch")
        copy = request.with_user(self.desk).copy()
        self.assertEqual(copy.state, "to_dispatch", "a copy starts at the first step")
        self.assertNotEqual(copy.name, request.name)

    def test_approval_type_starts_waiting(self):
        """S14: a caller cannot skip the approval by giving the default state."""
        project = self.env.ref("aftersales_repair.request_type_project")
        request = self.Request.with_user(self.desk).create(
            {
                "partner_id": self.customer.id,
                "zone_id": self.zone.id,
                "fault_description": "Project",
                "request_type_id": project.id,
                "state": "to_dispatch",
            }
        )
        self.assertEqual(request.state, "to_approve")
        with self.assertRaises(AccessError):
            request.with_user(self.loose_supervisor).action_approve()
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            request.with_user(self.supervisor).write({"state": "to_dispatch"})
        self.assertIs(request.with_user(self.supervisor).action_approve(), True)
        self.assertEqual(request.state, "to_dispatch")

    # 2. discount --------------------------------------------------------------
    def test_discount_approved_only_by_manager(self):
        """S10, X6: the technician cannot approve his own discount."""
        request = self._done()
        as_tech = request.with_user(self.tech)
        as_tech.write({"discount": 30.0, "discount_reason": "friend"})
        self.assertEqual(request.discount_state, "to_approve")
        for keys in ({}, OLD_KEYS):
            with self.assertRaisesRegex(UserError, "change only through its steps"):
                as_tech.with_context(**keys).write(
                    {"discount_state": "approved", "discount_approved_by_id": self.tech.id}
                )
        self.assertLoadRefused(
            self.Request.with_user(self.tech),
            [".id", "discount_state"],
            [[str(request.id), "approved"]],
            "change only through its steps",
        )
        with self.assertRaises(AccessError):
            as_tech.action_approve_discount()
        self.assertEqual(request.discount_state, "to_approve")
        self.assertIs(request.with_user(self.manager).action_approve_discount(), True)
        self.assertEqual(
            (request.discount_state, request.discount_approved_by_id), ("approved", self.manager)
        )

    # 3. dispatch --------------------------------------------------------------
    def test_dispatch_by_the_zone_supervisor_or_a_manager(self):
        """S3, X6: a supervisor dispatches the jobs of his zones only; a
        manager any; a context key grants nothing."""
        request = self._new()
        for user in (self.loose_supervisor, self.desk, self.tech):
            for keys in ({}, OLD_KEYS):
                with self.assertRaises(AccessError, msg=user.login):
                    request.with_user(user).with_context(**keys).write({"user_id": self.tech.id})
        with self.assertRaises(AccessError):
            request.with_user(self.loose_supervisor).action_assign(self.tech)
        with self.assertRaises(AccessError):
            self.Request.with_user(self.desk).create(
                {
                    "partner_id": self.customer.id,
                    "zone_id": self.zone.id,
                    "fault_description": "dispatched at birth",
                    "user_id": self.tech.id,
                }
            )
        self.assertFalse(request.user_id)
        self.assertEqual(request.state, "to_dispatch")
        request.with_user(self.manager).write({"user_id": self.tech.id})
        self.assertEqual((request.state, request.user_id), ("dispatched", self.tech))
        self.assertEqual(request.date_dispatched, NOW)
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            request.with_user(self.supervisor).write({"date_dispatched": NOW - timedelta(1)})

    def test_reassign_only_explicitly(self):
        """S3: an old context key does not turn a write into a reassignment."""
        request = self._dispatched()
        for keys in ({}, OLD_KEYS):
            with self.assertRaisesRegex(UserError, "already dispatched to"):
                request.with_user(self.supervisor).with_context(**keys).write(
                    {"user_id": self.tech2.id}
                )
        self.assertEqual(request.user_id, self.tech)
        wizard = (
            self.env["aftersales.reassign"]
            .with_user(self.loose_supervisor)
            .create({"request_id": request.id, "user_id": self.tech2.id, "reason": "ill"})
        )
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        self.assertEqual(request.user_id, self.tech)

    # 4. concurrency -----------------------------------------------------------
    def test_write_never_mutates_vals_and_second_assignment_refused(self):
        """Odoo retries a write after a serialization failure with the same
        dict: it must still hold the technician (issue 12)."""
        request = self._new()
        vals = {"user_id": self.tech.id, "priority": "1"}
        request.with_user(self.supervisor).write(vals)
        self.assertEqual(vals, {"user_id": self.tech.id, "priority": "1"})
        with self.assertRaisesRegex(
            UserError, re.escape(f"already dispatched to {self.tech.name}")
        ):
            request.with_user(self.supervisor).write(vals)
        self.assertEqual(vals, {"user_id": self.tech.id, "priority": "1"})
        self.assertEqual(request.user_id, self.tech)
        create_vals = {
            "partner_id": self.customer.id,
            "zone_id": self.zone.id,
            "fault_description": "vals",
            "user_id": self.tech.id,
        }
        self.Request.with_user(self.supervisor).create([create_vals])
        self.assertIn("user_id", create_vals)

    # 5. cancel ----------------------------------------------------------------
    def test_cancel_roles(self):
        """X6: the desk or a supervisor before dispatch, the supervisor
        after; never the technician."""
        request = self._dispatched()
        with self.assertRaises(AccessError):
            request.with_user(self.tech).action_cancel()
        with self.assertRaises(AccessError):
            request.with_user(self.desk).action_cancel()
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            request.with_user(self.tech).write({"state": "cancelled"})
        self.assertEqual(request.state, "dispatched")
        self.assertIs(request.with_user(self.supervisor).action_cancel(), True)
        self.assertEqual(request.state, "cancelled")
        fresh = self._new()
        # a record created in the transaction is not tracked: commit its creation
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertIs(fresh.with_user(self.desk).action_cancel(), True)
        self.assertEqual(fresh.state, "cancelled")
        self.env.flush_all()
        self.env.cr.precommit.run()  # the chatter's tracking is written at commit
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", fresh._name),
                ("mail_message_id.res_id", "=", fresh.id),
                ("field_id.name", "=", "state"),
            ]
        )
        self.assertTrue(tracked, "the change of step is in the chatter")

    # 6. arrival ---------------------------------------------------------------
    def test_arrival_only_by_arriving(self):
        """S4, X6: the technician cannot move his arrival time."""
        request = self._on_site()
        self.assertEqual(request.date_arrival, NOW)
        as_tech = request.with_user(self.tech)
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            as_tech.write({"date_arrival": NOW - timedelta(hours=20)})
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            as_tech.with_context(**OLD_KEYS).write({"date_arrival": NOW - timedelta(hours=20)})
        self.assertLoadRefused(
            self.Request.with_user(self.tech),
            [".id", "date_arrival"],
            [[str(request.id), "2026-11-23 02:00:00"]],
            "change only through its steps",
        )
        self.assertEqual(request.date_arrival, NOW)
        with self.assertRaisesRegex(UserError, "Only a dispatched"):
            as_tech.action_arrive()

    # 7. signatures ------------------------------------------------------------
    def test_signature_only_on_site_and_an_image(self):
        """S6, X6: the signature is taken on site by the job's technician,
        as an image; it cannot be replaced on a closed job."""
        request = self._on_site()
        as_tech = request.with_user(self.tech)
        with self.assertRaisesRegex(ValidationError, "must be an image"):
            as_tech.write({"customer_signature": TEXT_FILE})
        with self.assertRaises(AccessError):
            request.with_user(self.desk).write({"customer_signature": SIGNATURE})
        as_tech.write({"diagnosis": "ok", "customer_signature": SIGNATURE, "signed_by": "Li"})
        self.assertEqual(request.date_signed, NOW)
        as_tech.action_close_on_site()
        signature = request.customer_signature
        for user in (self.desk, self.tech, self.manager):
            for vals in (
                {"customer_signature": FORGED},
                {"signed_by": "Somebody else"},
            ):
                with self.assertRaisesRegex(UserError, "cannot be changed now"):
                    request.with_user(user).with_context(**OLD_KEYS).write(vals)
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            request.with_user(self.desk).write({"date_signed": NOW})
        self.assertLoadRefused(
            self.Request.with_user(self.desk),
            [".id", "signed_by"],
            [[str(request.id), "Somebody else"]],
            "cannot be changed now",
        )
        self.assertEqual((request.customer_signature, request.signed_by), (signature, "Li"))

    def test_receipt_signatures_are_images(self):
        """S7, S8: the intake and return signatures are images too."""
        request = self._on_site()
        wizard = (
            self.env["aftersales.carry.in"]
            .with_user(self.tech)
            .create(
                {
                    "request_id": request.id,
                    "date_promised": date(2026, 11, 30),
                    "intake_signature": TEXT_FILE,
                }
            )
        )
        with self.assertRaisesRegex(ValidationError, "must be an image"):
            wizard.action_confirm()
        self.assertEqual(request.state, "on_site")
        self.assertFalse(request.receipt_id)

    # 8. numbers ---------------------------------------------------------------
    def test_number_is_the_sequence_s(self):
        """X1: a caller cannot register a request under an existing number,
        nor renumber one."""
        request = self._new()
        other = self.Request.with_user(self.desk).create(
            {
                "partner_id": self.customer.id,
                "zone_id": self.zone.id,
                "fault_description": "same number?",
                "name": request.name,
            }
        )
        self.assertNotEqual(other.name, request.name)
        self.assertTrue(other.name.startswith("SR/"))
        with self.assertRaisesRegex(UserError, "never changes"):
            other.with_user(self.desk).write({"name": request.name})
        result = self.Request.with_user(self.desk).load(
            ["partner_id/.id", "zone_id/.id", "fault_description", "name"],
            [[str(self.customer.id), str(self.zone.id), "imported", request.name]],
        )
        imported = self.Request.browse(result["ids"])
        self.assertEqual(len(imported), 1, result["messages"])
        self.assertNotEqual(imported.name, request.name, "an import is numbered too")
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.errors.UniqueViolation):
            self.env.cr.execute(
                "UPDATE aftersales_service_request SET name = %s WHERE id = %s",
                (request.name, other.id),
            )

    # 9. planned-visit mail ----------------------------------------------------
    def test_notify_planned_visit_needs_write_access_and_role(self):
        """S2, X2: the read-only accountant and another technician cannot
        mail the customer."""
        request = self._dispatched(date_planned=datetime(2026, 11, 25, 2, 0))
        with self.assertRaises(AccessError):
            request.with_user(self.accountant).action_notify_planned_visit()
        with self.assertRaises(AccessError):
            request.with_user(self.tech2).action_notify_planned_visit()
        count = len(request.message_ids)
        self.assertIs(request.with_user(self.desk).action_notify_planned_visit(), True)
        self.assertIs(request.with_user(self.tech).action_notify_planned_visit(), True)
        self.assertEqual(len(request.message_ids), count + 2)

    # 10. planned before the call ----------------------------------------------
    def test_planned_visit_not_before_call(self):
        """S2: a visit cannot be planned before the call."""
        with self.assertRaisesRegex(ValidationError, "cannot be before the call"):
            self._new(date_planned=datetime(2026, 11, 22, 1, 0))
        request = self._new()
        with self.assertRaisesRegex(ValidationError, "cannot be before the call"):
            request.with_user(self.desk).write({"date_planned": datetime(2026, 11, 23, 0, 59)})
        request.with_user(self.desk).write({"date_planned": datetime(2026, 11, 23, 1, 0)})

    # 11. inspection -----------------------------------------------------------
    def test_inspection_only_by_the_supervisor_s_step(self):
        """S8, X6: a technician cannot record the supervisor's inspection."""
        repair_tech = make_user(
            self.env, "technician", login="as_rules_repair_tech", groups="stock.group_stock_user"
        )
        repair = self.env["repair.order"].create(
            {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "user_id": repair_tech.id,  # his own repair (X2: technicians see their own)
            }
        )
        as_tech = repair.with_user(repair_tech)
        for keys in ({}, OLD_KEYS):
            with self.assertRaisesRegex(UserError, "change only through its steps"):
                as_tech.with_context(**keys).write(
                    {
                        "aftersales_inspected_by_id": self.supervisor.id,
                        "aftersales_date_inspected": NOW,
                    }
                )
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            self.env["repair.order"].with_user(repair_tech).create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "aftersales_inspected_by_id": self.supervisor.id,
                }
            )
        self.assertLoadRefused(
            self.env["repair.order"].with_user(repair_tech),
            [".id", "aftersales_inspected_by_id/.id"],
            [[str(repair.id), str(self.supervisor.id)]],
            "change only through its steps",
        )
        with self.assertRaises(AccessError):
            as_tech.action_aftersales_inspect()
        self.assertFalse(repair.aftersales_inspected_by_id)
        # Odoo's own repair fields are untouched by the rule
        as_tech.write({"internal_notes": "bench test"})

    def test_receipt_state_only_through_return(self):
        """S8, X6: a receipt is voided only by giving the product back."""
        request = self._on_site()
        self.env["aftersales.carry.in"].with_user(self.tech).create(
            {
                "request_id": request.id,
                "date_promised": date(2026, 11, 30),
                "intake_signature": SIGNATURE,
            }
        ).action_confirm()
        receipt = request.receipt_id
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            receipt.with_user(self.manager).write({"state": "returned"})
        self.assertLoadRefused(
            self.env["aftersales.goods.receipt"].with_user(self.manager),
            [".id", "state"],
            [[str(receipt.id), "returned"]],
            "change only through its steps",
        )
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            request.with_user(self.desk).write({"repair_id": False})
        self.assertEqual(receipt.state, "in")

    # 12. long text and PDFs ---------------------------------------------------
    def test_free_text_is_bounded(self):
        """Issue 12: free text printed on the voucher has a limit."""
        with self.assertRaisesRegex(ValidationError, "Fault Description.*4000"):
            self._new(fault_description="x" * 4001)
        request = self._on_site()
        with self.assertRaisesRegex(ValidationError, "Diagnosis.*4000"):
            request.with_user(self.tech).write({"diagnosis": "y" * 4001})
        request.with_user(self.tech).write({"diagnosis": "y" * 4000})

    def test_voucher_filed_by_the_job_after_closing(self):
        """S6: closing does not render the PDF; the filing job files it."""
        request = self._done()
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertFalse(attachments, "not rendered during the click")
        self.assertTrue(request.voucher_to_file)
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            request.with_user(self.tech).write({"voucher_to_file": False})
        cron = self.env.ref("aftersales_repair.ir_cron_file_vouchers")
        cron.ir_actions_server_id.run()
        voucher = self.env["ir.attachment"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertEqual(len(voucher), 1, "S6: the signed voucher is filed")
        self.assertFalse(request.voucher_to_file)
        cron.ir_actions_server_id.run()
        self.assertEqual(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", request._name), ("res_id", "=", request.id)]
            ),
            1,
            "filed once",
        )

    # 13. public methods return a value ----------------------------------------
    def test_handover_and_workshop_steps_return_values(self):
        """X6: every public method returns True or an action."""
        request = self._on_site()
        as_tech = request.with_user(self.tech)
        as_tech.write({"handover_user_id": self.tech2.id})
        self.assertIs(as_tech.action_request_handover(), True)
        self.assertIs(request.with_user(self.supervisor).action_approve_handover(), True)
        self.assertEqual((request.user_id, request.state), (self.tech2, "on_site"))
        as_tech2 = request.with_user(self.tech2)
        self.assertEqual(as_tech2.action_carry_in()["res_model"], "aftersales.carry.in")
        action = (
            self.env["aftersales.carry.in"]
            .with_user(self.tech2)
            .create(
                {
                    "request_id": request.id,
                    "date_promised": date(2026, 11, 30),
                    "intake_signature": SIGNATURE,
                }
            )
            .action_confirm()
        )
        self.assertEqual(action["res_model"], "repair.order")
        self.assertEqual(request.state, "in_repair")
        repair = request.repair_id
        repair.action_validate()
        repair.action_repair_start()
        self.env["aftersales.repair.time"].with_user(self.tech2).create(
            {"repair_id": repair.id, "hours": 1.0, "description": "Bench work"}
        )
        repair.action_repair_end()
        self.assertIs(repair.with_user(self.supervisor).action_aftersales_inspect(), True)
        self.assertEqual(
            repair.action_aftersales_return()["res_model"], "aftersales.return.product"
        )
        wizard = (
            self.env["aftersales.return.product"]
            .with_user(self.desk)
            .create({"repair_id": repair.id, "return_signature": SIGNATURE, "signed_by": "Li"})
        )
        self.assertIs(wizard.action_confirm(), True)
        self.assertEqual(request.state, "done")
        self.assertEqual(request.receipt_id.state, "returned")
        self.assertTrue(request.voucher_to_file)

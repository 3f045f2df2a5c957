# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_role_users, make_user
from odoo.addons.aftersales_base.tests.process_bypass import ProcessBypassAsserts

from .common import WarrantyFixtures


@tagged("post_install", "-at_install")
class TestWarrantyProcessRules(ProcessBypassAsserts, WarrantyFixtures, TransactionCase):
    """X6, X2: certificates, contracts, inspections and part substitutes
    change state only through their one transition, which checks the step
    and the role; write(), create(), copy() and import cannot do it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        cls.users = make_role_users(cls.env)
        cls.salesman = make_user(
            cls.env,
            login="as_pr_sales",
            groups="sales_team.group_sale_salesman,stock.group_stock_user",
        )
        cls.Certificate = cls.env["aftersales.warranty.certificate"]
        cls.Contract = cls.env["aftersales.maintenance.contract"]

    def _cert_vals(self, lot):
        return {
            "partner_id": self.customer.id,
            "product_id": lot.product_id.id,
            "lot_id": lot.id,
            "date_start": date(2026, 1, 1),
        }

    def _contract_vals(self):
        return {
            "partner_id": self.customer.id,
            "date_start": date(2026, 1, 1),
            "date_end": date(2026, 12, 31),
            "fee": 1200.0,
            "lot_ids": [Command.set(self.lots[:1].ids)],
        }

    # Certificates (W2) -----------------------------------------------------

    def test_x6_certificate_state_not_written_around_its_steps(self):
        manager = self.users["manager"]
        draft = self.Certificate.with_user(manager).create(self._cert_vals(self.lots[0]))
        self.assertStepsGuarded(draft, manager, {"state": "active"}, self._cert_vals(self.lots[1]))
        active = self.make_certificate(self.lots[2], date(2026, 1, 1))
        for state in ("draft", "expired", "void"):
            with self.assertRaisesRegex(UserError, "change only through its steps"):
                active.with_user(manager).write({"state": state})
        self.assertEqual(active.state, "active")

    def test_x6_certificate_void_and_reset_are_the_managers(self):
        cert = self.make_certificate(self.lots[0], date(2026, 1, 1))
        self.flush_tracking()
        for role in ("desk", "technician", "supervisor"):
            with self.assertRaises(AccessError, msg=f"X6: a {role} does not void"):
                cert.with_user(self.users[role]).action_void()
        self.assertIs(cert.with_user(self.users["manager"]).action_void(), True)
        self.assertEqual(cert.state, "void")
        self.flush_tracking()
        with self.assertRaises(AccessError):
            cert.with_user(self.users["supervisor"]).action_reset_draft()
        with self.assertRaisesRegex(UserError, "cannot be done now"):
            cert.with_user(self.users["manager"]).action_activate()
        self.assertIs(cert.with_user(self.users["manager"]).action_reset_draft(), True)
        self.flush_tracking()
        self.assertIs(cert.with_user(self.users["manager"]).action_activate(), True)
        self.assertEqual(cert.state, "active")
        self.flush_tracking()
        tracked = cert.message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        self.assertEqual(
            tracked.sorted("id")[-3:].mapped("new_value_char"),
            ["Void", "Draft", "Active"],
            "X6: every state change is in the chatter",
        )

    def test_x6_certificate_expiry_goes_through_the_step(self):
        ended = self.make_certificate(self.lots[0], date(2020, 1, 1))
        self.assertTrue(ended.date_end < date(2026, 1, 1))
        with self.assertRaises(AccessError):
            ended.with_user(self.users["supervisor"])._set_state("expired")
        self.assertEqual(self.Certificate._expire_batch(date(2026, 1, 1), 10), 1)
        self.assertEqual(ended.state, "expired")
        with self.assertRaisesRegex(UserError, "cannot be done now"):
            ended._set_state("expired")

    # Contracts (W5, W6) ----------------------------------------------------

    def test_x6_contract_state_and_links_not_written_around_its_steps(self):
        contract = self.Contract.with_user(self.salesman).create(self._contract_vals())
        other = self.Contract.create(self._contract_vals())
        self.assertStepsGuarded(
            contract, self.salesman, {"state": "running"}, self._contract_vals()
        )
        for vals in (
            {"successor_id": other.id},
            {"predecessor_id": other.id},
            {"state": "cancelled"},
        ):
            with self.assertRaisesRegex(UserError, "change only through its steps"):
                contract.with_user(self.users["manager"]).write(vals)
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            contract.with_user(self.salesman).copy(default={"predecessor_id": other.id})
        self.assertEqual(contract.state, "draft")

    def test_x6_contract_steps_by_role(self):
        contract = self.Contract.create(self._contract_vals())
        for role in ("desk", "technician"):
            with self.assertRaises(AccessError):
                contract.with_user(self.users[role]).action_start()
        self.assertIs(contract.with_user(self.salesman).action_start(), True)
        self.assertEqual(contract.state, "running")
        self.assertTrue(contract.inspection_ids)
        # a running contract is the customer's: the manager cancels it
        with self.assertRaises(AccessError):
            contract.with_user(self.salesman).action_cancel()
        with self.assertRaises(AccessError, msg="the cron's steps are not a salesman's"):
            contract.with_user(self.salesman)._set_state("expiring")
        with self.assertRaisesRegex(UserError, "successor"):
            contract.with_user(self.salesman)._set_state("renewed")
        action = contract.with_user(self.salesman).action_renew()
        self.assertEqual(action["res_model"], contract._name)
        successor = contract.successor_id
        self.assertEqual((contract.state, successor.state), ("renewed", "draft"))
        self.assertEqual(successor.predecessor_id, contract)
        self.assertIs(successor.with_user(self.users["manager"]).action_cancel(), True)
        self.assertEqual(successor.state, "cancelled")

    def test_x6_contract_cancel_cancels_inspections_through_their_step(self):
        contract = self.Contract.create(self._contract_vals())
        contract.action_start()
        self.assertIs(contract.with_user(self.users["manager"]).action_cancel(), True)
        self.assertEqual(set(contract.inspection_ids.mapped("state")), {"cancelled"})
        with self.assertRaisesRegex(UserError, "cannot be cancelled"):
            contract.action_cancel()

    def test_x6_contract_cron_steps_go_through_the_transition(self):
        today = fields.Date.context_today(self.Contract)
        contract = self.Contract.create(
            dict(
                self._contract_vals(),
                date_start=today - timedelta(days=300),
                date_end=today + timedelta(days=5),
                inspections_per_year=0,
            )
        )
        contract.action_start()
        self.assertEqual(self.Contract._renewal_notice_batch(today, 10), 1)
        self.assertEqual(contract.state, "expiring")
        self.assertTrue(contract.renewal_lead_id)
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            contract.with_user(self.users["manager"]).write({"renewal_lead_id": False})
        self.assertEqual(self.Contract._expire_batch(today + timedelta(days=6), 10), 1)
        self.assertEqual(contract.state, "expired")

    # Inspections (W6) ------------------------------------------------------

    def test_x6_inspection_done_only_through_its_step(self):
        contract = self.Contract.create(self._contract_vals())
        contract.action_start()
        inspection = contract.inspection_ids[0]
        tech = self.users["technician"]
        self.assertStepsGuarded(
            inspection,
            tech,
            {"state": "done"},
            {"contract_id": contract.id, "date_planned": date(2026, 3, 1)},
            copy_user=self.users["manager"],
        )
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            inspection.with_user(tech).write({"date_done": date(2026, 3, 1)})
        inspection.with_user(tech).report = "<p>Filters cleaned</p>"
        with self.assertRaises(AccessError):
            inspection.with_user(self.salesman).action_done()
        with self.assertRaises(AccessError):
            inspection.with_user(tech)._set_state("cancelled")
        self.assertIs(inspection.with_user(tech).action_done(), True)
        self.assertEqual(inspection.state, "done")
        self.assertTrue(inspection.date_done)

    # Part substitutes (W7) -------------------------------------------------

    def test_x6_substitute_approval_only_through_its_step(self):
        part = self.env["product.product"].create({"name": "Fan F-1"})
        new_part = self.env["product.product"].create({"name": "Fan F-2"})
        manager = self.users["manager"]
        vals = {"product_tmpl_id": part.product_tmpl_id.id, "substitute_id": new_part.id}
        substitute = self.env["aftersales.part.substitute"].with_user(manager).create(vals)
        self.assertStepsGuarded(substitute, manager, {"state": "approved"}, vals)
        for field_vals in ({"approved_by_id": manager.id}, {"date_approved": date(2026, 1, 1)}):
            with self.assertRaisesRegex(UserError, "change only through its steps"):
                substitute.with_user(manager).write(field_vals)
        substitute.with_user(manager).test_report = base64.b64encode(b"%PDF-1.4 test")
        with self.assertRaises(AccessError):
            substitute.with_user(self.users["supervisor"]).action_approve()
        self.assertIs(substitute.with_user(manager).action_approve(), True)
        self.assertEqual((substitute.state, substitute.approved_by_id), ("approved", manager))
        self.assertIs(substitute.with_user(manager).action_reject(), True)
        self.assertEqual(substitute.state, "rejected")
        self.assertFalse(substitute.approved_by_id)
        with self.assertRaisesRegex(UserError, "cannot be done now"):
            substitute.with_user(manager).action_reject()

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_role_users

from .common import WarrantyFixtures


@tagged("post_install", "-at_install")
class TestCertificate(WarrantyFixtures, TransactionCase):
    """W2: warranty certificates, issued on delivery or by hand at acceptance."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        cls.users = make_role_users(cls.env)

    def test_numbered_dated_from_policy(self):
        cert = self.make_certificate(self.lots[0], date(2026, 3, 1))
        self.assertTrue(cert.name.startswith("WC/"), "X1: numbered by sequence")
        self.assertEqual(cert.policy_id, self.policy, "policy taken from the product")
        self.assertEqual(cert.date_end, date(2028, 2, 29))
        self.assertEqual(cert.state, "active")
        self.assertIn("<p>", cert.scope or "<p>", "scope copied from the policy")

    def _flush_tracking(self):
        """Tracking is written when the transaction commits; tests run it."""
        self.env.flush_all()
        self.env.cr.flush()

    def test_state_changes_are_tracked(self):
        cert = self.make_certificate(self.lots[0], date(2026, 3, 1), activate=False)
        self._flush_tracking()
        cert.action_activate()
        self._flush_tracking()
        cert.action_void()
        self._flush_tracking()
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", cert._name),
                ("mail_message_id.res_id", "=", cert.id),
                ("field_id.name", "=", "state"),
            ]
        )
        self.assertEqual(
            sorted(tracked.mapped("new_value_char")),
            ["Active", "Void"],
            "every state change is in the chatter",
        )

    def test_end_before_start_is_refused(self):
        with self.assertRaises(ValidationError) as refused:
            self.make_certificate(
                self.lots[0], date(2026, 3, 1), activate=False, date_end=date(2026, 2, 1)
            )
        self.assertIn("before it starts", str(refused.exception))
        self.assertFalse(
            self.env["aftersales.warranty.certificate"].search([("lot_id", "=", self.lots[0].id)]),
            "nothing half-written",
        )

    def test_second_active_certificate_for_serial_is_refused(self):
        first = self.make_certificate(self.lots[0], date(2026, 3, 1))
        second = self.make_certificate(self.lots[0], date(2026, 4, 1), activate=False)
        with self.assertRaisesRegex(ValidationError, first.name):
            second.action_activate()
        self.assertEqual(second.state, "draft")
        first.action_void()
        second.action_activate()
        self.assertEqual(second.state, "active")

    def test_two_active_in_one_batch_refused(self):
        certs = self.make_certificate(
            self.lots[0], date(2026, 3, 1), activate=False
        ) | self.make_certificate(self.lots[0], date(2026, 3, 2), activate=False)
        with self.assertRaises(ValidationError):
            certs.action_activate()
        self.assertEqual(set(certs.mapped("state")), {"draft"})

    def test_serial_of_another_product_refused(self):
        other = self.env["product.product"].create(
            {"name": "Other", "is_storable": True, "tracking": "serial"}
        )
        lot = self.env["stock.lot"].create({"name": "OTHER-1", "product_id": other.id})
        with self.assertRaisesRegex(ValidationError, "is not a serial of"):
            self.env["aftersales.warranty.certificate"].create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "lot_id": lot.id,
                    "policy_id": self.policy.id,
                }
            )

    def test_acceptance_issued_late_is_flagged(self):
        on_time = self.make_certificate(
            self.lots[0],
            date(2026, 3, 1),
            date_acceptance=date(2026, 3, 1),
            date_issued=date(2026, 3, 4),
        )
        late = self.make_certificate(
            self.lots[1],
            date(2026, 3, 1),
            date_acceptance=date(2026, 3, 1),
            date_issued=date(2026, 3, 5),
        )
        self.assertFalse(on_time.late_issue, "W2: three days after acceptance is in time")
        self.assertTrue(late.late_issue, "W2: later than three days is flagged")

    def test_issued_certificate_is_voided_not_deleted(self):
        cert = self.make_certificate(self.lots[0], date(2026, 3, 1))
        with self.assertRaisesRegex(UserError, "void it"):
            cert.unlink()
        draft = self.make_certificate(self.lots[1], date(2026, 3, 1), activate=False)
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_expiry_batch(self):
        old = self.make_certificate(self.lots[0], date(2020, 1, 1))
        current = self.make_certificate(self.lots[1], date.today())
        Certificate = self.env["aftersales.warranty.certificate"]
        self.assertEqual(Certificate._cron_expire_certificates(), 1)
        self.assertEqual((old.state, current.state), ("expired", "active"))
        self.assertIn("expired", old.message_ids[0].body)
        self.assertEqual(Certificate._cron_expire_certificates(), 0, "safe to run twice")

    def test_x4_cron_note_in_company_language(self):
        """X4: the expiry cron writes its note in the company's language
        (zh_CN), whatever the cron user's (en_US)."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env.company.partner_id.lang = "zh_CN"
        old = self.make_certificate(self.lots[0], date(2020, 1, 1))
        Certificate = self.env["aftersales.warranty.certificate"].with_context(lang="en_US")
        self.assertEqual(Certificate._cron_expire_certificates(), 1)
        self.assertIn("保修期已满", old.message_ids[0].body)

    def test_service_record_appended(self):
        cert = self.make_certificate(self.lots[0], date(2026, 3, 1))
        self.env["aftersales.warranty.service"].with_user(self.users["technician"]).create(
            {"certificate_id": cert.id, "description": "Cleaned filters"}
        )
        self.assertEqual(cert.service_ids.description, "Cleaned filters")
        self.assertEqual(self.lots[0].aftersales_service_ids, cert.service_ids, "S11")

    def test_desk_reads_manager_edits(self):
        cert = self.make_certificate(self.lots[0], date(2026, 3, 1))
        self.assertEqual(cert.with_user(self.users["desk"]).lot_id, self.lots[0])
        with self.assertRaises(AccessError):
            cert.with_user(self.users["desk"]).date_end = date(2030, 1, 1)
        with self.assertRaises(AccessError):
            cert.with_user(self.users["technician"]).action_void()
        cert.with_user(self.users["manager"]).date_end = date(2030, 1, 1)
        self.assertEqual(cert.date_end, date(2030, 1, 1))

    def test_form_computes_end_date(self):
        form = Form(self.env["aftersales.warranty.certificate"])
        form.partner_id = self.customer
        form.product_id = self.product
        form.lot_id = self.lots[2]
        form.date_start = date(2026, 1, 15)
        self.assertEqual(form.policy_id, self.policy)
        self.assertEqual(form.date_end, date(2028, 1, 14))
        self.assertEqual(form.save().state, "draft")


@tagged("post_install", "-at_install")
class TestCertificateOnDelivery(WarrantyFixtures, TransactionCase):
    """W2: validating a customer delivery issues the certificates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.untracked = cls.env["product.product"].create(
            {
                "name": "Test remote control",
                "is_storable": True,
                "aftersales_warranty_policy_id": cls.policy.id,
            }
        )
        cls.no_policy = cls.env["product.product"].create({"name": "Cable", "is_storable": True})
        stock = cls.warehouse.lot_stock_id
        Quant = cls.env["stock.quant"]
        for lot in cls.lots[:2]:
            Quant._update_available_quantity(cls.product, stock, 1, lot_id=lot)
        Quant._update_available_quantity(cls.untracked, stock, 5)
        Quant._update_available_quantity(cls.no_policy, stock, 5)

    def _deliver(self, lines):
        picking = self.env["stock.picking"].create(
            {
                "partner_id": self.customer.id,
                "picking_type_id": self.warehouse.out_type_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "location_id": self.warehouse.lot_stock_id.id,
                            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                        }
                    )
                    for product, qty in lines
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        return picking

    def test_one_certificate_per_serial_and_per_line(self):
        picking = self._deliver([(self.product, 2), (self.untracked, 3), (self.no_policy, 1)])
        certs = self.env["aftersales.warranty.certificate"].search(
            [("picking_id", "=", picking.id)]
        )
        serial_certs = certs.filtered("lot_id")
        self.assertEqual(serial_certs.lot_id, self.lots[:2], "one per serial")
        line_cert = certs - serial_certs
        self.assertEqual(line_cert.product_id, self.untracked, "one per delivery line")
        self.assertEqual(line_cert.quantity, 3)
        self.assertNotIn(self.no_policy, certs.product_id, "no policy, no certificate")
        self.assertEqual(set(certs.mapped("state")), {"active"})
        self.assertEqual(set(certs.mapped("issue_type")), {"delivery"})
        self.assertEqual(certs.partner_id, self.customer)
        self.assertIn(serial_certs[0].name, picking.message_ids[0].body)

    def test_serial_with_active_certificate_keeps_it(self):
        existing = self.make_certificate(self.lots[0], date(2026, 1, 1))
        existing |= self.make_certificate(self.lots[1], date(2026, 1, 1))
        picking = self._deliver([(self.product, 1)])
        self.assertFalse(
            self.env["aftersales.warranty.certificate"].search([("picking_id", "=", picking.id)]),
            "a serial redelivered under an active certificate gets no second one",
        )
        self.assertEqual(set(existing.mapped("state")), {"active"})

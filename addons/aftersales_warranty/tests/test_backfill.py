# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import load_language

from .common import WarrantyFixtures

# noon in China, the fixtures' company day, whatever the machine's zone
TODAY = datetime(2026, 12, 1, 4, 0)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestWarrantyBackfill(WarrantyFixtures, TransactionCase):
    """X1, W2 (issue 15): serials delivered before the warranty module or
    their policy existed get their certificates from the back-fill wizard,
    once; deliveries without policy are told; the coverage check does not
    call them Paid. Needs no demo data: runs in a database without it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        env = cls.env
        env.company.aftersales_service_manager_id = cls.manager
        cls.warehouse = env["stock.warehouse"].search(
            [("company_id", "=", env.company.id)], limit=1
        )
        cls.category = env["product.category"].create({"name": "Test compressors"})
        cls.compressor = env["product.product"].create(
            {
                "name": "Test compressor",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": cls.category.id,
            }
        )
        cls.other_category = env["product.category"].create({"name": "Test fans"})
        cls.fan = env["product.product"].create(
            {
                "name": "Test fan",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": cls.other_category.id,
            }
        )
        cls.serials = env["stock.lot"].create(
            [{"name": f"BF-SN-{i:02d}", "product_id": cls.compressor.id} for i in range(5)]
        )
        cls.fan_serial = env["stock.lot"].create({"name": "BF-FAN-01", "product_id": cls.fan.id})
        # deliveries made before any policy existed (history of the company)
        cls.old = cls._deliver(cls.serials[:2], datetime(2023, 3, 10, 4, 0))  # ended
        cls.mid = cls._deliver(cls.serials[2], datetime(2025, 6, 1, 4, 0))
        cls.recent = cls._deliver(cls.serials[3] | cls.fan_serial, datetime(2026, 11, 20, 4, 0))
        cls.policy_3y = env["aftersales.warranty.policy"].create(
            {"name": "Compressor three years", "period": 3, "period_unit": "year"}
        )

    @classmethod
    def _deliver(cls, lots, done_at=None):
        customers = cls.env.ref("stock.stock_location_customers")
        stock = cls.warehouse.lot_stock_id
        for lot in lots:  # only these serials in stock: the ones reserved
            cls.env["stock.quant"]._update_available_quantity(lot.product_id, stock, 1, lot_id=lot)
        picking = cls.env["stock.picking"].create(
            {
                "partner_id": cls.customer.id,
                "picking_type_id": cls.warehouse.out_type_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": lot.product_id.id,
                            "product_uom_qty": 1,
                            "location_id": stock.id,
                            "location_dest_id": customers.id,
                        }
                    )
                    for lot in lots
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        assert picking.move_line_ids.lot_id == lots, picking.move_line_ids.lot_id
        picking.move_ids.picked = True
        picking.button_validate()
        assert picking.state == "done", picking.state
        if done_at:
            picking.date_done = done_at
            picking.move_ids.write({"date": done_at})
            picking.move_line_ids.write({"date": done_at})
        return picking

    def _certificates(self):
        return self.env["aftersales.warranty.certificate"].search(
            [("lot_id", "in", (self.serials | self.fan_serial).ids)]
        )

    def _wizard(self, **vals):
        return (
            self.env["aftersales.warranty.backfill"]
            .with_user(self.manager)
            .create({"categ_ids": [Command.set(self.category.ids)], **vals})
        )

    def test_delivery_without_policy_is_told_once(self):
        """W2: a serial delivered without policy: one note and one activity
        for the service manager per delivery, naming the category and the
        back-fill wizard."""
        self.assertFalse(self._certificates(), "no policy, no certificate")
        note = self.recent.message_ids.filtered(
            lambda m: "No warranty certificate was issued" in (m.body or "")
        )
        self.assertEqual(len(note), 1, "once per delivery, not per line")
        self.assertIn("Test compressors", note.body)
        self.assertIn("Test fans", note.body)
        self.assertIn("Back-fill Warranty Certificates", note.body)
        activities = self.recent.activity_ids
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.manager)

    def test_x4_notice_in_company_language(self):
        """X4: the notice of a delivery without policy is written in the
        company's language (zh_CN), whoever validates it (en_US)."""
        load_language(self.env, ["aftersales_warranty"])
        self.env.company.partner_id.lang = "zh_CN"
        self.assertNotEqual(self.env.lang, "zh_CN")
        picking = self._deliver(self.serials[4])
        note = picking.message_ids.filtered(lambda m: "BF-SN-04" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn("未签发质保证书", note.body)
        self.assertNotIn("No warranty certificate was issued", note.body)

    def test_uncertified_serial_is_not_paid(self):
        """W8: a serial delivered within its policy's duration but never
        certified is under warranty by delivery date, not Paid; one whose
        warranty ended by then stays Paid."""
        self.category.aftersales_warranty_policy_id = self.policy_3y
        Coverage = self.env["aftersales.coverage"]
        mid, old = Coverage._lookup_many(
            [(self.serials[2], None, None, None), (self.serials[0], None, None, None)]
        )
        self.assertEqual(mid["category"], "free")
        self.assertIn("back-fill", mid["reason"])
        self.assertFalse(mid["certificate"])
        self.assertEqual(mid["until"], date(2028, 5, 31))
        self.assertEqual(old["category"], "paid", "delivered 2023-03-10, ended 2026-03-09")
        # a voided certificate is not overruled by the delivery date
        cert = self.make_certificate(self.serials[2], date(2025, 6, 1))
        cert.action_void()
        self.assertEqual(Coverage._lookup(lot=self.serials[2])["category"], "paid")

    def test_backfill_twice_issues_one_certificate_per_serial(self):
        """X1, W2: preview counts, then the certificates: from the delivery
        day, numbered in the delivery's year, ended ones expired, quietly,
        with one summary note; a second run issues nothing."""
        self.category.aftersales_warranty_policy_id = self.policy_3y
        wizard = self.env["aftersales.warranty.backfill"].with_user(self.manager).create({})
        wizard.action_preview()
        self.assertEqual(wizard.state, "preview")
        self.assertEqual(wizard.to_issue_count, 4)
        self.assertEqual(wizard.expired_count, 2, "both serials of 2023")
        self.assertEqual(wizard.no_policy_count, 1, "the fan's category has no policy")
        self.assertEqual(wizard.certified_count, 0)
        self.assertFalse(self._certificates(), "a preview issues nothing")

        wizard.action_issue()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.issued_count, 4)
        certs = self._certificates()
        self.assertEqual(certs.lot_id, self.serials[:4], "one per serial")
        by_lot = {c.lot_id: c for c in certs}
        expected = {
            self.serials[0]: (date(2023, 3, 10), date(2026, 3, 9), "expired", "WC/2023/"),
            self.serials[1]: (date(2023, 3, 10), date(2026, 3, 9), "expired", "WC/2023/"),
            self.serials[2]: (date(2025, 6, 1), date(2028, 5, 31), "active", "WC/2025/"),
            self.serials[3]: (date(2026, 11, 20), date(2029, 11, 19), "active", "WC/2026/"),
        }
        for lot, (start, end, state, prefix) in expected.items():
            cert = by_lot[lot]
            self.assertEqual((cert.date_start, cert.date_end, cert.state), (start, end, state))
            self.assertTrue(cert.name.startswith(prefix), cert.name)
            self.assertEqual(cert.partner_id, self.customer)
            self.assertEqual(cert.policy_id, self.policy_3y)
            self.assertFalse(cert.message_ids, "no chatter noise on back-filled certificates")
        self.assertEqual(len(set(certs.mapped("name"))), 4)
        summary = self.env.company.partner_id.message_ids[:1]
        self.assertIn("Certificates issued: 4", summary.body)

        again = self._wizard()
        again.action_issue()
        self.assertEqual(again.issued_count, 0, "safe to rerun")
        self.assertEqual(again.certified_count, 4)
        self.assertEqual(self._certificates(), certs, "never a duplicate")

    def test_filters(self):
        """Date range and customers restrict what is issued."""
        self.category.aftersales_warranty_policy_id = self.policy_3y
        wizard = self._wizard(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
        wizard.action_issue()
        self.assertEqual(self._certificates().lot_id, self.serials[2])
        other = self.env["res.partner"].create({"name": "Another customer"})
        self._wizard(partner_ids=[Command.set(other.ids)]).action_issue()
        self.assertEqual(self._certificates().lot_id, self.serials[2])

    def test_large_run_goes_to_the_scheduled_action(self):
        """Over the threshold the run is queued for the scheduled action,
        which issues them batch by batch."""
        self.category.aftersales_warranty_policy_id = self.policy_3y
        self.env["ir.config_parameter"].sudo().set_param(
            "aftersales_warranty.backfill_sync_limit", 1
        )
        wizard = self._wizard()
        wizard.action_issue()
        self.assertEqual(wizard.state, "queued")
        self.assertFalse(self._certificates())
        cron = self.env.ref("aftersales_warranty.ir_cron_warranty_backfill")
        self.assertTrue(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]))
        self.env["aftersales.warranty.backfill"]._cron_run_backfills()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(len(self._certificates()), 4)

    def test_only_managers_backfill(self):
        """X2: the wizard is the after-sales manager's."""
        with self.assertRaises(AccessError):
            self.env["aftersales.warranty.backfill"].with_user(self.desk).create({})

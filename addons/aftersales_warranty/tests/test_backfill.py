# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from ast import literal_eval
from datetime import date, datetime
from unittest.mock import patch

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
    def _deliver_quantity(cls, product, quantity, done_at):
        """A validated delivery of ``quantity`` of a product not tracked by
        serial, dated ``done_at``."""
        customers = cls.env.ref("stock.stock_location_customers")
        stock = cls.warehouse.lot_stock_id
        cls.env["stock.quant"]._update_available_quantity(product, stock, quantity)
        picking = cls.env["stock.picking"].create(
            {
                "partner_id": cls.customer.id,
                "picking_type_id": cls.warehouse.out_type_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": quantity,
                            "location_id": stock.id,
                            "location_dest_id": customers.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.picked = True
        picking.button_validate()
        assert picking.state == "done", picking.state
        picking.date_done = done_at
        picking.move_ids.write({"date": done_at})
        picking.move_line_ids.write({"date": done_at})
        return picking

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
        wizard = (
            self.env["aftersales.warranty.backfill"]
            .with_user(self.manager)
            .create({"partner_ids": [Command.set(self.customer.ids)]})
        )
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

    def test_w2_lines_of_products_without_serial(self):
        """W2 (issue 15): a product not tracked by serial delivered before
        its policy gets one certificate per delivery line (customer,
        product, quantity) from the delivery day, ended ones expired; a
        rerun issues none."""
        category = self.env["product.category"].create({"name": "Test filters"})
        cartridge = self.env["product.product"].create(
            {"name": "Test filter cartridge", "is_storable": True, "categ_id": category.id}
        )
        old = self._deliver_quantity(cartridge, 3, datetime(2023, 3, 10, 4, 0))
        recent = self._deliver_quantity(cartridge, 2, datetime(2026, 11, 20, 4, 0))
        Certificate = self.env["aftersales.warranty.certificate"]
        self.assertFalse(Certificate.search([("product_id", "=", cartridge.id)]))
        category.aftersales_warranty_policy_id = self.policy_3y
        run = self._wizard(categ_ids=[Command.set(category.ids)])
        run.action_preview()
        self.assertEqual((run.to_issue_count, run.expired_count), (2, 1))
        run.action_issue()
        self.assertEqual(run.state, "done")
        certs = Certificate.search([("product_id", "=", cartridge.id)], order="date_start")
        self.assertEqual(
            [(c.picking_id, c.quantity, c.date_start, c.state, bool(c.lot_id)) for c in certs],
            [
                (old, 3.0, date(2023, 3, 10), "expired", False),
                (recent, 2.0, date(2026, 11, 20), "active", False),
            ],
        )
        self.assertEqual(certs.partner_id, self.customer)
        self.assertEqual(certs.move_id, (old | recent).move_ids)
        again = self._wizard(categ_ids=[Command.set(category.ids)])
        again.action_issue()
        self.assertEqual((again.issued_count, again.certified_count), (0, 2), "safe to rerun")
        self.assertEqual(Certificate.search([("product_id", "=", cartridge.id)]), certs)

    def test_w2_category_without_warranty(self):
        """W2 (issue 15): a category flagged "No Warranty for This Category"
        (and its sub-categories, even with a policy of their own): its
        deliveries issue no certificate and tell nobody; the back-fill
        leaves them out."""
        parts = self.env["product.category"].create(
            {"name": "Test consumables", "aftersales_no_warranty": True}
        )
        sub = self.env["product.category"].create(
            {
                "name": "Test belts",
                "parent_id": parts.id,
                "aftersales_warranty_policy_id": self.policy_3y.id,
            }
        )
        belt = self.env["product.product"].create(
            {"name": "Test belt", "is_storable": True, "tracking": "serial", "categ_id": sub.id}
        )
        belt_serial = self.env["stock.lot"].create({"name": "BF-BELT-01", "product_id": belt.id})
        picking = self._deliver(belt_serial)
        Certificate = self.env["aftersales.warranty.certificate"]
        self.assertFalse(Certificate.search([("lot_id", "=", belt_serial.id)]))
        self.assertFalse(
            picking.message_ids.filtered(
                lambda m: "No warranty certificate was issued" in (m.body or "")
            ),
            "no notice for a category without warranty",
        )
        self.assertFalse(picking.activity_ids)
        run = self._wizard(categ_ids=[Command.set(parts.ids)])
        run.action_preview()
        self.assertEqual((run.to_issue_count, run.no_policy_count, run.total_count), (0, 0, 0))
        run.action_issue()
        self.assertFalse(Certificate.search([("lot_id", "=", belt_serial.id)]))
        # the flag taken off: the sub-category's policy applies again
        parts.aftersales_no_warranty = False
        self._wizard(categ_ids=[Command.set(parts.ids)]).action_issue()
        self.assertEqual(
            Certificate.search([("lot_id", "=", belt_serial.id)]).policy_id, self.policy_3y
        )

    def test_w2_queued_run_shows_progress_and_goes_on(self):
        """W2 (issue 15): a queued run is a persistent record (a transient
        one is vacuumed within the hour, before 100 000 serials are done);
        each batch is committed with its position and counts: a run that
        stops after a batch (time up, or its worker lost) goes on from there
        at the action's next run, without duplicate, and shows done/total."""
        Run = self.env["aftersales.warranty.backfill"]
        self.assertFalse(Run._transient)
        self.category.aftersales_warranty_policy_id = self.policy_3y
        self.env["ir.config_parameter"].sudo().set_param(
            "aftersales_warranty.backfill_sync_limit", 1
        )
        run = self._wizard()
        run.action_issue()
        self.assertEqual((run.state, run.total_count, run.done_count), ("queued", 4, 0))
        self.assertEqual(run.progress, 0.0)
        cron = self.env.ref("aftersales_warranty.ir_cron_warranty_backfill")
        # the action's time is up after its first batch of 3
        with patch.object(type(self.env["ir.cron"]), "_commit_progress", lambda *a, **k: 0):
            _totals, finished = run.with_context(cron_id=cron.id)._run(issue=True, limit=3)
        self.assertFalse(finished)
        self.assertEqual((run.state, run.done_count, run.issued_count), ("queued", 3, 3))
        self.assertEqual(run.progress, 75.0)
        self.assertEqual(len(self._certificates()), 3)
        action = run.with_user(self.manager).action_open_runs()
        runs = Run.with_user(self.manager).search(literal_eval(action["domain"]))
        self.assertIn(run, runs, "the manager reopens it from Back-fill Runs")
        Run._cron_run_backfills()
        self.assertEqual((run.state, run.done_count, run.issued_count), ("done", 4, 4))
        self.assertEqual(run.progress, 100.0)
        certs = self._certificates()
        self.assertEqual(len(certs), 4)
        self.assertEqual(certs.lot_id, self.serials[:4], "never a duplicate")

    def test_uncertified_queries_do_not_grow(self):
        """W8 (issue 15): the coverage of uncertified serials reads their
        products and policies for the whole batch: as many queries for 2
        serials as for 6."""
        small = self.env["stock.lot"].create(
            [{"name": f"BF-Q-{i:02d}", "product_id": self.compressor.id} for i in range(2)]
        )
        large = self.env["stock.lot"].create(
            [{"name": f"BF-QL-{i:02d}", "product_id": self.compressor.id} for i in range(6)]
        )
        self._deliver(small, datetime(2025, 6, 1, 4, 0))
        self._deliver(large, datetime(2025, 6, 1, 4, 0))
        self.category.aftersales_warranty_policy_id = self.policy_3y  # after: uncertified
        Coverage = self.env["aftersales.coverage"]

        def questions(lots):
            # each serial on its own, as the calls of a batch bring them
            return [(self.env["stock.lot"].browse(lot_id), None, None, None) for lot_id in lots.ids]

        Coverage._lookup_many(questions(small))  # caches of the company, the policy
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        answers = Coverage._lookup_many(questions(small))
        queries = self.env.cr.sql_log_count - before
        self.assertEqual({a["category"] for a in answers}, {"free"})
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            answers = Coverage._lookup_many(questions(large))
        self.assertEqual([a.get("uncertified") for a in answers], [True] * 6)

    def test_numbers_of_a_batch_in_one_query(self):
        """Issue 15: the certificates of a back-filled batch take their
        numbers from the sequence in one query, in order, in the delivery's
        year (a query per number was a fifth of the back-fill's time)."""
        Certificate = self.env["aftersales.warranty.certificate"]
        sequence = self.env.ref("aftersales_warranty.seq_warranty_certificate").with_context(
            ir_sequence_date="2024-05-01"
        )
        Certificate._aftersales_next_numbers(sequence, 2)  # the sequence's fields, the user's tz
        with self.assertQueryCount(1):
            names = Certificate._aftersales_next_numbers(sequence, 50)
        self.assertTrue(all(name.startswith("WC/2024/") for name in names), names[:2])
        numbers = [int(name.rsplit("/", 1)[1]) for name in names]
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 50)))

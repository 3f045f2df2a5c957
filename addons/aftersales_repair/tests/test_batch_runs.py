# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import sql_db
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_warranty.tests.common import WarrantyFixtures


@tagged("post_install", "-at_install")
class TestBatchRuns(WarrantyFixtures, TransactionCase):
    """Cron batches (issue 12, S9, S4, V1, W5): a batch whose rows another
    transaction holds locked is skipped, not taken for the end of the work.

    The first batch is two certificates committed before the test (the demo
    data's: the oldest), which another real transaction, on its own
    connection, holds locked, as a second worker or a user editing would;
    five certificates of the test follow them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        cls.Cert = cls.env["aftersales.warranty.certificate"]
        cls.held = cls.Cert.search([], order="id", limit=2)
        lots = cls.env["stock.lot"].create(
            [{"name": f"BATCH-SN-{i}", "product_id": cls.product.id} for i in range(5)]
        )
        cls.records = cls.held | cls.Cert.browse(
            [cls.make_certificate(lot, date(2026, 1, 1), activate=False).id for lot in lots]
        )

    def setUp(self):
        super().setUp()
        self.assertEqual(len(self.held), 2, "needs two committed certificates (demo data)")
        self.assertEqual(self.records.sorted("id")[:2], self.held, "they come first")
        self.handled = []

    def _process(self, limit=2):
        """One batch: at most ``limit`` of the records, not handled yet."""
        batch = self.Cert._locked_batch(
            [("id", "in", self.records.ids), ("id", "not in", self.handled)], limit
        )
        self.handled += batch.ids
        return len(batch)

    def _hold(self, records):
        cr = sql_db.db_connect(self.env.cr.dbname).cursor()
        self.addCleanup(cr.close)
        self.addCleanup(cr.rollback)
        cr.execute(
            "SELECT id FROM aftersales_warranty_certificate WHERE id = ANY(%s) FOR UPDATE",
            [records.ids],
        )
        self.assertEqual(len(cr.fetchall()), len(records))
        return cr

    def test_locked_first_batch_is_skipped_not_the_end(self):
        locker = self._hold(self.held)
        self.assertFalse(
            self.Cert._locked_batch([("id", "in", self.records.ids)], 2),
            "the first batch is entirely locked by the other transaction",
        )
        done = self.Cert._run_batches(self._process)
        rest = self.records - self.held
        self.assertEqual(done, len(rest), "every record but the held ones is handled")
        self.assertEqual(sorted(self.handled), sorted(rest.ids))
        # the other transaction lets go: the next run handles the rest
        locker.rollback()
        self.assertEqual(self.Cert._run_batches(self._process), len(self.held))
        self.assertEqual(sorted(self.handled), sorted(self.records.ids))
        self.assertEqual(self.Cert._run_batches(self._process), 0, "then nothing is left")

    def test_partly_locked_batch_goes_on(self):
        self._hold(self.held)
        done = self.Cert._run_batches(lambda: self._process(limit=3))
        self.assertEqual(done, len(self.records) - 2)
        self.assertEqual(sorted(self.handled), sorted((self.records - self.held).ids))

    def test_one_locked_row_is_skipped(self):
        self._hold(self.held[1])
        done = self.Cert._run_batches(self._process)
        self.assertEqual(done, len(self.records) - 1)
        self.assertEqual(sorted(self.handled), sorted((self.records - self.held[1]).ids))

    def test_everything_locked_ends_the_run(self):
        self._hold(self.held)
        self.records = self.held
        self.assertEqual(self.Cert._run_batches(self._process), 0)
        self.assertEqual(self.handled, [])

    def test_a_batch_handling_nothing_ends_the_run(self):
        """A batch that finds records, locks them and handles none (nothing
        was locked elsewhere) is the end: the run never loops forever."""
        calls = []

        def process():
            calls.append(self.Cert._locked_batch([("id", "in", self.records.ids)], 2))
            return 0

        self.assertEqual(self.Cert._run_batches(process), 0)
        self.assertEqual(len(calls), 1)

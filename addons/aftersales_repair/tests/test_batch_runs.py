# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import sql_db
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestBatchRuns(TransactionCase):
    """Cron batches (issue 12, S9, S4, V1, W5): a batch whose rows another
    transaction holds locked is skipped, not taken for the end of the work.

    The rows held are certificates committed before the test (the demo
    data's), the oldest: the first batch. Another real transaction, on its own
    connection, locks them, as a second worker or a user editing would."""

    def setUp(self):
        super().setUp()
        self.Cert = self.env["aftersales.warranty.certificate"]
        self.records = self.Cert.search([], order="id", limit=7)
        self.assertGreaterEqual(len(self.records), 5, "needs the demo certificates (committed)")
        self.held = self.records[:2]
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

    def test_locked_rows_in_the_middle_are_skipped(self):
        middle = self.records[2:4]
        self._hold(middle)
        done = self.Cert._run_batches(self._process)
        self.assertEqual(done, len(self.records) - 2)
        self.assertEqual(sorted(self.handled), sorted((self.records - middle).ids))

    def test_everything_locked_ends_the_run(self):
        self._hold(self.records)
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

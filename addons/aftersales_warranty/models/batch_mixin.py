# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class AftersalesBatchMixin(models.AbstractModel):
    """What the suite's scheduled actions share: rows locked so that two
    workers never process the same record, and batches committed one by one."""

    _name = "aftersales.batch.mixin"
    _description = "After-Sales Batch Processing"

    def _lock_skip_locked(self):
        """The records of ``self`` this transaction could lock; rows another
        worker holds are left to it. Under Odoo's repeatable-read isolation, a
        row that another worker changed and committed after this transaction
        began makes this one fail (and retry later) rather than process it
        twice."""
        if not self:
            return self
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s FOR NO KEY UPDATE SKIP LOCKED",
                SQL.identifier(self._table),
                tuple(self.ids),
            )
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    def _locked_batch(self, domain, limit):
        """At most ``limit`` records matching ``domain``, oldest first, that
        this transaction could lock."""
        return self.search(domain, limit=limit, order="id")._lock_skip_locked()

    def _run_batches(self, process_batch):
        """Call ``process_batch()`` (which returns how many records it handled)
        until it handles none. In a scheduled action each batch is committed
        and the action stops when its time is up (it goes on next run)."""
        total = 0
        while done := process_batch():
            total += done
            in_cron = self.env.context.get("cron_id")
            if in_cron and self.env["ir.cron"]._commit_progress(done) <= 0:
                break
        return total

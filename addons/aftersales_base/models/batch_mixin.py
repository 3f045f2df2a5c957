# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextvars

from odoo import models
from odoo.fields import Domain
from odoo.tools import SQL

# What the running ``_run_batches`` saw, per model: the ids another worker
# held locked (skipped: not taken for the end of the work, and not searched
# again), and how many of them the current batch added. A Python context
# variable: it belongs to this worker's run only.
_BATCH_RUN = contextvars.ContextVar("aftersales_batch_run", default=None)


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
        this transaction could lock. Inside ``_run_batches``, records found
        locked by another worker are remembered and left out of the next
        searches, so that the run goes on past them."""
        run = _BATCH_RUN.get()
        skipped = run["skipped"].setdefault(self._name, set()) if run is not None else set()
        if skipped:
            domain = Domain(domain) & Domain("id", "not in", sorted(skipped))
        found = self.search(domain, limit=limit, order="id")
        locked = found._lock_skip_locked()
        if run is not None:
            held = set(found.ids) - set(locked.ids)
            run["new_skipped"] += len(held - skipped)
            skipped.update(held)
        return locked

    def _run_batches(self, process_batch):
        """Call ``process_batch()`` (which returns how many records it handled)
        until a batch handles none and finds no record locked by another
        worker. A batch whose records were all locked elsewhere handles none,
        yet the work is not done: the run skips those records (they are not
        searched again) and goes on with the next ones. In a scheduled
        action each batch is committed and the action stops when its time is
        up (it goes on next run)."""
        run = {"skipped": {}, "new_skipped": 0}
        token = _BATCH_RUN.set(run)
        try:
            total = 0
            while True:
                run["new_skipped"] = 0
                done = process_batch()
                if not done and not run["new_skipped"]:
                    # nothing handled, nothing newly found locked: the end
                    break
                total += done
                in_cron = self.env.context.get("cron_id")
                if in_cron and self.env["ir.cron"]._commit_progress(done) <= 0:
                    break
            return total
        finally:
            _BATCH_RUN.reset(token)

"""What the benchmark's scripts share: opening an Odoo registry on a
database (as tests/test_multi_worker.py does), environments, and timing and
query counting helpers."""

import statistics
import time
from contextlib import contextmanager

# No mail.thread work while data is generated: no tracking messages, no
# "created" notes, no followers. The measurements run without it (as users do).
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
}


def open_registry(db, conf):
    """The Odoo registry of ``db`` with the suite's configuration file; the
    ``odoo`` package comes from PYTHONPATH (scripts/common.sh's odoo_src)."""
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", conf, "-d", db, "--log-level=warn"], setup_logging=True)
    return Registry(db)


def make_env(cr, uid=None, context=None):
    import odoo

    return odoo.api.Environment(cr, uid or odoo.SUPERUSER_ID, context or {})


class Counter:
    """Wall time and SQL queries of a block, from the cursor's own counter
    (odoo.sql_db.Cursor.sql_log_count)."""

    def __init__(self, cr):
        self.cr = cr
        self.seconds = 0.0
        self.queries = 0

    @contextmanager
    def measure(self):
        start_queries = self.cr.sql_log_count
        start = time.perf_counter()
        try:
            yield self
        finally:
            self.seconds = time.perf_counter() - start
            self.queries = self.cr.sql_log_count - start_queries


def percentile(values, share):
    """Nearest-rank percentile (``share`` in 0..1) of a list of numbers."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(round(share * len(ordered) + 0.5) - 1, 0)
    return ordered[min(rank, len(ordered) - 1)]


def summary(values):
    """Median, min and max of repeated runs of one measurement."""
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": list(values),
    }

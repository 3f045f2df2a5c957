"""What the tests running real cron workers share: an environment on a
worker's cursor, and two (or more) workers started at the same moment."""

import threading


def env(odoo, cr):
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def run_workers(odoo, registry, cron_ids):
    """Each worker runs its copy of a scheduled action through Odoo's scheduler
    (``ir.cron.method_direct_trigger``: its own cursor, a commit per batch, as
    a cron worker does), in its own thread, all at the same moment."""
    barrier = threading.Barrier(len(cron_ids))
    outcomes = []

    def worker(cron_id):
        with registry.cursor() as cr:
            cron = env(odoo, cr)["ir.cron"].browse(cron_id)
            barrier.wait()
            outcomes.append(cron.method_direct_trigger())

    threads = [threading.Thread(target=worker, args=(c,)) for c in cron_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=240)
    return outcomes

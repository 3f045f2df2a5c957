"""The back-fill benchmark of `make bench-backfill` (issue 15, W2): a database
with N serials delivered to customers before any warranty policy existed
(written with batched SQL, a few seconds for 100 000), then the back-fill of
their certificates through the scheduled action (the path of a large run),
and a second run that must issue nothing. Prints duration, serials per
second and peak memory, and writes them as JSON.

    python tests/bench/backfill.py generate -d DB -c .local/odoo.conf --serials 100000
    python tests/bench/backfill.py measure -d DB -c .local/odoo.conf --json out.json

Each step runs in its own process: the peak memory of `measure` is the
back-fill's, not the generation's.
"""

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchenv import QUIET, make_env, open_registry

PREFIX = "BFB"
SERIALS_PER_DELIVERY = 5
CHUNK = 20000  # serials per INSERT statement
DAYS = 5 * 365  # deliveries spread over the last five years


def generate(env, serials, log=print):
    """N serials of one serial-tracked product, delivered to 500 customers
    in deliveries of five, over five years; no policy anywhere, so the
    deliveries issued no certificate (as before the install)."""
    cr = env.cr
    company = env.company
    warehouse = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
    category = env["product.category"].create({"name": f"{PREFIX} appliances"})
    product = env["product.product"].create(
        {
            "name": f"{PREFIX} air conditioner",
            "is_storable": True,
            "tracking": "serial",
            "categ_id": category.id,
        }
    )
    customers = (
        env["res.partner"]
        .with_context(**QUIET)
        .create([{"name": f"{PREFIX} customer {i}"} for i in range(500)])
    )
    cr.execute("SELECT min(id), max(id) FROM res_partner WHERE id = ANY(%s)", [customers.ids])
    first_customer, last_customer = cr.fetchone()
    stock = warehouse.lot_stock_id.id
    dest = env.ref("stock.stock_location_customers").id
    params = {
        "company": company.id,
        "product": product.id,
        "uom": product.uom_id.id,
        "type": warehouse.out_type_id.id,
        "stock": stock,
        "dest": dest,
        "prefix": PREFIX,
        "days": DAYS,
        "per": SERIALS_PER_DELIVERY,
        "c0": first_customer,
        "nc": last_customer - first_customer + 1,
    }
    start = time.perf_counter()
    for low in range(0, serials, CHUNK):
        high = min(low + CHUNK, serials)
        params.update(low=low, high=high)
        # deliveries of five serials; the n-th delivery done n*DAYS/total days ago
        cr.execute(
            """
            CREATE TEMP TABLE bfb_pick ON COMMIT DROP AS
            SELECT g AS n,
                   (now() AT TIME ZONE 'UTC') - make_interval(days => (g %% %(days)s))
                       - interval '6 hours' AS done
              FROM generate_series(%(low)s / %(per)s, (%(high)s - 1) / %(per)s) g;
            ALTER TABLE bfb_pick ADD COLUMN picking_id int, ADD COLUMN move_id int;
            WITH p AS (
                INSERT INTO stock_picking (name, partner_id, picking_type_id, location_id,
                       location_dest_id, move_type, company_id, state, date_done,
                       scheduled_date, origin, create_uid, create_date, write_uid, write_date)
                SELECT %(prefix)s || '/OUT/' || n, %(c0)s + (n %% %(nc)s), %(type)s, %(stock)s,
                       %(dest)s, 'direct', %(company)s, 'done', done, done,
                       %(prefix)s || '-' || n, 1, done, 1, done
                  FROM bfb_pick
                RETURNING id, origin
            )
            UPDATE bfb_pick SET picking_id = p.id
              FROM p WHERE p.origin = %(prefix)s || '-' || bfb_pick.n;
            WITH m AS (
                INSERT INTO stock_move (product_id, product_uom, product_uom_qty, product_qty,
                       quantity, location_id, location_dest_id, location_final_id, picking_id,
                       picking_type_id, partner_id, company_id, state, date, procure_method,
                       picked, origin, create_uid, create_date, write_uid, write_date)
                SELECT %(product)s, %(uom)s, cnt, cnt, cnt, %(stock)s, %(dest)s, %(dest)s,
                       b.picking_id, %(type)s, %(c0)s + (b.n %% %(nc)s), %(company)s, 'done',
                       b.done, 'make_to_stock', true, %(prefix)s || '-' || b.n, 1, b.done, 1,
                       b.done
                  FROM bfb_pick b
                  CROSS JOIN LATERAL (
                        SELECT count(*) AS cnt FROM generate_series(
                            greatest(b.n * %(per)s, %(low)s),
                            least(b.n * %(per)s + %(per)s, %(high)s) - 1)
                  ) c
                RETURNING id, picking_id
            )
            UPDATE bfb_pick SET move_id = m.id FROM m WHERE m.picking_id = bfb_pick.picking_id;
            WITH l AS (
                INSERT INTO stock_lot (name, product_id, company_id, create_uid, create_date,
                       write_uid, write_date)
                SELECT %(prefix)s || '-SN-' || lpad(g::text, 7, '0'), %(product)s, %(company)s,
                       1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
                  FROM generate_series(%(low)s, %(high)s - 1) g
                RETURNING id, name
            )
            INSERT INTO stock_move_line (move_id, picking_id, product_id, lot_id, quantity,
                   quantity_product_uom, product_uom_id, location_id, location_dest_id,
                   company_id, state, date, picked, create_uid, create_date, write_uid,
                   write_date)
            SELECT b.move_id, b.picking_id, %(product)s, l.id, 1, 1, %(uom)s, %(stock)s, %(dest)s,
                   %(company)s, 'done', b.done, true, 1, b.done, 1, b.done
              FROM l
              JOIN bfb_pick b
                ON b.n = substring(l.name from '[0-9]+$')::int / %(per)s;
            """,
            params,
        )
        cr.commit()
        log(f"  {high} serials delivered ({time.perf_counter() - start:.0f} s)")
    env["ir.config_parameter"].set_param("aftersales_bench.backfill_generated", str(serials))
    cr.commit()
    # statistics, as PostgreSQL's autovacuum keeps them on a live database:
    # without them the planner expects one row where there are 100 000 and
    # the back-fill's search of delivered serials took 1.7 s a batch, not 0.26
    cr.execute("ANALYZE stock_lot, stock_picking, stock_move, stock_move_line, res_partner")
    cr.commit()
    env.invalidate_all()
    return time.perf_counter() - start


def _peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _backfill(registry, env, cron, category, label, log):
    """Queues a run of the category (over the sync limit: to the scheduled
    action) and lets the action run until the run is done, as the cron
    worker does (method_direct_trigger: its own cursor, progress, batches
    committed). Returns (seconds, the run's counts, calls of the action)."""
    run = env["aftersales.warranty.backfill"].create({"categ_ids": [(6, 0, category.ids)]})
    start = time.perf_counter()
    run.action_issue()
    env.cr.commit()
    calls = 0
    while run.state == "queued":
        calls += 1
        cron.method_direct_trigger()
        env.cr.commit()
        env.invalidate_all()
        log(f"  {label}: {run.done_count} of {run.total_count} looked at")
    seconds = time.perf_counter() - start
    counts = {
        "total": run.total_count,
        "issued": run.issued_count,
        "expired": run.expired_count,
        "certified": run.certified_count,
    }
    return seconds, counts, calls


def measure(registry, log=print):
    with registry.cursor() as cr:
        env = make_env(cr)
        serials = int(env["ir.config_parameter"].get_param("aftersales_bench.backfill_generated"))
        category = env["product.category"].search([("name", "=", f"{PREFIX} appliances")])
        # the company's policy arrives after the deliveries: three years, so
        # that the older part of the history is issued expired
        policy = env["aftersales.warranty.policy"].create(
            {"name": f"{PREFIX} three years", "period": 3, "period_unit": "year"}
        )
        category.aftersales_warranty_policy_id = policy
        cron = env.ref("aftersales_warranty.ir_cron_warranty_backfill")
        cr.commit()
        # the manager's preview (counts, in the request, nothing written)
        preview = env["aftersales.warranty.backfill"].create({"categ_ids": [(6, 0, category.ids)]})
        start = time.perf_counter()
        preview.action_preview()
        preview_s = time.perf_counter() - start
        log(f"  preview: {preview.to_issue_count} to issue, {preview.expired_count} expired")
        cr.commit()
        before_mb = _peak_mb()
        seconds, counts, calls = _backfill(registry, env, cron, category, "first run", log)
        peak_mb = _peak_mb()
        rerun_s, rerun, _calls = _backfill(registry, env, cron, category, "rerun", log)
        cr.execute(
            """SELECT count(*), count(DISTINCT lot_id) FROM aftersales_warranty_certificate
                WHERE product_id IN (SELECT id FROM product_product
                                      WHERE product_tmpl_id IN (SELECT id FROM product_template
                                                                 WHERE categ_id = %s))""",
            [category.id],
        )
        certificates, distinct = cr.fetchone()
    return {
        "serials": serials,
        "preview_s": round(preview_s, 1),
        "first_run_s": round(seconds, 1),
        "serials_per_s": round(serials / seconds, 1) if seconds else None,
        "cron_calls": calls,
        "issued": counts["issued"],
        "expired": counts["expired"],
        "peak_rss_mb": round(peak_mb, 1),
        "rss_before_mb": round(before_mb, 1),
        "rerun_s": round(rerun_s, 1),
        "rerun_issued": rerun["issued"],
        "rerun_certified": rerun["certified"],
        "certificates": certificates,
        "distinct_serials": distinct,
        "machine": f"{platform.machine()}, Python {platform.python_version()}",
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=("generate", "measure"))
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-c", "--config", required=True, help="the suite's odoo.conf")
    parser.add_argument("--serials", type=int, default=100000)
    parser.add_argument("--json", help="write the figures there")
    args = parser.parse_args(argv)
    registry = open_registry(args.database, args.config)
    if args.step == "generate":
        with registry.cursor() as cr:
            seconds = generate(make_env(cr), args.serials)
        print(f"Generated {args.serials} delivered serials in {seconds:.0f} s.")
        return None
    result = measure(registry)
    print(
        f"Preview {result['preview_s']} s. "
        f"Back-fill of {result['serials']} serials: {result['first_run_s']} s "
        f"({result['serials_per_s']} serials/s, {result['cron_calls']} runs of the action), "
        f"{result['issued']} issued of which {result['expired']} expired; "
        f"peak memory {result['peak_rss_mb']} MB (before: {result['rss_before_mb']} MB); "
        f"rerun {result['rerun_s']} s, {result['rerun_issued']} issued "
        f"({result['rerun_certified']} already certified); "
        f"{result['certificates']} certificates for {result['distinct_serials']} serials."
    )
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=2))
    failed = result["rerun_issued"] or result["certificates"] != result["distinct_serials"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

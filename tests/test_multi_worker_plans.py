"""Maintenance plans (P1, issue 16): two workers run the plan generator at
the same moment; every due date gets exactly one job. The plans are taken
with SKIP LOCKED (a plan another worker holds is left to it) and a unique
index on (plan, due date) refuses a second job whatever happens.

Runs against the throwaway database of `make test` (AFTERSALES_TEST_DB), after
the modules' own tests, like test_multi_worker_batches.py: each worker runs a
copy of the scheduled action through Odoo's scheduler in its own thread."""

from workers import env as _env
from workers import run_workers as _run_workers

PLANS = 60
BATCH = 10


def _make_plans(odoo, registry):
    """PLANS monthly plans due today (no lead time), each on its own serial,
    and two copies of the generator (one per worker), with small batches."""
    with registry.cursor() as cr:
        env = _env(odoo, cr)
        today = env.company._aftersales_today()
        product = env["product.product"].create(
            {"name": "Multi-worker plan unit", "is_storable": True, "tracking": "serial"}
        )
        lots = env["stock.lot"].create(
            [{"name": f"MW-PLAN-{i:03d}", "product_id": product.id} for i in range(PLANS)]
        )
        plans = env["aftersales.maintenance.plan"].create(
            [
                {
                    "lot_id": lot.id,
                    "partner_id": env.ref("aftersales_base.partner_li_ming").id,
                    "zone_id": env.ref("aftersales_repair.zone_urban").id,
                    "date_start": today,
                    "lead_days": 0,
                }
                for lot in lots
            ]
        )
        cron = env.ref("aftersales_maintenance.ir_cron_generate_planned_jobs")
        crons = cron.copy({"name": "Plan jobs, worker 1", "active": False})
        crons |= cron.copy({"name": "Plan jobs, worker 2", "active": False})
        crons.write({"code": f"model._cron_generate_jobs(batch_size={BATCH})"})
        return plans.ids, crons.ids


def _jobs(registry, plan_ids):
    with registry.cursor() as cr:
        cr.execute(
            """SELECT maintenance_plan_id, count(*) FROM aftersales_service_request
                WHERE maintenance_plan_id = ANY(%s) GROUP BY maintenance_plan_id""",
            [plan_ids],
        )
        return dict(cr.fetchall())


def test_two_workers_make_one_job_per_due_date(registry):
    odoo, reg = registry
    plan_ids, cron_ids = _make_plans(odoo, reg)
    # a worker whose transaction failed to serialize is retried, as the
    # scheduler would
    for _round in range(3):
        outcomes = _run_workers(odoo, reg, cron_ids)
        assert len(outcomes) == 2, outcomes
        jobs = _jobs(reg, plan_ids)
        if len(jobs) == PLANS:
            break
    assert set(jobs) == set(plan_ids), f"{PLANS - len(jobs)} plans got no job"
    assert set(jobs.values()) == {1}, "no due date got two jobs"
    _run_workers(odoo, reg, cron_ids)
    assert _jobs(reg, plan_ids) == jobs, "a rerun makes nothing"

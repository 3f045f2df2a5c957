"""Issue 8: the benchmark's code cannot rot. The generator runs at a tiny
scale on the throwaway database of `make test` (AFTERSALES_TEST_DB, after the
modules' own tests; it only adds records under its own names), then one pass
of every measurement of `make bench`, which rolls back what it writes.
The figures themselves are not asserted here: performance is measured by
`make bench` on the production-size database, never by timed unit tests."""

import json
import os
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))

SCALE = 0.001


@pytest.fixture(scope="module")
def registry():
    db = os.environ.get("AFTERSALES_TEST_DB")
    conf = os.environ.get("AFTERSALES_ODOO_CONF")
    assert db and conf, "run through `make test`, which sets AFTERSALES_TEST_DB"
    from benchenv import open_registry

    return open_registry(db, conf)


@pytest.fixture(scope="module")
def generated(registry):
    from benchenv import make_env
    from generate import Generator

    prefix = f"T{int(time.time())}"
    with registry.cursor() as cr:
        generator = Generator(make_env(cr), SCALE, prefix, batch=40, log=lambda _m: None)
        timings = generator.run()
        return prefix, generator.count, timings


def test_generator_builds_every_entity_through_the_orm(registry, generated):
    from benchenv import make_env

    prefix, count, timings = generated
    assert {"setup", "customers", "serials_certificates", "contracts", "service_requests"} <= set(
        timings
    )
    for name in ("setup", "customers", "serials_certificates", "contracts", "service_requests"):
        assert timings[name]["records"] > 0, name
    with registry.cursor() as cr:
        env = make_env(cr)
        customers = env["res.partner"].search([("name", "=like", f"Customer {prefix} %")])
        assert len(customers) == count["customers"]
        requests = env["aftersales.service.request"].search([("partner_id", "in", customers.ids)])
        assert len(requests) == count["requests"]
        # computed by the models at creation: coverage and arrival deadlines
        assert all(requests.mapped("sla_deadline"))
        assert set(requests.mapped("service_category")) <= {"free", "contract", "paid"}
        lots = env["stock.lot"].search([("name", "=like", f"{prefix}-SN%")])
        assert len(lots) == count["serials"]
        assert len(lots.aftersales_certificate_ids) == count["serials"]
        assert env["repair.order"].search_count([("aftersales_request_id", "in", requests.ids)])
        technicians = env["res.users"].search([("login", "=like", f"{prefix.lower()}.tech%")])
        assert len(technicians.aftersales_zone_ids.company_id) == 3


def test_every_measurement_runs_once_and_rolls_back(registry, generated):
    from run import Bench, table, verdicts

    with registry.cursor() as cr:
        cr.execute("SELECT count(*), max(write_date) FROM aftersales_service_request")
        before = cr.fetchone()
    bench = Bench(registry, repeat=1, samples=20, log=lambda _m: None)
    figures = bench.run()
    for key in (
        "coverage_p95_ms",
        "register_ratio",
        "escalation_s",
        "escalation_queries",
        "renewal_s",
        "list_view_ms",
        "list_view_queries",
        "billing_s",
        "billing_queries",
    ):
        assert figures[key]["median"] > 0, key
    # one batch of the scheduled actions costs the same queries for 10 or 100 records
    assert bench.details["escalation"]["query_count_independent_of_size"]
    assert bench.details["renewal"]["query_count_independent_of_size"]
    assert bench.details["billing"]["query_count_independent_of_size"]  # P6
    assert bench.details["billing"]["contracts"] > 0
    list_view = bench.details["list_view"]
    assert {"name", "partner_id", "sla_deadline", "state"} <= set(list_view["fields"])
    assert "'state', 'in'" in list_view["domain"], "the action's default filter (Open)"
    assert list_view["rows"] <= 80
    rows = verdicts(figures)
    assert "request list" in table(rows)
    json.dumps({"results": rows, "details": bench.details}, default=str)
    with registry.cursor() as cr:
        cr.execute("SELECT count(*), max(write_date) FROM aftersales_service_request")
        assert cr.fetchone() == before, "the measurements left records behind"


def test_worker_check_reads_the_database_and_the_log(registry, tmp_path):
    """The SQL and log parsing of `make bench-workers` (which starts a
    prefork Odoo, too slow for `make test`) on the test database."""
    import multi_worker

    with registry.cursor() as cr:
        counts = multi_worker.count_duplicates(cr)
        assert counts["escalation activities per request"]["more_than_once"] == 0
        assert multi_worker.escalation_backlog(cr) >= 0
        assert multi_worker.survey_backlog(cr) >= 0
    log = tmp_path / "odoo.log"
    prefix = "INFO db odoo.addons.base.models.ir_cron: Job"
    log.write_text(
        f"2026-01-01 10:00:00,000 11 {prefix} 'Escalate' (7) starting\n"
        f'2026-01-01 10:00:00,100 12 {prefix} "Escalate (second)" (8) starting\n'
        f"2026-01-01 10:00:01,000 12 {prefix} 'Escalate (second)' (8) fully done "
        "(#loop 1; done 0; remaining 0; duration 0.90s)\n"
        f"2026-01-01 10:00:02,000 11 {prefix} 'Escalate' (7) fully done "
        "(#loop 1; done 42; remaining 0; duration 2.00s)\n"
    )
    runs, concurrent = multi_worker.overlaps(log, [7, 8])
    assert concurrent
    assert sorted((run[2], run[4]) for run in runs) == [(7, "42"), (8, "0")]

"""The measurements of `make bench`, on a database the generator filled.
Each measurement runs several times; whatever it writes is rolled back, so
the database stays as generated. Prints a table (median, min, max, target)
and writes the figures as JSON.

    python tests/bench/run.py -d aftersales_bench -c .local/odoo.conf --json out.json
"""

import argparse
import cProfile
import io
import json
import platform
import pstats
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchenv import Counter, make_env, open_registry, percentile, summary

# name: (what, unit, target as text, check(value) -> bool)
TARGETS = {
    "coverage_p50_ms": ("1. coverage lookup by serial, p50", "ms", None),
    "coverage_p95_ms": ("1. coverage lookup by serial, p95", "ms", ("< 20", lambda v: v < 20)),
    "coverage_all_p50_ms": ("1. same, user of every branch, p50", "ms", None),
    "coverage_all_p95_ms": ("1. same, user of every branch, p95", "ms", ("< 20", lambda v: v < 20)),
    "register_request_ms": ("2. register a service request", "ms", None),
    "register_repair_ms": ("2. create a plain repair.order", "ms", None),
    "register_ratio": ("2. request / repair.order", "x", ("<= 0.8", lambda v: v <= 0.8)),
    "escalation_s": ("3. SLA escalation, whole backlog", "s", ("< 15", lambda v: v < 15)),
    "escalation_queries": ("3. SLA escalation, queries", "", None),
    "renewal_s": ("4. renewal and expiry, all", "s", ("< 15", lambda v: v < 15)),
    "renewal_queries": ("4. renewal and expiry, queries", "", None),
    "billing_s": ("8. a month's contract billing run", "s", None),
    "billing_queries": ("8. contract billing, queries", "", None),
    "scorecards_s": ("5. one month's scorecards", "s", None),
    "scorecards_sql_s": ("5. hand-written SQL aggregate", "s", None),
    "scorecards_ratio": ("5. scorecards / SQL", "x", ("<= 3", lambda v: v <= 3)),
    "daily_xlsx_rows_per_s": ("6. XLSX of a month of daily reports", "rows/s", None),
    "list_view_ms": ("7. request list, web_search_read", "ms", ("< 150", lambda v: v < 150)),
    "list_view_queries": ("7. request list, queries", "", ("<= 20", lambda v: v <= 20)),
}


# One statement: last month's scorecard measures per technician and branch
# from the same tables the module reads (jobs, arrival SLA, first-time fixes,
# rework, answered surveys and their ratings per criterion, complaints).
SCORECARD_SQL = """
WITH jobs AS (
    SELECT r.company_id, r.user_id, count(*) AS jobs,
           count(*) FILTER (WHERE r.sla_deadline IS NOT NULL AND r.date_arrival IS NOT NULL)
               AS sla_jobs,
           count(*) FILTER (WHERE r.sla_met) AS sla_met,
           count(*) FILTER (WHERE r.repair_id IS NULL AND NOT rework.found) AS first_fix,
           count(*) FILTER (WHERE rework.found) AS rework
      FROM aftersales_service_request r
     CROSS JOIN LATERAL (
           SELECT EXISTS (
               SELECT 1 FROM aftersales_service_request later
                WHERE r.lot_id IS NOT NULL AND later.lot_id = r.lot_id AND later.id != r.id
                  AND later.state != 'cancelled' AND later.date_call > r.date_done
                  AND later.date_call <= r.date_done + %(window)s) AS found) rework
     WHERE r.state = 'done' AND r.user_id IS NOT NULL
       AND r.date_done >= %(since)s AND r.date_done < %(until)s
     GROUP BY r.company_id, r.user_id
), surveys AS (
    SELECT company_id, user_id, count(*) AS answered, avg(score) AS score
      FROM aftersales_service_survey
     WHERE state = 'done' AND user_id IS NOT NULL
       AND date_answered >= %(start)s AND date_answered < %(end)s
     GROUP BY company_id, user_id
), criteria AS (
    SELECT company_id, user_id, json_agg(json_build_array(criterion_id, n, level)) AS ratings
      FROM (SELECT company_id, user_id, criterion_id, count(*) AS n, avg(level) AS level
              FROM aftersales_survey_score
             WHERE user_id IS NOT NULL AND date >= %(start)s AND date < %(end)s
             GROUP BY company_id, user_id, criterion_id) per_criterion
     GROUP BY company_id, user_id
), complaints AS (
    SELECT company_id, technician_id AS user_id, count(*) AS complaints
      FROM aftersales_complaint
     WHERE technician_id IS NOT NULL AND state != 'rejected'
       AND date_received >= %(since)s AND date_received < %(until)s
     GROUP BY company_id, technician_id
)
SELECT company_id, user_id, jobs.jobs, jobs.sla_jobs, jobs.sla_met, jobs.first_fix,
       jobs.rework, surveys.answered, surveys.score, criteria.ratings, complaints.complaints
  FROM jobs
  FULL JOIN surveys USING (company_id, user_id)
  FULL JOIN criteria USING (company_id, user_id)
  FULL JOIN complaints USING (company_id, user_id)
"""


def scorecard_sql_params(start, end, since, until, params):
    return {
        "start": start,
        "end": end,
        "since": since,
        "until": until,
        "window": timedelta(days=params["rework_days"]),
    }


class Bench:
    """Runs the measurements on one cursor that is never committed."""

    def __init__(self, registry, repeat=5, samples=500, seed=8, log=print, profile=None, only=None):
        self.registry = registry
        self.repeat = repeat
        self.samples = samples
        self.rng = random.Random(seed)
        self.log = log
        self.profile = profile
        self.only = only
        self.figures = {}
        self.details = {}

    def run(self):
        measurements = [
            ("coverage", self.coverage),
            ("register", self.register),
            ("escalation", self.escalation),
            ("renewal", self.renewal),
            ("scorecards", self.scorecards),
            ("daily_xlsx", self.daily_xlsx),
            ("list_view", self.list_view),
            ("billing", self.billing),
        ]
        if self.only:
            measurements = [(n, m) for n, m in measurements if n in self.only]
        with self.registry.cursor() as cr:
            self.cr = cr
            self.su = make_env(cr)
            try:
                for name, measure in measurements:
                    start = time.perf_counter()
                    if self.profile == name:
                        self._profiled(name, measure)
                    else:
                        measure()
                    cr.rollback()
                    self.log(f"  {name}: {time.perf_counter() - start:.1f} s")
            finally:
                cr.rollback()
        return self.figures

    def _profiled(self, name, measure):
        profiler = cProfile.Profile()
        profiler.enable()
        measure()
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        self.log(out.getvalue())

    def _record(self, key, values):
        self.figures[key] = summary(values)

    def _user(self, login_pattern, fallback="base.user_admin"):
        user = self.su["res.users"].search([("login", "=like", login_pattern)], limit=1)
        return user or self.su.ref(fallback)

    def _env_as(self, user, company):
        return make_env(
            self.cr,
            user.id,
            {"lang": "en_US", "tz": user.tz or "UTC", "allowed_company_ids": [company.id]},
        )

    def _rolled_back(self, function):
        """Run ``function()`` and undo what it wrote; return its result."""
        try:
            result = function()
            self.su.flush_all()
            return result
        finally:
            self.cr.rollback()

    # 1. Coverage lookup (W8) ---------------------------------------------

    def coverage(self):
        """One question per call, as the desk asks while the customer is on
        the phone, the ORM cache emptied before each: by a desk user of the
        first branch, and by one of head office who sees every branch."""
        self.cr.execute(
            "SELECT lot_id FROM aftersales_warranty_certificate WHERE lot_id IS NOT NULL"
            " ORDER BY random() LIMIT %s",
            [self.samples],
        )
        lot_ids = [row[0] for row in self.cr.fetchall()]
        desk = self._user("%.desk0")
        admin = self.su.ref("base.user_admin")
        answers = {}
        for key, user in (("coverage", desk), ("coverage_all", admin)):
            env = make_env(self.cr, user.id, {"allowed_company_ids": user.company_ids.ids})
            Coverage, Lot = env["aftersales.coverage"], env["stock.lot"]
            Coverage._lookup(lot=Lot.browse(lot_ids[:1]))  # warm the registry caches
            p50, p95 = [], []
            for _run in range(max(self.repeat // 2, 1)):
                times = []
                for lot_id in lot_ids:
                    env.invalidate_all()
                    start = time.perf_counter()
                    answer = Coverage._lookup(lot=Lot.browse(lot_id))
                    times.append((time.perf_counter() - start) * 1000)
                    answers[answer["category"]] = answers.get(answer["category"], 0) + 1
                p50.append(percentile(times, 0.5))
                p95.append(percentile(times, 0.95))
            self._record(f"{key}_p50_ms", p50)
            self._record(f"{key}_p95_ms", p95)
        self.details["coverage"] = {
            "serials": len(lot_ids),
            "users": [desk.login, f"{admin.login} ({len(admin.company_ids)} branches)"],
            "answers": answers,
        }

    # 2. Registering a service request (S2, S4) ---------------------------

    def register(self):
        """The same call registered as a service request (coverage and SLA
        deadlines computed) and as a plain repair.order, alternately, by the
        same user; each create is flushed, the whole run rolled back."""
        self.cr.execute(
            """SELECT c.lot_id, c.partner_id, c.product_id, c.company_id, z.id
                 FROM aftersales_warranty_certificate c
                 JOIN aftersales_zone z ON z.company_id = c.company_id
                WHERE c.lot_id IS NOT NULL ORDER BY random() LIMIT %s""",
            [max(self.samples // 10, 5)],
        )
        calls = self.cr.fetchall()
        admin = self.su.ref("base.user_admin")
        companies = self.su["res.company"].search([])
        env = make_env(self.cr, admin.id, {"lang": "en_US", "allowed_company_ids": companies.ids})
        Request, Repair = env["aftersales.service.request"], env["repair.order"]
        repair_types = {
            w.company_id.id: w.repair_type_id.id for w in self.su["stock.warehouse"].search([])
        }

        def one_run():
            request_ms, repair_ms = [], []
            for lot_id, partner_id, product_id, company_id, zone_id in calls:
                request_vals = {
                    "partner_id": partner_id,
                    "lot_id": lot_id,
                    "zone_id": zone_id,
                    "company_id": company_id,
                    "fault_description": "Does not cool",
                }
                repair_vals = {
                    "partner_id": partner_id,
                    "product_id": product_id,
                    "lot_id": lot_id,
                    "company_id": company_id,
                    "picking_type_id": repair_types[company_id],
                    "internal_notes": "Does not cool",
                }
                for Model, vals, times in (
                    (Request, request_vals, request_ms),
                    (Repair, repair_vals, repair_ms),
                ):
                    env.invalidate_all()
                    start = time.perf_counter()
                    Model.create(vals)
                    env.flush_all()
                    times.append((time.perf_counter() - start) * 1000)
            return percentile(request_ms, 0.5), percentile(repair_ms, 0.5)

        self._rolled_back(one_run)  # warm-up
        runs = [self._rolled_back(one_run) for _run in range(self.repeat)]
        self._record("register_request_ms", [r for r, _p in runs])
        self._record("register_repair_ms", [p for _r, p in runs])
        self._record("register_ratio", [r / p for r, p in runs])
        self.details["register"] = {"calls_per_run": len(calls)}

    # 3. and 4. Scheduled actions -----------------------------------------

    def _cron_run(self, function):
        counter = Counter(self.cr)

        def timed():
            with counter.measure():
                done = function()
                self.su.flush_all()
            return done

        done = self._rolled_back(timed)
        return done, counter.seconds, counter.queries

    def _per_batch_queries(self, batch, sizes):
        """Queries of one batch of each size: equal when a batch costs the
        same queries whatever its size."""
        counts = {}
        for size in sizes:
            counter = Counter(self.cr)

            def one(size=size, counter=counter):
                with counter.measure():
                    done = batch(size)
                    self.su.flush_all()
                return done

            self._rolled_back(one)  # warm-up
            done = self._rolled_back(one)
            counts[size] = {"records": done, "queries": counter.queries}
        return counts

    def _measure_cron(self, key, function, batch, sizes, note):
        """The whole action over the backlog, then the queries of one batch
        at several sizes: equal for the sizes up to ``sizes[-1]``; beyond,
        Odoo's own chunking (``note``) adds a few queries per chunk, never
        one per record."""
        runs = [self._cron_run(function) for _run in range(max(self.repeat // 2, 1) + 1)]
        runs = runs[1:]  # the first one warms the caches
        self._record(f"{key}_s", [seconds for _d, seconds, _q in runs])
        self._record(f"{key}_queries", [queries for _d, _s, queries in runs])
        per_batch = self._per_batch_queries(batch, (*sizes, 2 * sizes[-1]))
        self.details[key] = {
            "records": runs[0][0],
            "queries_per_record": round(runs[0][2] / max(runs[0][0], 1), 3),
            "queries_per_batch": per_batch,
            "query_count_independent_of_size": len({per_batch[s]["queries"] for s in sizes}) == 1,
            "beyond": note,
        }

    def escalation(self):
        from odoo import fields

        Request = self.su["aftersales.service.request"]
        now = fields.Datetime.now()
        self._measure_cron(
            "escalation",
            Request._cron_escalate_sla,
            lambda size: Request._escalate_sla_batch(now, size),
            (50, 100),
            "the ORM inserts and updates 100 rows per query; each distinct supervisor "
            "is subscribed in one query (a batch of 10 may meet fewer supervisors)",
        )

    def renewal(self):
        from odoo import fields

        Contract = self.su["aftersales.maintenance.contract"]
        Certificate = self.su["aftersales.warranty.certificate"]
        today = fields.Date.context_today(Contract)
        self._measure_cron(
            "renewal",
            lambda: Contract._cron_contract_lifecycle() + Certificate._cron_expire_certificates(),
            lambda size: Contract._renewal_notice_batch(today, size),
            (25, 50),
            "mail templates render 50 mails per chunk (mail.batch_size)",
        )

    # 8. Recurring contract invoicing (P6) ---------------------------------

    def _billing_month(self, limit=None):
        """Every running contract billed monthly in advance from the first
        day of this month (its start when later), its earlier months taken as
        billed: a month's run of the billing action. In SQL, a fixed number of
        statements whatever the number of contracts. Returns (company, first
        day of the month)."""
        from odoo import fields

        Contract = self.su["aftersales.maintenance.contract"]
        month = fields.Date.context_today(Contract).replace(day=1)
        self.cr.execute(
            """UPDATE aftersales_maintenance_contract
                  SET billing_mode = 'recurring', billing_period = 'monthly',
                      billing_timing = 'advance', billing_amount_type = 'fixed',
                      billing_price = round(coalesce(fee, 0) / 12 + 100, 2),
                      billing_date_start = greatest(date_start, %(month)s),
                      billing_next_date = greatest(date_start, %(month)s),
                      billing_next_due = greatest(date_start, %(month)s)
                WHERE id IN (SELECT id FROM aftersales_maintenance_contract
                              WHERE state IN ('running', 'expiring')
                                AND date_end >= %(month)s AND date_start <= %(month)s
                                AND NOT EXISTS (
                                    SELECT 1 FROM aftersales_contract_billing_period p
                                     WHERE p.contract_id = aftersales_maintenance_contract.id)
                              ORDER BY id LIMIT %(limit)s)""",
            {"month": month, "limit": limit},
        )
        self.cr.execute(
            """UPDATE aftersales_maintenance_contract SET billing_next_due = NULL
                WHERE billing_mode != 'recurring' OR date_start > %s
                   OR EXISTS (SELECT 1 FROM aftersales_contract_billing_period p
                               WHERE p.contract_id = aftersales_maintenance_contract.id)""",
            [month],
        )
        self.su.invalidate_all()
        return month

    def billing(self):
        """The daily billing action on the first day of a month: one invoice
        (in draft, the default) per running contract — 5 000 at production
        volume — then the queries of one batch at two sizes."""
        if "billing_next_due" not in self.su["aftersales.maintenance.contract"]._fields:
            self.details["billing"] = "skipped: recurring contract invoicing not installed"
            return
        Contract = self.su["aftersales.maintenance.contract"]
        counter = Counter(self.cr)

        def month_run():
            self._billing_month()
            with counter.measure():
                done = Contract._cron_contract_billing(batch_size=200)
                self.su.flush_all()
            return done

        runs = []
        for _run in range(max(self.repeat // 2, 1) + 1):
            counter = Counter(self.cr)
            done = self._rolled_back(month_run)
            self.log(f"  billing: {done} contracts in {counter.seconds:.1f} s")
            runs.append((done, counter.seconds, counter.queries))
        runs = runs[1:]  # the first one warms the caches
        self._record("billing_s", [seconds for _d, seconds, _q in runs])
        self._record("billing_queries", [queries for _d, _s, queries in runs])

        def batch(size):
            month = self._billing_month()
            company = Contract._billing_companies()[:1]
            return Contract._bill_batch(company, month, size)

        per_batch = self._per_batch_queries(batch, (10, 30, 100))
        self.details["billing"] = {
            "contracts": runs[0][0],
            "queries_per_contract": round(runs[0][2] / max(runs[0][0], 1), 3),
            "queries_per_batch": per_batch,
            "query_count_independent_of_size": len({per_batch[s]["queries"] for s in (10, 30)})
            == 1,
            # up to 30 invoices (about 90 invoice lines): one INSERT each
            "beyond": "Odoo inserts 100 rows per INSERT: a few statements per 100 invoice lines",
        }

    # 5. Scorecards, 6. daily reports (modules of the merged suite) -------

    def scorecards(self):
        """Last month's scorecards of every technician of every branch, by the
        module (in a rolled-back transaction), against one hand-written SQL
        statement that aggregates the same measures from the same tables."""
        if "aftersales.technician.scorecard" not in self.su:
            self.details["scorecards"] = "skipped: aftersales.technician.scorecard not installed"
            return
        from dateutil.relativedelta import relativedelta

        from odoo import fields

        Scorecard = self.su["aftersales.technician.scorecard"]
        month = fields.Date.context_today(Scorecard).replace(day=1) - relativedelta(months=1)
        companies = self.su["res.company"].search([])
        start, end, since, until = Scorecard._month_bounds(month)
        params = Scorecard._scoring_params()

        def by_module():
            return sum(len(Scorecard._compute_month(month, c)) for c in companies)

        def by_sql():
            self.cr.execute(SCORECARD_SQL, scorecard_sql_params(start, end, since, until, params))
            return len(self.cr.fetchall())

        self._rolled_back(by_module)  # warm-up
        module_s, sql_s, cards, rows = [], [], 0, 0
        for _run in range(max(self.repeat // 2, 1) + 1):
            self.su.invalidate_all()
            begin = time.perf_counter()
            cards = self._rolled_back(by_module)
            module_s.append(time.perf_counter() - begin)
            begin = time.perf_counter()
            rows = by_sql()
            sql_s.append(time.perf_counter() - begin)
        self._record("scorecards_s", module_s)
        self._record("scorecards_sql_s", sql_s)
        self._record("scorecards_ratio", [m / q for m, q in zip(module_s, sql_s, strict=True)])
        self.details["scorecards"] = {"month": str(month), "scorecards": cards, "sql_rows": rows}

    def daily_xlsx(self):
        """Every daily report of the last 30 days rendered as the XLSX the
        Export button downloads; rows are the technicians' rows written."""
        if "aftersales.daily.report" not in self.su:
            self.details["daily_xlsx"] = "skipped: aftersales.daily.report not installed"
            return
        from odoo import fields

        Report = self.su["aftersales.daily.report"]
        today = fields.Date.context_today(Report)
        reports = Report.search([("date", ">=", today - timedelta(days=30))])
        rows = sum(len(report.line_ids.user_id) for report in reports)
        rates, sizes = [], 0
        for _run in range(max(self.repeat // 2, 1)):
            self.su.invalidate_all()
            begin = time.perf_counter()
            sizes = sum(len(report._render_xlsx()) for report in reports)
            rates.append(rows / (time.perf_counter() - begin))
        self._record("daily_xlsx_rows_per_s", rates)
        self.details["daily_xlsx"] = {"reports": len(reports), "rows": rows, "bytes": sizes}

    # 7. The service-request list as the web client loads it --------------

    def list_view(self):
        """web_search_read with the action's default filters, the list view's
        fields, 80 rows, as a desk user of the first branch."""
        from lxml import etree

        from odoo.tools.safe_eval import safe_eval

        desk = self._user("%.desk0")
        env = self._env_as(desk, desk.company_id)
        action = self.su.ref("aftersales_repair.action_service_request")
        action_context = safe_eval(action.context or "{}", {"uid": desk.id})
        Request = env["aftersales.service.request"].with_context(**action_context)
        views = Request.get_views([(False, "list"), (False, "search")])["views"]
        domain = []
        search = etree.fromstring(views["search"]["arch"])
        for key in action_context:
            if key.startswith("search_default_"):
                node = search.find(f".//filter[@name='{key[len('search_default_') :]}']")
                if node is not None and node.get("domain"):
                    domain += safe_eval(node.get("domain"), {"uid": desk.id})
        specification = {}
        fields = Request._fields
        for node in etree.fromstring(views["list"]["arch"]).iterchildren("field"):
            name = node.get("name")
            relational = fields[name].type in ("many2one", "many2many", "one2many")
            specification[name] = {"fields": {"display_name": {}}} if relational else {}

        def load():
            env.invalidate_all()
            counter = Counter(self.cr)
            with counter.measure():
                result = Request.web_search_read(
                    domain, specification, offset=0, limit=80, order="", count_limit=10001
                )
            return counter, result

        load()  # warm-up: views and caches, as a running server has them
        runs = [load() for _run in range(self.repeat * 2)]
        self._record("list_view_ms", [c.seconds * 1000 for c, _r in runs])
        self._record("list_view_queries", [c.queries for c, _r in runs])
        self.details["list_view"] = {
            "user": desk.login,
            "domain": str(domain),
            "fields": sorted(specification),
            "rows": len(runs[0][1]["records"]),
            "length": runs[0][1]["length"],
        }


def verdicts(figures):
    rows = []
    for key, (what, unit, target) in TARGETS.items():
        if key not in figures:
            continue
        figure = figures[key]
        met = None
        if target:
            met = target[1](figure["median"])
        rows.append(
            {
                "key": key,
                "what": what,
                "unit": unit,
                "median": figure["median"],
                "min": figure["min"],
                "max": figure["max"],
                "target": target[0] if target else "",
                "met": met,
            }
        )
    return rows


def table(rows):
    def fmt(value):
        return f"{value:.0f}" if abs(value) >= 100 else f"{value:.2f}"

    lines = [
        f"{'measurement':<40} {'unit':>6} {'median':>9} {'min':>9} {'max':>9} {'target':>8}  met",
        "-" * 92,
    ]
    for row in rows:
        met = {True: "yes", False: "NO", None: ""}[row["met"]]
        lines.append(
            f"{row['what']:<40} {row['unit']:>6} {fmt(row['median']):>9} {fmt(row['min']):>9} "
            f"{fmt(row['max']):>9} {row['target']:>8}  {met}"
        )
    return "\n".join(lines)


def markdown(rows):
    """The table for the README."""
    lines = [
        "| Measurement | Unit | Median | Min | Max | Target | Met |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    for row in rows:
        figures = [
            f"{row[k]:.0f}" if abs(row[k]) >= 100 else f"{row[k]:.2f}"
            for k in ("median", "min", "max")
        ]
        met = {True: "yes", False: "**no**", None: ""}[row["met"]]
        target = row["target"].replace("<", "&lt;")
        cells = [row["what"], row["unit"], *figures, target, met]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def volumes(cr):
    counts = {}
    for table_name in (
        "res_partner",
        "stock_lot",
        "aftersales_warranty_certificate",
        "aftersales_maintenance_contract",
        "aftersales_service_request",
        "repair_order",
        "aftersales_repair_time",
        "stock_move",
        "aftersales_complaint",
        "aftersales_service_survey",
        "aftersales_technician_scorecard",
        "aftersales_daily_report",
    ):
        cr.execute("SELECT to_regclass(%s)", [table_name])
        if cr.fetchone()[0]:
            cr.execute(f"SELECT count(*) FROM {table_name}")
            counts[table_name] = cr.fetchone()[0]
    cr.execute(
        "SELECT count(*) FROM res_users u JOIN res_groups_users_rel r ON r.uid = u.id "
        "JOIN ir_model_data d ON d.res_id = r.gid AND d.model = 'res.groups' "
        "WHERE d.module = 'aftersales_warranty' AND d.name = 'group_aftersales_technician'"
    )
    counts["technicians"] = cr.fetchone()[0]
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-c", "--config", required=True, help="the suite's odoo.conf")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--samples", type=int, default=500)
    parser.add_argument("--profile", help="cProfile one measurement (e.g. list_view)")
    parser.add_argument("--json", help="write the figures there")
    parser.add_argument("--only", help="comma-separated measurements (e.g. billing)")
    args = parser.parse_args(argv)
    registry = open_registry(args.database, args.config)
    print(f"Measuring on {args.database} ({args.repeat} runs each):")
    only = set(args.only.split(",")) if args.only else None
    bench = Bench(registry, args.repeat, args.samples, profile=args.profile, only=only)
    figures = bench.run()
    rows = verdicts(figures)
    with registry.cursor() as cr:
        counts = volumes(cr)
    print()
    print(table(rows))
    for name, detail in bench.details.items():
        if isinstance(detail, str):
            print(f"{name}: {detail}")
    result = {
        "database": args.database,
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        "volumes": counts,
        "results": rows,
        "details": bench.details,
    }
    result["markdown"] = markdown(rows)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=2, default=str))
        print(f"Figures written to {args.json}")
    return result


if __name__ == "__main__":
    main()

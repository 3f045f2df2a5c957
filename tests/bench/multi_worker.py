"""Two workers, two scheduled actions at once (issue 8): on a copy of the
benchmark database, Odoo runs with ``--workers=2 --max-cron-threads=2`` and
each checked action (the SLA escalation, and the satisfaction survey when
aftersales_survey is installed) exists twice, both due, so that the two cron
workers run them at the same moment; then both are made due again (the
rerun). Afterwards no service request is escalated twice and no job gets two
surveys or two survey invitations. Exits non-zero when one does.

During the first round a third transaction holds the escalation's first
batch locked (a user editing those requests, another job): the workers skip
it, never take it for the end of the work (issue 12), and escalate every
other breached request; the rerun, once the lock is gone, escalates the held
ones. Exits non-zero when the first round leaves more than the held batch.

    python tests/bench/multi_worker.py -d aftersales_bench_workers -c .local/odoo.conf
"""

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchenv import make_env, open_registry

CRONS = {
    "escalation": "aftersales_repair.ir_cron_escalate_sla",
    "survey": "aftersales_survey.ir_cron_send_surveys",
}
ROUND_TIMEOUT = 240
WARM_UP = 15  # seconds
# Small batches: the two runs interleave batch by batch, each committed.
BATCH_CODE = {
    "escalation": "model._cron_escalate_sla(batch_size=%d)",
    "survey": "model._cron_send_surveys(batch_size=%d)",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(registry, batch_size):
    """Each checked action twice, the copy named after its worker; every
    other scheduled action paused so that the run stays short."""
    with registry.cursor() as cr:
        env = make_env(cr)
        crons = env["ir.cron"]
        for rank, (key, xmlid) in enumerate(CRONS.items()):
            cron = env.ref(xmlid, raise_if_not_found=False)
            if not cron:
                print(f"  {key}: {xmlid} not installed, not checked")
                continue
            pair = cron | cron.copy({"name": f"{cron.name} (second worker)"})
            if batch_size:
                pair.code = BATCH_CODE[key] % batch_size
            # the two copies first in the queue together: one to each worker
            pair.priority = rank
            crons |= pair
        env["ir.cron"].search([("id", "not in", crons.ids)]).active = False
        # due only when a round makes them due
        crons.write({"active": True, "nextcall": "2099-01-01 00:00:00"})
        return crons.ids


def wake_cron_workers(dbname):
    """What ir.cron._notifydb does: the cron workers listen on the
    ``postgres`` database (they sleep a minute between polls otherwise)."""
    from odoo import sql_db

    with sql_db.db_connect("postgres").cursor() as cr:
        cr.execute("NOTIFY cron_trigger, %s", [dbname])


def make_due(cr, cron_ids, dbname):
    cr.execute(
        "UPDATE ir_cron SET nextcall = now() at time zone 'UTC' - interval '1 minute'"
        " WHERE id = ANY(%s)",
        [cron_ids],
    )
    cr.commit()
    wake_cron_workers(dbname)


def wait_round(cr, cron_ids, odoo):
    """Until every checked action ran and was rescheduled (next call ahead)."""
    deadline = time.monotonic() + ROUND_TIMEOUT
    while time.monotonic() < deadline:
        if odoo.poll() is not None:
            raise SystemExit(f"Odoo stopped (exit {odoo.returncode}); see its log")
        cr.execute(
            "SELECT count(*) FROM ir_cron WHERE id = ANY(%s)"
            " AND nextcall <= clock_timestamp() at time zone 'UTC'",
            [cron_ids],
        )
        if cr.fetchone()[0] == 0:
            return True
        cr.rollback()  # a fresh snapshot for the next look
        time.sleep(2)
    return False


def overlaps(log_path, cron_ids):
    """(start, end, cron id, pid) of each run of the checked actions, from
    Odoo's log, and whether two of them ran at the same time."""
    starts, runs = {}, []
    pattern = re.compile(
        r"^(\S+ \S+) (\d+) INFO \S+ odoo\.addons\.base\.models\.ir_cron: "
        r"Job ['\"].*['\"] \((\d+)\) (\w+)"
    )
    for line in Path(log_path).read_text(errors="replace").splitlines():
        match = pattern.match(line)
        if not match or int(match.group(3)) not in cron_ids:
            continue
        moment = datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S,%f")
        key = (match.group(2), int(match.group(3)))
        if match.group(4) == "starting":
            starts[key] = moment
        elif key in starts:
            done = re.search(r"; done (\d+);", line)
            status = "failed" if match.group(4) == "failed" else done and done.group(1)
            runs.append((starts.pop(key), moment, key[1], key[0], status))
    concurrent = any(
        a[0] < b[1] and b[0] < a[1] and a[3] != b[3]
        for i, a in enumerate(runs)
        for b in runs[i + 1 :]
    )
    return runs, concurrent


def survey_backlog(cr):
    """Jobs closed in the survey action's look-back that have no survey yet."""
    cr.execute("SELECT to_regclass('aftersales_service_survey')")
    if not cr.fetchone()[0]:
        return 0
    cr.execute(
        """SELECT count(*) FROM aftersales_service_request
            WHERE state = 'done' AND NOT coalesce(aftersales_survey_sent, false)
              AND date_done >= now() at time zone 'UTC' - interval '7 days'
              AND date_done < date_trunc('day', now() at time zone 'UTC')"""
    )
    return cr.fetchone()[0]


ESCALATION_DUE = """
    FROM aftersales_service_request
   WHERE state IN ('to_approve', 'to_dispatch', 'dispatched') AND date_arrival IS NULL
     AND NOT coalesce(sla_escalated, false)
     AND sla_deadline < now() at time zone 'UTC'"""


def escalation_backlog(cr):
    cr.execute("SELECT count(*)" + ESCALATION_DUE)
    return cr.fetchone()[0]


def escalation_due_ids(cr):
    cr.execute("SELECT id" + ESCALATION_DUE)
    return [row[0] for row in cr.fetchall()]


def unescalated(cr, ids):
    """How many of ``ids`` are not escalated yet."""
    cr.execute(
        "SELECT count(*) FROM aftersales_service_request"
        " WHERE id = ANY(%s) AND NOT coalesce(sla_escalated, false)",
        [list(ids)],
    )
    return cr.fetchone()[0]


def hold_first_batch(cr, batch_size):
    """The third transaction: locks what the escalation's first batch is (the
    oldest breached requests) until ``cr`` ends. Returns the ids held."""
    cr.execute("SELECT id" + ESCALATION_DUE + " ORDER BY id LIMIT %s FOR UPDATE", [batch_size])
    return [row[0] for row in cr.fetchall()]


def count_duplicates(cr):
    """Per check: how many records, and how many got it more than once."""
    checks = {
        "escalation activities per request": """
            SELECT res_id, count(*) FROM mail_activity
             WHERE res_model = 'aftersales.service.request'
               AND summary = 'Arrival deadline breached' GROUP BY res_id""",
        "escalation notes per request": """
            SELECT res_id, count(*) FROM mail_message
             WHERE model = 'aftersales.service.request'
               AND body::text LIKE '%%Arrival deadline breached%%' GROUP BY res_id""",
    }
    cr.execute("SELECT to_regclass('aftersales_service_survey')")
    if cr.fetchone()[0]:
        checks["surveys per service request"] = """
            SELECT request_id, count(*) FROM aftersales_service_survey
             WHERE request_id IS NOT NULL GROUP BY request_id"""
        checks["survey invitations per job"] = """
            SELECT coalesce('request ' || s.request_id, 'repair ' || s.repair_id), count(*)
              FROM aftersales_service_survey s
              JOIN mail_message m ON m.model = 'aftersales.service.survey' AND m.res_id = s.id
              JOIN mail_mail mm ON mm.mail_message_id = m.id
             GROUP BY 1"""
    result = {}
    for name, query in checks.items():
        cr.execute(query)
        rows = cr.fetchall()
        result[name] = {
            "records": len(rows),
            "more_than_once": sum(1 for _id, count in rows if count > 1),
        }
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True, help="a copy: it is written to")
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("--log", default="/tmp/aftersales-bench-workers.log")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument(
        "--no-hold",
        action="store_true",
        help="do not hold the escalation's first batch locked during the first round",
    )
    args = parser.parse_args(argv)
    registry = open_registry(args.database, args.config)
    cron_ids = prepare(registry, args.batch_size)
    with registry.cursor() as cr:
        before = count_duplicates(cr)
        backlog = escalation_backlog(cr)
        due_ids = escalation_due_ids(cr)
        surveys_due = survey_backlog(cr)
    print(f"  {backlog} breached requests wait for their escalation")
    print(f"  about {surveys_due} closed jobs wait for their satisfaction survey")
    # a script, not ``-m odoo``: the prefork server re-runs sys.argv[0] to
    # start its gevent process
    Path(args.log).unlink(missing_ok=True)
    launcher = Path(args.log).with_name("odoo-launcher.py")
    launcher.write_text("import odoo.cli\n\nodoo.cli.main()\n")
    command = [
        sys.executable,
        str(launcher),
        "-c",
        args.config,
        "-d",
        args.database,
        "--db-filter",
        f"^{args.database}$",
        "--workers=2",
        "--max-cron-threads=2",
        "--http-interface=127.0.0.1",
        f"--http-port={free_port()}",
        f"--gevent-port={free_port()}",
        "--log-level=info",
        f"--logfile={args.log}",
    ]
    print(f"  starting Odoo with 2 workers and 2 cron workers (log: {args.log})")
    odoo = subprocess.Popen(command, env=os.environ.copy(), start_new_session=True)
    completed = []
    holder, held, left_with_lock = None, [], None
    try:
        # let both cron workers load the registry, so that they wake together
        for _tick in range(WARM_UP):
            time.sleep(1)
            wake_cron_workers(args.database)
        with registry.cursor() as cr:
            for number in range(1, args.rounds + 1):
                if number == 1 and not args.no_hold and backlog:
                    holder = registry.cursor()
                    held = hold_first_batch(holder, args.batch_size or 500)
                    print(f"  round 1: a third transaction holds {len(held)} requests locked")
                make_due(cr, cron_ids, args.database)
                done = wait_round(cr, cron_ids, odoo)
                completed.append(done)
                print(f"  round {number}: {'every action ran' if done else 'TIMED OUT'}")
                if holder:
                    left_with_lock = unescalated(cr, set(due_ids) - set(held))
                    cr.rollback()
                    holder.rollback()
                    holder.close()
                    holder = None
    finally:
        if holder:
            holder.close()
        os.killpg(odoo.pid, signal.SIGTERM)
        try:
            odoo.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(odoo.pid, signal.SIGKILL)
    with registry.cursor() as cr:
        after = count_duplicates(cr)
    runs, concurrent = overlaps(args.log, cron_ids)
    runs.sort()
    print(f"  {len(runs)} runs of the checked actions; two ran at the same time: {concurrent}")
    for start, end, cron_id, pid, status in runs:
        print(
            f"    cron {cron_id} in worker {pid}: {start:%H:%M:%S.%f} to {end:%H:%M:%S.%f}, "
            + ("failed (see the log)" if status == "failed" else f"{status} records")
        )
    failed = not all(completed)
    for name, figures in after.items():
        new = figures["records"] - before.get(name, {}).get("records", 0)
        verdict = "ok" if figures["more_than_once"] == 0 else "TWICE"
        failed = failed or figures["more_than_once"] > 0
        print(
            f"  {name}: {figures['records']} records ({new} new), "
            f"{figures['more_than_once']} more than once: {verdict}"
        )
    escalated = (
        after["escalation activities per request"]["records"]
        - before["escalation activities per request"]["records"]
    )
    if backlog and not escalated:
        print("  the backlog was not escalated: nothing was checked")
        failed = True
    surveys = after.get("surveys per service request")
    if surveys_due and surveys["records"] == before["surveys per service request"]["records"]:
        print("  no survey was sent: nothing was checked")
        failed = True
    if held:
        verdict = "ok" if left_with_lock == 0 else "a locked batch stopped the work"
        failed = failed or left_with_lock != 0
        print(
            f"  first round, {len(held)} requests held locked: {left_with_lock} of the "
            f"{len(due_ids) - len(held)} others left unescalated: {verdict}"
        )
    with registry.cursor() as cr:
        left = unescalated(cr, due_ids)
    print(f"  after the rerun: {left} of {len(due_ids)} breached requests left unescalated")
    failed = failed or left > 0
    print("FAILED" if failed else "OK: nothing was escalated or surveyed twice, or left")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

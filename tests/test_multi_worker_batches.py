"""Cron batches (issue 12): two workers run a scheduled action at the same
moment while a third transaction holds the first batch's rows locked. A
locked batch is skipped, never taken for the end of the work: the workers
escalate every other request of the backlog, each once; once the third
transaction lets go, the next run escalates the rest.

Runs against the throwaway database of `make test` (AFTERSALES_TEST_DB), after
the modules' own tests. Each worker runs a copy of the SLA escalation action
through Odoo's scheduler (``ir.cron.method_direct_trigger``: its own cursors,
a commit per batch, as a cron worker does), in its own thread."""

from datetime import datetime

from workers import env as _env
from workers import run_workers as _run_workers

BACKLOG = 120
BATCH = 20


ESCALATION_DOMAIN = [
    ("state", "in", ("to_approve", "to_dispatch", "dispatched")),
    ("date_arrival", "=", False),
    ("sla_escalated", "=", False),
]


def _make_backlog(odoo, registry):
    """BACKLOG requests past their arrival deadline, and two copies of the
    escalation action (one per worker), with small batches."""
    with registry.cursor() as cr:
        env = _env(odoo, cr)
        requests = env["aftersales.service.request"].create(
            [
                {
                    "partner_id": env.ref("aftersales_base.partner_li_ming").id,
                    "zone_id": env.ref("aftersales_repair.zone_urban").id,
                    "fault_description": "Cron batch backlog",
                    "date_call": datetime(2026, 1, 5, 2, 0),
                }
                for _i in range(BACKLOG)
            ]
        )
        cron = env.ref("aftersales_repair.ir_cron_escalate_sla")
        crons = cron.copy({"name": "SLA escalation, worker 1", "active": False})
        crons |= cron.copy({"name": "SLA escalation, worker 2", "active": False})
        crons.write({"code": f"model._cron_escalate_sla(batch_size={BATCH})"})
        return requests.ids, crons.ids


def _first_batch(odoo, cr):
    """What the action's first batch is: the oldest breached requests."""
    env = _env(odoo, cr)
    now = odoo.fields.Datetime.now()
    return (
        env["aftersales.service.request"]
        .search(ESCALATION_DOMAIN + [("sla_deadline", "<", now)], limit=BATCH, order="id")
        .ids
    )


def _escalations(odoo, registry, request_ids):
    """Per request of the backlog: how many escalation activities it got."""
    with registry.cursor() as cr:
        # the summary is written in the company's language (X4)
        requests = _env(odoo, cr)["aftersales.service.request"]
        lang = requests.env.company._aftersales_lang()
        summary = requests.with_context(lang=lang)._level_escalation_texts()["arrival"][0]
        cr.execute(
            """SELECT res_id, count(*) FROM mail_activity
                WHERE res_model = 'aftersales.service.request'
                  AND summary = %s AND res_id = ANY(%s)
                GROUP BY res_id""",
            [summary, request_ids],
        )
        return dict(cr.fetchall())


def test_a_locked_first_batch_does_not_stop_the_workers(registry):
    odoo, reg = registry
    request_ids, cron_ids = _make_backlog(odoo, reg)
    locker = reg.cursor()  # the third transaction (a user editing, another job)
    try:
        held = _first_batch(odoo, locker)
        assert len(held) == BATCH
        locker.execute(
            "SELECT id FROM aftersales_service_request WHERE id = ANY(%s) FOR UPDATE", [held]
        )
        assert len(locker.fetchall()) == BATCH
        # A worker whose transaction failed to serialize (the rows it found
        # changed meanwhile) is retried, as the scheduler would.
        for _round in range(3):
            outcomes = _run_workers(odoo, reg, cron_ids)
            assert len(outcomes) == 2, outcomes
            escalated = _escalations(odoo, reg, request_ids)
            if len(escalated) >= BACKLOG - len(set(held) & set(request_ids)):
                break
        assert not set(escalated) & set(held), "the held rows were left to their holder"
        expected = set(request_ids) - set(held)
        assert set(escalated) == expected, (
            f"{len(expected - set(escalated))} of {len(expected)} requests were not escalated: "
            "a locked batch was taken for the end of the work"
        )
    finally:
        locker.rollback()
        locker.close()
    _run_workers(odoo, reg, cron_ids)
    escalated = _escalations(odoo, reg, request_ids)
    assert set(escalated) == set(request_ids), "the rest is escalated once the lock is gone"
    assert set(escalated.values()) == {1}, "no request escalated twice"

"""C11/X: two workers running the complaint escalation at the same moment
never escalate a step twice (one activity, one count per overdue step).

Runs against the throwaway database of `make test` (AFTERSALES_TEST_DB), after
the modules' own tests, with real committed transactions in two threads."""

import threading
from datetime import datetime

import psycopg2.errors

COUNT = 30


def _env(odoo, cr):
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def _make_overdue_complaints(odoo, registry):
    with registry.cursor() as cr:
        env = _env(odoo, cr)
        customer = env["res.partner"].create({"name": "Worker test complainant"})
        complaints = env["aftersales.complaint"].create(
            [
                {
                    "partner_id": customer.id,
                    "category_id": env.ref("aftersales_complaint.categ_pq_defect").id,
                    "date_received": datetime(2020, 1, 6, 1, 0),
                    "description": "Two workers at once",
                }
                for _i in range(COUNT)
            ]
        )
        assert all(complaints.mapped("stage_deadline"))
        return complaints.ids


def _escalate_in_threads(odoo, registry, workers=2):
    barrier = threading.Barrier(workers)
    outcomes = []
    now = datetime.now()

    def worker():
        with registry.cursor() as cr:
            env = _env(odoo, cr)
            barrier.wait()
            try:
                done = env["aftersales.complaint"]._escalate_overdue_batch(now, 1000)
                cr.commit()
                outcomes.append(done)
            except psycopg2.errors.SerializationFailure:
                cr.rollback()
                outcomes.append("retry later")

    threads = [threading.Thread(target=worker) for _i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def test_two_workers_never_escalate_a_step_twice(registry):
    odoo, reg = registry
    complaint_ids = _make_overdue_complaints(odoo, reg)
    for _round in range(3):  # the second and third rounds are the reruns
        outcomes = _escalate_in_threads(odoo, reg)
        assert len(outcomes) == 2, outcomes
    with reg.cursor() as cr:
        env = _env(odoo, cr)
        complaints = env["aftersales.complaint"].browse(complaint_ids)
        assert set(complaints.mapped("escalation_count")) == {1}
        overdue = env["mail.activity"].search(
            [
                ("res_model", "=", complaints._name),
                ("res_id", "in", complaint_ids),
                ("summary", "=", "Complaint step overdue"),
            ]
        )
        assert len(overdue) == COUNT, "exactly one escalation per overdue step"
        assert sorted(overdue.mapped("res_id")) == sorted(complaint_ids)

"""V1: two workers running the survey sending action at the same moment never
survey a job twice.

Runs against the throwaway database of `make test` (AFTERSALES_TEST_DB), after
the modules' own tests, with real committed transactions in two threads: the
situation of two Odoo workers, which a TransactionCase cannot produce."""

import threading
from datetime import timedelta

import psycopg2.errors


def _env(odoo, cr):
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tz": "Asia/Shanghai"})


def _closed_yesterday(odoo, registry, count):
    with registry.cursor() as cr:
        env = _env(odoo, cr)
        Survey = env["aftersales.service.survey"]
        today = odoo.fields.Date.context_today(Survey)
        company = env.company
        done = company._aftersales_day_start(today) - timedelta(hours=12)
        customer = env["res.partner"].create(
            {"name": "Survey worker customer", "email": "sw@example.com"}
        )
        Request = env["aftersales.service.request"]
        # Jobs closed yesterday, as history: their steps are the suite's to
        # write (X6), through the process mixin's way in when the model has it.
        create = getattr(Request, "_create_process", Request.create)
        requests = create(
            [
                {
                    "partner_id": customer.id,
                    "zone_id": env.ref("aftersales_repair.zone_urban").id,
                    "fault_description": "Two workers survey this job",
                    "date_call": done - timedelta(days=1),
                    "date_arrival": done - timedelta(hours=20),
                    "state": "done",
                    "user_id": env.ref("aftersales_repair.user_tech_sun").id,
                    "date_done": done,
                }
                for _i in range(count)
            ]
        )
        return (
            requests.ids,
            company._aftersales_day_start(today - timedelta(days=7)),
            company._aftersales_day_start(today),
        )


def _send_in_threads(odoo, registry, since, until, workers=2):
    barrier = threading.Barrier(workers)
    outcomes = []

    def worker():
        with registry.cursor() as cr:
            env = _env(odoo, cr)
            Survey = env["aftersales.service.survey"]
            barrier.wait()
            try:
                done = Survey._send_for_requests(Survey._satisfaction_survey(), since, until, 1000)
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


def test_two_workers_never_survey_a_job_twice(registry):
    odoo, reg = registry
    request_ids, since, until = _closed_yesterday(odoo, reg, 30)
    for _round in range(3):  # the second and third rounds are the reruns
        outcomes = _send_in_threads(odoo, reg, since, until)
        assert len(outcomes) == 2, outcomes
    with reg.cursor() as cr:
        env = _env(odoo, cr)
        surveys = env["aftersales.service.survey"].search([("request_id", "in", request_ids)])
        assert sorted(surveys.request_id.ids) == sorted(request_ids)
        assert len(surveys) == 30, "exactly one survey per job"
        assert len(surveys.user_input_id) == 30, "one answer token per job"
        mails = env["mail.mail"].search(
            [("model", "=", surveys._name), ("res_id", "in", surveys.ids)]
        )
        assert len(mails) == 30, "exactly one invitation per job"

"""W5/X: two workers running the contract renewal action at the same moment
never send a notice or create an opportunity twice.

Runs against the throwaway database of `make test` (AFTERSALES_TEST_DB), after
the modules' own tests, with real committed transactions in two threads: the
situation of two Odoo workers, which a TransactionCase cannot produce."""

import itertools
import threading
from datetime import timedelta

import psycopg2.errors

serials = itertools.count()


def _env(odoo, cr):
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def _make_due_contracts(odoo, registry, count):
    with registry.cursor() as cr:
        env = _env(odoo, cr)
        Contract = env["aftersales.maintenance.contract"]
        today = odoo.fields.Date.context_today(Contract)
        product = env["product.product"].create(
            {"name": "Worker test unit", "is_storable": True, "tracking": "serial"}
        )
        customer = env["res.partner"].create(
            {"name": "Worker test customer", "email": "w@example.com"}
        )
        lots = env["stock.lot"].create(
            [{"name": f"MW-{next(serials)}", "product_id": product.id} for _i in range(count)]
        )
        contracts = Contract.create(
            [
                {
                    "partner_id": customer.id,
                    "date_start": today - timedelta(days=200),
                    "date_end": today + timedelta(days=10),
                    "fee": 500,
                    "inspections_per_year": 0,
                    "lot_ids": [odoo.Command.set(lot.ids)],
                }
                for lot in lots
            ]
        )
        contracts.action_start()
        return contracts.ids, today


def _run_in_threads(odoo, registry, today, workers=2):
    barrier = threading.Barrier(workers)
    outcomes = []

    def worker():
        with registry.cursor() as cr:
            env = _env(odoo, cr)
            barrier.wait()
            try:
                done = env["aftersales.maintenance.contract"]._renewal_notice_batch(today, 1000)
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


def test_two_workers_never_renew_twice(registry):
    odoo, reg = registry
    contract_ids, today = _make_due_contracts(odoo, reg, 40)
    for _round in range(3):  # the second and third rounds are the reruns
        outcomes = _run_in_threads(odoo, reg, today)
        assert len(outcomes) == 2, outcomes
    with reg.cursor() as cr:
        env = _env(odoo, cr)
        contracts = env["aftersales.maintenance.contract"].browse(contract_ids)
        leads = env["crm.lead"].search([("aftersales_contract_id", "in", contract_ids)])
        mails = env["mail.mail"].search(
            [
                ("model", "=", contracts._name),
                ("res_id", "in", contract_ids),
                ("recipient_ids", "in", contracts.partner_id.ids),
            ]
        )
        assert len(leads) == 40, "exactly one opportunity per contract"
        assert sorted(leads.aftersales_contract_id.ids) == sorted(contract_ids)
        assert len(mails) == 40, "exactly one renewal notice per contract"
        assert set(contracts.mapped("state")) == {"expiring"}


def _dispatch_in_threads(odoo, registry, request_id, supervisor_id, technician_ids):
    """Two dispatchers press at the same moment, each for another
    technician; like Odoo's RPC layer, a transaction that fails to serialize
    is retried once."""
    from odoo.exceptions import UserError

    barrier = threading.Barrier(len(technician_ids))
    outcomes = []

    def dispatcher(technician_id):
        for attempt in range(2):
            with registry.cursor() as cr:
                env = odoo.api.Environment(cr, supervisor_id, {})
                request = env["aftersales.service.request"].browse(request_id)
                if attempt == 0:
                    barrier.wait()
                try:
                    request.write({"user_id": technician_id})
                    cr.commit()
                    outcomes.append(("assigned", technician_id))
                    return
                except psycopg2.errors.SerializationFailure:
                    cr.rollback()
                except UserError as error:
                    cr.rollback()
                    outcomes.append(("refused", str(error)))
                    return
        outcomes.append(("gave up", technician_id))

    threads = [threading.Thread(target=dispatcher, args=(t,)) for t in technician_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def test_two_dispatchers_never_assign_twice(registry):
    odoo, reg = registry
    with reg.cursor() as cr:
        env = _env(odoo, cr)
        sun = env.ref("aftersales_repair.user_tech_sun")
        zhou = env.ref("aftersales_repair.user_tech_zhou")
        env["aftersales.technician.certification"].create(
            {
                "user_id": zhou.id,
                "categ_id": env.ref("aftersales_warranty.categ_air_conditioners").id,
            }
        )
        request = env["aftersales.service.request"].create(
            {
                "partner_id": env.ref("aftersales_base.partner_li_ming").id,
                "zone_id": env.ref("aftersales_repair.zone_urban").id,
                "lot_id": env.ref("aftersales_warranty.lot_split_ac_001").id,
                "fault_description": "Two dispatchers at once",
            }
        )
        supervisor_id = env.ref("aftersales_base.user_supervisor").id
        request_id, technicians = request.id, [sun.id, zhou.id]
    outcomes = _dispatch_in_threads(odoo, reg, request_id, supervisor_id, technicians)
    assigned = [o for o in outcomes if o[0] == "assigned"]
    refused = [o for o in outcomes if o[0] == "refused"]
    assert len(assigned) == 1, outcomes
    assert len(refused) == 1, outcomes
    assert "already dispatched" in refused[0][1] or "right now" in refused[0][1]
    with reg.cursor() as cr:
        env = _env(odoo, cr)
        request = env["aftersales.service.request"].browse(request_id)
        assert request.state == "dispatched"
        assert request.user_id.id == assigned[0][1]
        changes = env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", request._name),
                ("mail_message_id.res_id", "=", request_id),
                ("field_id.name", "=", "user_id"),
            ]
        )
        assert len(changes) == 1, "one assignment in the chatter"

"""Recurring contract invoicing (P6, issue 16): two workers run the billing
action at the same moment over contracts with missed periods. Each period is
invoiced once: the contract rows are locked (skip locked) while a batch bills
them, and the database refuses a second row for a contract's period.

Runs against the throwaway database of `make test` (AFTERSALES_TEST_DB), after
the modules' own tests, in the style of test_multi_worker_batches.py: each
worker runs a copy of the billing action through Odoo's scheduler
(``ir.cron.method_direct_trigger``: its own cursors, a commit per batch), in
its own thread."""

from datetime import date, timedelta

from workers import env as _env
from workers import run_workers as _run_workers

CONTRACTS = 60
BATCH = 10
MONTHS = 3  # each contract has three monthly periods due: a catch-up


def _make_contracts(odoo, registry):
    """CONTRACTS running contracts billed monthly in advance whose billing
    started three months ago (three periods due), and two copies of the
    billing action (one per worker), with small batches."""
    from odoo import Command

    with registry.cursor() as cr:
        env = _env(odoo, cr)
        company = env.company
        today = company._aftersales_today()
        start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        start = (start - timedelta(days=1)).replace(day=1)  # first day, two months ago
        product = env["product.product"].create(
            {"name": "Billing workers unit", "is_storable": True, "tracking": "serial"}
        )
        lots = env["stock.lot"].create(
            [{"name": f"MWB-{i:04d}", "product_id": product.id} for i in range(CONTRACTS)]
        )
        contracts = env["aftersales.maintenance.contract"].create(
            [
                {
                    "partner_id": env.ref("aftersales_base.partner_li_ming").id,
                    "date_start": start,
                    "date_end": date(start.year + 2, 12, 31),
                    "inspections_per_year": 0,
                    "lot_ids": [Command.set(lot.ids)],
                    "billing_mode": "recurring",
                    "billing_period": "monthly",
                    "billing_price": 100.0,
                }
                for lot in lots
            ]
        )
        contracts.action_start()
        cron = env.ref("aftersales_warranty.ir_cron_contract_billing")
        crons = cron.copy({"name": "Contract billing, worker 1", "active": False})
        crons |= cron.copy({"name": "Contract billing, worker 2", "active": False})
        crons.write({"code": f"model._cron_contract_billing(batch_size={BATCH})"})
        return contracts.ids, crons.ids


def _billed(registry, contract_ids):
    """Per contract: (its invoices, its billed periods, distinct period starts)."""
    with registry.cursor() as cr:
        cr.execute(
            """SELECT c.id,
                      (SELECT count(*) FROM account_move m
                        WHERE m.aftersales_contract_id = c.id AND m.move_type = 'out_invoice'),
                      (SELECT count(*) FROM aftersales_contract_billing_period p
                        WHERE p.contract_id = c.id AND p.kind = 'normal'),
                      (SELECT count(DISTINCT p.date_from) FROM aftersales_contract_billing_period p
                        WHERE p.contract_id = c.id AND p.kind = 'normal')
                 FROM aftersales_maintenance_contract c WHERE c.id = ANY(%s)""",
            [contract_ids],
        )
        return {row[0]: row[1:] for row in cr.fetchall()}


def test_two_workers_bill_each_period_once(registry):
    """P6: two workers at once; a worker whose transaction failed to
    serialize is retried, as the scheduler would: every contract ends with
    exactly its three due periods, each invoiced once."""
    odoo, reg = registry
    contract_ids, cron_ids = _make_contracts(odoo, reg)
    for _round in range(3):
        outcomes = _run_workers(odoo, reg, cron_ids)
        assert len(outcomes) == 2, outcomes
        billed = _billed(reg, contract_ids)
        if all(counts[1] >= MONTHS for counts in billed.values()):
            break
    wrong = {cid: counts for cid, counts in billed.items() if counts != (MONTHS,) * 3}
    assert not wrong, f"contracts not billed exactly once per period: {wrong}"
    # a rerun bills nothing more
    _run_workers(odoo, reg, cron_ids)
    assert _billed(reg, contract_ids) == billed, "a rerun billed a period twice"

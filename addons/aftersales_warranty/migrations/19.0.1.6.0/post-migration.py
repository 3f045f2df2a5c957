# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""19.0.1.6.0 (P6, issue 16): recurring contract invoicing. The contracts of
the released suite were invoiced by hand (one invoice for the fee): they keep
their one-off invoicing, so that the daily action never bills them again; the
accountant switches a contract to recurring deliberately, from the day its
billing should start. Their invoices are linked through the new field."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """UPDATE aftersales_maintenance_contract
              SET billing_mode = 'manual', billing_next_due = NULL
            WHERE billing_mode IS DISTINCT FROM 'manual' OR billing_next_due IS NOT NULL"""
    )
    cr.execute(
        """UPDATE account_move m
              SET aftersales_contract_id = rel.contract_id
             FROM aftersales_contract_invoice_rel rel
            WHERE rel.move_id = m.id AND m.aftersales_contract_id IS NULL"""
    )

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""19.0.1.7.0 (I3, issue 17): every certificate gets its own random check code
before the field is declared, so that Odoo does not give all existing rows
the one default value it computes for a new column, and the field is required
and unique from then on. Batches of 1000 rows, one UPDATE each; re-runnable
(only rows without a code are filled)."""

import secrets

from odoo.tools import SQL

BATCH = 1000
# As models/warranty_certificate_check.py makes them (that module is not
# imported yet when pre-migrations run): 10 characters without 0/O, 1/I/L.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_check_code():
    return "".join(secrets.choice(ALPHABET) for _i in range(10))


def fill_check_codes(cr, batch=BATCH):
    """Gives every certificate without a check code a new one; returns how
    many were filled."""
    cr.execute(
        "ALTER TABLE aftersales_warranty_certificate ADD COLUMN IF NOT EXISTS check_code varchar"
    )
    cr.execute(
        "SELECT check_code FROM aftersales_warranty_certificate WHERE check_code IS NOT NULL"
    )
    taken = {row[0] for row in cr.fetchall()}
    filled = 0
    while True:
        cr.execute(
            """SELECT id FROM aftersales_warranty_certificate
                WHERE check_code IS NULL ORDER BY id LIMIT %s""",
            (batch,),
        )
        ids = [row[0] for row in cr.fetchall()]
        if not ids:
            return filled
        pairs = []
        for cert_id in ids:
            code = new_check_code()
            while code in taken:
                code = new_check_code()
            taken.add(code)
            pairs.append(SQL("(%s, %s)", cert_id, code))
        cr.execute(
            SQL(
                """UPDATE aftersales_warranty_certificate c
                      SET check_code = v.code
                     FROM (VALUES %s) AS v(id, code)
                    WHERE c.id = v.id""",
                SQL(", ").join(pairs),
            )
        )
        filled += len(ids)


def migrate(cr, version):
    if not version:
        return
    fill_check_codes(cr)

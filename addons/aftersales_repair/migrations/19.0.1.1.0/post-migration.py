# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""19.0.1.1.0 (issue 12): the record rules of this module are noupdate data
from now on, so that a company's own change to a rule survives upgrades. Odoo
does not change the flag of records that exist already: this does, once the
upgrade has written the rules as this version defines them."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "UPDATE ir_model_data SET noupdate = TRUE WHERE module = %s AND model = 'ir.rule'",
        ("aftersales_repair",),
    )

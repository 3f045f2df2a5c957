# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the suite's migration scripts share."""


def make_rules_noupdate(cr, module):
    """The record rules of ``module`` become noupdate data, as a fresh install
    has them: Odoo does not change the flag of records that exist already."""
    cr.execute(
        "UPDATE ir_model_data SET noupdate = TRUE WHERE module = %s AND model = 'ir.rule'",
        (module,),
    )

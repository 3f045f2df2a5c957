# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools import SQL

from .upgrade import adopt_xmlids, rename_model

# Installed under a suite that had no base module (releases up to 19.0.1.1):
# the roles, menus, settings, demo people and the ledger of the complaint
# register move here.
LEDGER_RENAMES = {
    f"aftersales_complaint.{old}": new
    for old, new in {
        "rule_complaint_penalty_company": "rule_ledger_entry_company",
        "rule_complaint_penalty_own": "rule_ledger_entry_own",
        "rule_complaint_penalty_manager_all": "rule_ledger_entry_manager_all",
        "rule_complaint_penalty_quality_all": "rule_ledger_entry_quality_all",
        "access_complaint_penalty_user": "access_ledger_entry_user",
        "access_complaint_penalty_manager": "access_ledger_entry_manager",
        "complaint_penalty_view_list": "ledger_entry_view_list",
        "complaint_penalty_view_form": "ledger_entry_view_form",
        "complaint_penalty_view_search": "ledger_entry_view_search",
        "complaint_penalty_view_pivot": "ledger_entry_view_pivot",
        "complaint_penalty_view_graph": "ledger_entry_view_graph",
        "action_complaint_penalty": "action_ledger_entry",
    }.items()
}


def pre_init_hook(env):
    rename_model(env.cr, "aftersales.complaint.penalty", "aftersales.ledger.entry")
    adopt_xmlids(
        env.cr,
        "aftersales_base",
        ["aftersales_warranty", "aftersales_repair", "aftersales_complaint"],
        renamed=LEDGER_RENAMES,
    )


def uninstall_hook(env):
    """The module's demo people go with it: the ledger, whose table is dropped
    next, must not keep them."""
    for column in ("user_id", "confirmed_by_id"):
        env.cr.execute(
            SQL(
                "ALTER TABLE %s DROP CONSTRAINT IF EXISTS %s",
                SQL.identifier("aftersales_ledger_entry"),
                SQL.identifier(f"aftersales_ledger_entry_{column}_fkey"),
            )
        )

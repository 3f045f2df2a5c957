# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""19.0.1.1.0 (issue 12): record rules are noupdate, so that a company's own
change to a rule survives upgrades; set once the upgrade has written them."""

from odoo.addons.aftersales_base.upgrade import make_rules_noupdate


def migrate(cr, version):
    if version:
        make_rules_noupdate(cr, "aftersales_repair")

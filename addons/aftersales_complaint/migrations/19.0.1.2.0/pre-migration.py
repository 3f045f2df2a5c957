# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Complaints about service calls, repairs and returns moved to the bridge
aftersales_complaint_repair: its records keep their rows (the views that add
complaint buttons to the service request, the demo story), and the bridge is
installed in the same upgrade."""

from odoo.addons.aftersales_base.upgrade import adopt_xmlids, install_bridge


def migrate(cr, version):
    adopt_xmlids(cr, "aftersales_complaint_repair", ["aftersales_complaint"])
    install_bridge(cr, "aftersales_complaint_repair", ("aftersales_complaint", "aftersales_repair"))

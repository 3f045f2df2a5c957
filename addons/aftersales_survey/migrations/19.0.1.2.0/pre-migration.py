# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Complaints from surveys moved to the bridge aftersales_survey_complaint,
installed in the same upgrade where the complaint register is."""

from odoo.addons.aftersales_base.upgrade import adopt_xmlids, install_bridge


def migrate(cr, version):
    adopt_xmlids(cr, "aftersales_survey_complaint", ["aftersales_survey"])
    install_bridge(cr, "aftersales_survey_complaint", ("aftersales_survey", "aftersales_complaint"))

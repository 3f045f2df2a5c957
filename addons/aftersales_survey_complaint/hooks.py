# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aftersales_base.upgrade import adopt_xmlids


def pre_init_hook(env):
    """Installed under a suite whose survey module held these (19.0.1.1)."""
    adopt_xmlids(env.cr, "aftersales_survey_complaint", ["aftersales_survey"])

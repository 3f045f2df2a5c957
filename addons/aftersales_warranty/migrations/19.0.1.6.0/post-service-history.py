# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""19.0.1.6.0 (P5, issue 16): the portal customer sees the lines of his own
jobs on the serial's history, also without a certificate and after the
warranty's end. The record rule is noupdate data: its new domain is written
here."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = env.ref("aftersales_warranty.rule_service_portal", raise_if_not_found=False)
    if rule:
        rule.write(
            {
                "name": "Service history: portal customers see their own jobs",
                "domain_force": "[('commercial_partner_id', '=', user.commercial_partner_id.id)]",
            }
        )

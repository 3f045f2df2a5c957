# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestHelpdeskBridge(TransactionCase):
    """C12: the bridge installs by itself beside complaints and helpdesk."""

    def test_bridge_is_auto_install(self):
        module = self.env["ir.module.module"].search([("name", "=", "aftersales_helpdesk")])
        self.assertTrue(module.auto_install)
        self.assertEqual(
            set(module.dependencies_id.mapped("name")),
            {"aftersales_complaint", "helpdesk_mgmt"},
        )

    def test_ticket_category_maps_to_complaint_category(self):
        attitude = self.env.ref("aftersales_complaint.categ_sv_attitude")
        ticket_categ = self.env["helpdesk.ticket.category"].create(
            {"name": "Rude technician", "aftersales_complaint_category_id": attitude.id}
        )
        self.assertEqual(ticket_categ.aftersales_complaint_category_id, attitude)

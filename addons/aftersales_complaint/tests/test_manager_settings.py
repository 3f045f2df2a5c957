# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_user

PARAM = "aftersales_complaint.penalty_head"


@tagged("post_install", "-at_install")
class TestComplaintManagerSettings(TransactionCase):
    """Issue 15 (X1, X4, W2, W9 onboarding): the service manager (not an
    administrator) changes a penalty amount in the settings; a desk user
    and a supervisor cannot."""

    def test_manager_changes_the_penalty(self):
        manager = make_user(self.env, "manager", login="as_cset_manager")
        self.env["res.config.settings"].with_user(manager).create(
            {"aftersales_penalty_head": 321.0}
        ).execute()
        self.assertEqual(float(self.env["ir.config_parameter"].sudo().get_param(PARAM)), 321.0)

    def test_desk_and_supervisor_cannot(self):
        params = self.env["ir.config_parameter"].sudo()
        before = params.get_param(PARAM)
        for role in ("desk", "supervisor"):
            user = make_user(self.env, role, login=f"as_cset_{role}")
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.env["res.config.settings"].with_user(user).create(
                    {"aftersales_penalty_head": 999.0}
                ).execute()
        self.assertEqual(params.get_param(PARAM), before)

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import make_user


@tagged("post_install", "-at_install")
class TestManagerSettings(TransactionCase):
    """Issue 15 (X1, X4, W2, W9 onboarding): the service manager, not an
    administrator, saves the suite's settings and only them; a desk user
    or a supervisor cannot."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = make_user(cls.env, "manager", login="as_set_manager")
        cls.supervisor = make_user(cls.env, "supervisor", login="as_set_supervisor")
        cls.desk = make_user(cls.env, "desk", login="as_set_desk")
        cls.other = make_user(cls.env, "manager", login="as_set_other")

    def test_manager_saves_the_suite_settings(self):
        self.assertFalse(self.manager._is_admin())
        settings = (
            self.env["res.config.settings"]
            .with_user(self.manager)
            .create({"aftersales_service_manager_id": self.other.id})
        )
        settings.execute()
        self.assertEqual(self.env.company.aftersales_service_manager_id, self.other)

    def test_manager_changes_nothing_else(self):
        params = self.env["ir.config_parameter"].sudo()
        before = params.get_param("base_setup.show_effect")
        settings = self.env["res.config.settings"].with_user(self.manager).create({})
        with self.assertRaises(AccessError):
            settings.write({"show_effect": not before})
        with self.assertRaises(AccessError):
            settings.read(["show_effect"])
        self.env["res.config.settings"].with_user(self.manager).create(
            {"show_effect": not before}
        ).execute()
        self.assertEqual(params.get_param("base_setup.show_effect"), before)

    def test_desk_and_supervisor_cannot(self):
        for user in (self.desk, self.supervisor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["res.config.settings"].with_user(user).create(
                    {"aftersales_service_manager_id": self.other.id}
                ).execute()
        self.assertNotEqual(self.env.company.aftersales_service_manager_id, self.other)

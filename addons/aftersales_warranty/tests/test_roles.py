# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_role_users


@tagged("post_install", "-at_install")
class TestRoles(TransactionCase):
    """X2: the suite's roles, their implied chain and what each may change."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = make_role_users(cls.env)
        cls.policy = cls.env["aftersales.warranty.policy"].create(
            {"name": "Test policy", "period": 2, "period_unit": "year"}
        )

    def _group(self, role):
        return self.env.ref(f"aftersales_base.group_aftersales_{role}")

    def test_roles_share_the_after_sales_privilege(self):
        privilege = self.env.ref("aftersales_base.res_groups_privilege_aftersales")
        roles = ("desk", "technician", "supervisor", "manager", "executive")
        self.assertEqual(
            {self._group(role) for role in roles},
            set(privilege.group_ids),
            "X2: every suite role hangs on the After-Sales privilege",
        )

    def test_implied_chain(self):
        executive = self.users["executive"]
        for role in ("desk", "technician", "supervisor", "manager"):
            self.assertTrue(
                executive.has_group(f"aftersales_base.group_aftersales_{role}"),
                f"X2: an executive has every right of the {role} role",
            )
        supervisor = self.users["supervisor"]
        self.assertTrue(supervisor.has_group("aftersales_base.group_aftersales_desk"))
        self.assertTrue(supervisor.has_group("aftersales_base.group_aftersales_technician"))
        self.assertFalse(supervisor.has_group("aftersales_base.group_aftersales_manager"))
        technician = self.users["technician"]
        self.assertFalse(technician.has_group("aftersales_base.group_aftersales_desk"))
        self.assertFalse(technician.has_group("aftersales_base.group_aftersales_supervisor"))

    def test_only_managers_change_warranty_policies(self):
        for role in ("desk", "technician", "supervisor", "employee"):
            policy = self.policy.with_user(self.users[role])
            self.assertEqual(policy.name, "Test policy", f"{role} can read policies")
            with self.assertRaises(AccessError, msg=f"X2: {role} must not edit a policy"):
                policy.write({"period": 3})
            with self.assertRaises(AccessError, msg=f"X2: {role} must not create a policy"):
                policy.create({"name": "Rogue", "period": 1})
        manager_policy = self.policy.with_user(self.users["manager"])
        manager_policy.write({"period": 3})
        self.assertEqual(self.policy.period, 3)

    def test_portal_reads_but_never_writes_policies(self):
        policy = self.policy.with_user(self.users["portal"])
        self.assertEqual(policy.period, 2)
        with self.assertRaises(AccessError):
            policy.write({"period": 9})

    def test_app_menu_visible_to_roles_only(self):
        menu = self.env.ref("aftersales_base.menu_aftersales_root")
        config = self.env.ref("aftersales_base.menu_aftersales_config")
        Menu = self.env["ir.ui.menu"]
        for role in ("desk", "technician", "supervisor", "manager", "executive"):
            visible = Menu.with_user(self.users[role])._visible_menu_ids()
            self.assertIn(menu.id, visible, f"X2: {role} sees the After-Sales app")
        plain = Menu.with_user(self.users["employee"])._visible_menu_ids()
        self.assertNotIn(menu.id, plain, "a user without an after-sales role does not")
        self.assertNotIn(
            config.id,
            Menu.with_user(self.users["supervisor"])._visible_menu_ids(),
            "configuration is for service managers",
        )
        admin = self.env.ref("base.user_admin")
        self.assertIn(config.id, Menu.with_user(admin)._visible_menu_ids())

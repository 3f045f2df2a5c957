# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from odoo.addons.aftersales_base.tests.role_matrix_case import RoleMatrixCase


@tagged("post_install", "-at_install")
class TestRoleMatrix(RoleMatrixCase):
    """X2, X3, X5: the warranty rows of the declared role matrix hold, cell by cell."""

    def test_matrix(self):
        """X2/X3/X5: every role's rights on warranty records are the table's."""
        self.walk("aftersales_warranty")

    def test_actions(self):
        """X2: the declared warranty actions exist; the enforced ones refuse other roles."""
        self.check_actions("aftersales_warranty")

    def test_manager_invoices_quality_group(self):
        """X2: the service manager may invoice; the quality department is a role of its own."""
        manager = self.users["manager"]
        self.assertTrue(manager.has_group("account.group_account_invoice"))
        self.assertTrue(self.env["account.move"].with_user(manager).has_access("create"))
        quality = self.env.ref("aftersales_base.group_aftersales_quality")
        self.assertEqual(
            quality.privilege_id,
            self.env.ref("aftersales_base.res_groups_privilege_aftersales_quality"),
        )
        self.assertFalse(self.users["quality"].has_group("aftersales_base.group_aftersales_desk"))

    def test_accountant_opens_contract(self):
        """X2: the accountant opens a maintenance contract (to invoice it), changes nothing."""
        accountant = self.users["accountant"]
        contract, _other = self._pair("aftersales.maintenance.contract", "accountant", accountant)
        form = Form(contract.with_user(accountant))
        self.assertEqual(form.name, contract.name)
        with self.assertRaises(AccessError):
            contract.with_user(accountant).write({"user_id": accountant.id})

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.aftersales_base.tests.role_matrix_case import RoleMatrixCase


@tagged("post_install", "-at_install")
class TestRoleMatrix(RoleMatrixCase):
    """X2: the helpdesk bridge's action in the declared role matrix."""

    def test_actions(self):
        """X2: escalating a ticket to a complaint is declared (desk and above)."""
        self.check_actions("aftersales_helpdesk")

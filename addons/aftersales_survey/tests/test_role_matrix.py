# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.aftersales_base.tests.role_matrix_case import RoleMatrixCase


@tagged("post_install", "-at_install")
class TestRoleMatrix(RoleMatrixCase):
    """X2, X3, X5: the aftersales_survey rows of the declared role matrix."""

    def test_matrix(self):
        """X2/X3/X5: every role's rights on aftersales_survey records are the table's."""
        self.walk("aftersales_survey")

    def test_actions(self):
        """X2: the declared aftersales_survey actions exist; enforced ones refuse others."""
        self.check_actions("aftersales_survey")

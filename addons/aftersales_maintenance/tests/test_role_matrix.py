# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.aftersales_base.tests.role_matrix_case import RoleMatrixCase


@tagged("post_install", "-at_install")
class TestRoleMatrix(RoleMatrixCase):
    """X2, X3, X5: the planned-service rows of the declared role matrix."""

    def test_matrix(self):
        """X2/X3/X5: every role's rights on checklists, plans and reports are the table's."""
        self.walk("aftersales_maintenance")

    def test_actions(self):
        """X2/P2: only the job's technician (or supervisor, manager) submits an inspection
        report; only a supervisor or manager cancels one."""
        self.check_actions("aftersales_maintenance")

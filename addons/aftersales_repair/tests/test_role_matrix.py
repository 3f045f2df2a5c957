# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from odoo.addons.aftersales_base.tests.role_matrix_case import RoleMatrixCase


@tagged("post_install", "-at_install")
class TestRoleMatrix(RoleMatrixCase):
    """X2, X3, X5: the service-call and repair rows of the declared role matrix."""

    def test_matrix(self):
        """X2/X3/X5: every role's rights on jobs, repairs, reports, receipts are the table's."""
        self.walk("aftersales_repair")

    def test_actions(self):
        """X2: the declared job and repair actions exist; the enforced ones refuse other roles."""
        self.check_actions("aftersales_repair")

    def test_accountant_opens_repair_order(self):
        """X2: the accountant opens a repair order (where Invoice Deposit is), changes nothing."""
        accountant = self.users["accountant"]
        repair, _other = self._pair("repair.order", "accountant", accountant)
        form = Form(repair.with_user(accountant))
        self.assertEqual(form.name, repair.name)
        with self.assertRaises(AccessError):
            repair.with_user(accountant).write({"internal_notes": "X2"})

    def test_technician_own_repairs_only(self):
        """X2: a technician finds his own repair orders, never another technician's."""
        technician = self.users["technician"]
        own, other = self._pair("repair.order", "technician", technician)
        found = (
            self.env["repair.order"].with_user(technician).search([("id", "in", (own | other).ids)])
        )
        self.assertEqual(found, own)
        with self.assertRaises(AccessError):
            other.with_user(technician).read(["name"])

    def test_branch_isolation(self):
        """X3: another company's manager reads none of this company's checklists or report lines."""
        stranger = self.users["other_company"]
        for model in (
            "aftersales.conduct.check",
            "aftersales.daily.report.line",
            "aftersales.goods.receipt",
        ):
            record, _other = self._pair(model, "other_company", stranger)
            self.assertFalse(
                self.env[model].with_user(stranger).search([("id", "=", record.id)]),
                f"X3: {model} of another company",
            )

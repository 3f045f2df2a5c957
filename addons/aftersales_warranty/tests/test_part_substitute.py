# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_role_users


@tagged("post_install", "-at_install")
class TestPartSubstitute(TransactionCase):
    """W7: spare-part availability and approved substitutes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = make_role_users(cls.env)
        Product = cls.env["product.product"]
        cls.part = Product.create(
            {"name": "Compressor C-200", "aftersales_available_until": date(2034, 12, 31)}
        )
        cls.new_part = Product.create({"name": "Compressor C-210"})
        cls.substitute = cls.env["aftersales.part.substitute"].create(
            {"product_tmpl_id": cls.part.product_tmpl_id.id, "substitute_id": cls.new_part.id}
        )

    def test_part_in_production_is_given_itself(self):
        self.assertEqual(self.part.product_tmpl_id._aftersales_part_for_request(), self.part)

    def test_discontinued_part_proposes_approved_substitute(self):
        template = self.part.product_tmpl_id
        template.aftersales_discontinued = True
        with self.assertRaisesRegex(UserError, "no approved substitute"):
            template._aftersales_part_for_request()
        with self.assertRaisesRegex(UserError, "test report"):
            self.substitute.action_approve()
        self.assertEqual(self.substitute.state, "proposed")
        self.substitute.write(
            {"test_report": base64.b64encode(b"%PDF-1.4 test"), "test_report_name": "t.pdf"}
        )
        self.substitute.with_user(self.users["manager"]).action_approve()
        self.assertEqual(self.substitute.approved_by_id, self.users["manager"])
        self.assertEqual(template._aftersales_part_for_request(), self.new_part)

    def test_part_cannot_substitute_itself(self):
        with self.assertRaises(ValidationError):
            self.env["aftersales.part.substitute"].create(
                {"product_tmpl_id": self.part.product_tmpl_id.id, "substitute_id": self.part.id}
            )

    def test_only_managers_approve(self):
        """W7, X6: the approval is the manager's step; a write never approves."""
        with self.assertRaises(UserError):
            self.substitute.with_user(self.users["supervisor"]).write({"state": "approved"})
        self.substitute.test_report = base64.b64encode(b"%PDF-1.4 test")
        with self.assertRaises(AccessError):
            self.substitute.with_user(self.users["supervisor"]).action_approve()
        self.assertEqual(self.substitute.state, "proposed")

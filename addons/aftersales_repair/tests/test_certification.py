# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_role_users, make_user


@tagged("post_install", "-at_install")
class TestCertification(TransactionCase):
    """S15: technician certifications per product category."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = make_role_users(cls.env)
        cls.categ = cls.env["product.category"].create({"name": "Heat pumps"})
        cls.other_tech = make_user(cls.env, "technician", login="as_test_technician_2")
        Cert = cls.env["aftersales.technician.certification"]
        cls.own = Cert.create(
            {
                "user_id": cls.users["technician"].id,
                "categ_id": cls.categ.id,
                "date_valid": date(2026, 1, 1),
                "date_expiry": date(2027, 12, 31),
            }
        )
        cls.others = Cert.create(
            {
                "user_id": cls.other_tech.id,
                "categ_id": cls.categ.id,
                "date_valid": date(2026, 1, 1),
            }
        )

    def test_validity_window(self):
        self.assertFalse(self.own._is_valid_on(date(2025, 12, 31)))
        self.assertTrue(self.own._is_valid_on(date(2026, 6, 1)))
        self.assertFalse(self.own._is_valid_on(date(2028, 1, 1)))
        self.assertTrue(self.others._is_valid_on(date(2040, 1, 1)), "no expiry: valid for good")

    def test_expiry_before_validity_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot expire before"):
            self.own.date_expiry = date(2025, 1, 1)

    def test_technician_sees_only_own_certifications(self):
        Cert = self.env["aftersales.technician.certification"]
        seen = Cert.with_user(self.users["technician"]).search([("categ_id", "=", self.categ.id)])
        self.assertEqual(seen, self.own, "X2: technicians see their own certifications only")
        seen = Cert.with_user(self.users["supervisor"]).search([("categ_id", "=", self.categ.id)])
        self.assertEqual(seen, self.own | self.others, "supervisors see every technician's")

    def test_technician_cannot_certify_themselves(self):
        with self.assertRaises(AccessError):
            self.env["aftersales.technician.certification"].with_user(
                self.users["technician"]
            ).create({"user_id": self.users["technician"].id, "categ_id": self.categ.id})
        with self.assertRaises(AccessError):
            self.own.with_user(self.users["technician"]).date_expiry = date(2099, 1, 1)

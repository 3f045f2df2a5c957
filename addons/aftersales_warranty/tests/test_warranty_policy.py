# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2.errors import CheckViolation

from odoo.tests import TransactionCase
from odoo.tools import mute_logger


class TestWarrantyPolicy(TransactionCase):
    """W1: a warranty policy per product, defaulting to the category's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Policy = cls.env["aftersales.warranty.policy"]
        cls.two_years = Policy.create({"name": "2 years", "period": 2, "period_unit": "year"})
        cls.six_months = Policy.create({"name": "6 months", "period": 6, "period_unit": "month"})
        cls.parent_categ = cls.env["product.category"].create(
            {"name": "Appliances", "aftersales_warranty_policy_id": cls.two_years.id}
        )
        cls.child_categ = cls.env["product.category"].create(
            {"name": "Small appliances", "parent_id": cls.parent_categ.id}
        )

    def test_end_date_per_unit(self):
        start = date(2026, 3, 1)
        self.assertEqual(self.two_years._end_date(start), date(2028, 2, 29))
        self.assertEqual(self.six_months._end_date(start), date(2026, 8, 31))
        ten_days = self.two_years.copy({"period": 10, "period_unit": "day"})
        self.assertEqual(ten_days._end_date(start), date(2026, 3, 10))

    def test_product_policy_overrides_category(self):
        product = self.env["product.template"].create(
            {"name": "Kettle", "categ_id": self.child_categ.id}
        )
        self.assertEqual(
            product._aftersales_warranty_policy(),
            self.two_years,
            "W1: without its own policy a product takes its category's (inherited from parents)",
        )
        product.aftersales_warranty_policy_id = self.six_months
        self.assertEqual(product._aftersales_warranty_policy(), self.six_months)

    def test_product_without_any_policy(self):
        categ = self.env["product.category"].create({"name": "No warranty"})
        product = self.env["product.template"].create({"name": "Cable", "categ_id": categ.id})
        self.assertFalse(product._aftersales_warranty_policy())

    def test_period_must_be_positive(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation):
            self.env["aftersales.warranty.policy"].create({"name": "Broken", "period": 0})

    def test_display_name_shows_period(self):
        self.assertEqual(self.six_months.display_name, "6 months (6 Months)")

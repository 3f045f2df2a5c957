# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestChecklist(TransactionCase):
    """P1/P2: a checklist's measured items carry the range a value must stay in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env["aftersales.checklist.template"].create(
            {
                "name": "Boiler inspection",
                "item_ids": [
                    Command.create({"name": "Burner lights", "kind": "check"}),
                    Command.create(
                        {
                            "name": "Water pressure",
                            "kind": "measure",
                            "uom": "bar",
                            "value_min": 1.0,
                            "value_max": 2.0,
                        }
                    ),
                ],
            }
        )
        cls.pressure = cls.template.item_ids.filtered(lambda i: i.kind == "measure")

    def test_p2_out_of_range_is_flagged(self):
        """P2: a measured value outside [min, max] is out of range; the bounds are in range."""
        self.assertTrue(self.pressure._is_out_of_range(0.9))
        self.assertTrue(self.pressure._is_out_of_range(2.1))
        self.assertFalse(self.pressure._is_out_of_range(1.0))
        self.assertFalse(self.pressure._is_out_of_range(2.0))
        check = self.template.item_ids - self.pressure
        self.assertFalse(check._is_out_of_range(99.0))

    def test_p1_range_upside_down_is_refused(self):
        """P1: a minimum above the maximum is refused, by write too."""
        with self.assertRaises(ValidationError):
            self.pressure.write({"value_min": 3.0})
        self.assertEqual(self.pressure.value_min, 1.0)

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoStory(TransactionCase):
    """The demo company: an urban and a suburban zone, certified technicians
    with working calendars, serial-tracked products, customers."""

    def test_demo_zones_technicians_products(self):
        # The suite's test command installs the demo data (scripts/test.sh).
        urban = self.env.ref("aftersales_repair.zone_urban")
        suburban = self.env.ref("aftersales_repair.zone_suburban")
        self.assertEqual((urban.arrival_sla_hours, suburban.arrival_sla_hours), (6, 7))
        for tech in urban.technician_ids | suburban.technician_ids:
            self.assertTrue(tech.has_group("aftersales_warranty.group_aftersales_technician"))
            self.assertTrue(tech.employee_id.resource_calendar_id, f"{tech.name} has working hours")
            self.assertTrue(tech.aftersales_certification_ids, f"{tech.name} is certified")
        products = self.env["product.product"].search(
            [
                (
                    "categ_id",
                    "child_of",
                    self.env.ref("aftersales_warranty.categ_air_conditioners").id,
                )
            ]
        )
        self.assertTrue(products)
        self.assertEqual(set(products.mapped("tracking")), {"serial"})
        self.assertTrue(all(p.product_tmpl_id._aftersales_warranty_policy() for p in products))
        self.assertTrue(
            self.env.ref("aftersales_warranty.partner_huaxin_hotel").phone,
            "customers have phones",
        )

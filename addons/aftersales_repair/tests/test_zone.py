# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import CheckViolation, UniqueViolation

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_base.tests.common import make_role_users


@tagged("post_install", "-at_install")
class TestZone(TransactionCase):
    """S4: zones carry their arrival SLA in working hours and a calendar."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = make_role_users(cls.env)
        cls.zone = cls.env["aftersales.zone"].create(
            {"name": "Test urban", "code": "TURB", "arrival_sla_hours": 6}
        )

    def test_zone_defaults_to_company_calendar(self):
        self.assertEqual(self.zone.resource_calendar_id, self.env.company.resource_calendar_id)

    def test_sla_must_be_positive(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation):
            self.env["aftersales.zone"].create({"name": "Nowhere", "arrival_sla_hours": 0})

    def test_code_unique_per_company(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(UniqueViolation):
            self.env["aftersales.zone"].create({"name": "Twin", "code": "TURB"})

    def test_technician_zones_are_the_zone_technicians(self):
        tech = self.users["technician"]
        self.zone.technician_ids = tech
        self.assertEqual(tech.aftersales_zone_ids, self.zone)

    def test_only_managers_configure_zones(self):
        for role in ("desk", "technician", "supervisor"):
            zone = self.zone.with_user(self.users[role])
            self.assertEqual(zone.arrival_sla_hours, 6, f"{role} reads zones")
            with self.assertRaises(AccessError, msg=f"X2: {role} must not change a zone's SLA"):
                zone.write({"arrival_sla_hours": 12})
        self.zone.with_user(self.users["manager"]).write({"arrival_sla_hours": 5})
        self.assertEqual(self.zone.arrival_sla_hours, 5)

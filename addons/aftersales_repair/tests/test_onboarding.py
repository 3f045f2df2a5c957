# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_user

REQUEST = "aftersales.service.request"


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15 04:00:00")
class TestOnboarding(TransactionCase):
    """Issue 15 (X1, X4, W2, W9 onboarding): a company installed without
    demo data: the checklist names the repair essentials, and registering
    a call without a zone says what is missing instead of a NOT NULL error."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Onboarding Repair Co"})
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.desk = make_user(cls.env, "desk", login="as_onb_desk", company=cls.company)
        cls.supervisor = make_user(cls.env, "supervisor", login="as_onb_sup", company=cls.company)
        cls.tech = make_user(cls.env, "technician", login="as_onb_tech", company=cls.company)
        cls.customer = cls.env["res.partner"].create({"name": "First Customer"})

    def steps(self):
        return {s["key"]: s["done"] for s in self.company._aftersales_setup_steps()}

    def make_zone(self, name="Urban"):
        return self.env["aftersales.zone"].create(
            {
                "name": name,
                "company_id": self.company.id,
                "supervisor_id": self.supervisor.id,
                "technician_ids": [Command.set(self.tech.ids)],
            }
        )

    def test_checklist_repair_steps_turn_green(self):
        """Zones, certifications, cash journal, service manager, sales director."""
        steps = self.steps()
        for key in ("zones", "certifications", "cash_journal", "service_manager", "sales_director"):
            self.assertFalse(steps[key], key)
        self.make_zone()
        self.env["aftersales.technician.certification"].create(
            {
                "user_id": self.tech.id,
                "categ_id": self.env["product.category"].create({"name": "Boilers"}).id,
                "company_id": self.company.id,
            }
        )
        self.env["account.journal"].create(
            {"name": "Cash", "code": "OCSH", "type": "cash", "company_id": self.company.id}
        )
        manager = make_user(self.env, "manager", login="as_onb_mgr", company=self.company)
        self.company.aftersales_sales_director_id = manager
        steps = self.steps()
        for key in ("zones", "certifications", "cash_journal", "service_manager", "sales_director"):
            self.assertTrue(steps[key], key)

    def test_zone_without_supervisor_is_not_set_up(self):
        zone = self.make_zone()
        zone.supervisor_id = False
        self.assertFalse(self.steps()["zones"])

    def test_create_without_any_zone_says_what_is_missing(self):
        """create()/import/RPC: no zone in the company -> a ValidationError
        naming the zones and where to create them, not NotNullViolation."""
        requests = self.env[REQUEST].with_user(self.desk)
        with self.assertRaisesRegex(ValidationError, "No service zone exists in Onboarding"):
            requests.create({"partner_id": self.customer.id, "fault_description": "No heat"})
        # the import goes through create too: the same message
        result = requests.load(
            ["partner_id/.id", "fault_description"], [[str(self.customer.id), "No heat"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn("Service Zones", result["messages"][0]["message"])

    def test_only_zone_is_taken_and_several_must_be_chosen(self):
        zone = self.make_zone()
        requests = self.env[REQUEST].with_user(self.desk)
        request = requests.create({"partner_id": self.customer.id, "fault_description": "No heat"})
        self.assertEqual(request.zone_id, zone)
        self.make_zone("Suburban")
        # issue 15: a returning caller keeps the zone of his last call
        again = requests.create({"partner_id": self.customer.id, "fault_description": "No heat"})
        self.assertEqual(again.zone_id, zone)
        first_caller = self.env["res.partner"].create({"name": "First caller"})
        with self.assertRaisesRegex(ValidationError, "Choose the service zone"):
            requests.create({"partner_id": first_caller.id, "fault_description": "No heat"})

    def test_form_fills_the_only_zone(self):
        """Form: the desk registers the first call; the company's only zone is filled in."""
        zone = self.make_zone()
        form = Form(self.env[REQUEST].with_user(self.desk))
        self.assertEqual(form.zone_id, zone)
        form.partner_id = self.customer
        form.fault_description = "No heat"
        request = form.save()
        self.assertEqual(request.zone_id, zone)
        self.assertEqual(request.company_id, self.company)

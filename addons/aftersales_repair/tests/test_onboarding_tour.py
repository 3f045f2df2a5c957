# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_base.tests.common import make_user

# Also written in static/tests/tours/aftersales_onboarding_tour.js.
CUSTOMER = "Onboarding First Customer"


@tagged("post_install", "-at_install")
class TestOnboardingTour(HttpCase):
    """Issue 15 (X1, X4, W2, W9 onboarding), in a real browser: a new
    company without setup; its service manager opens After-Sales and gets
    the checklist with red lines, opens a line's screen; once the
    essentials exist the checklist is green and the first call is saved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Onboarding Tour Co"})
        cls.manager = make_user(cls.env, "manager", login="as_onboarding_tour", company=cls.company)
        cls.env["res.partner"].create({"name": CUSTOMER, "company_id": cls.company.id})

    def set_up_essentials(self):
        company = self.company
        year = company._aftersales_today().year
        self.env["aftersales.calendar.day"].create(
            {"name": "National Day", "date_from": date(year, 10, 1), "company_id": company.id}
        )
        zone = self.env["aftersales.zone"].create(
            {
                "name": "Onboarding Zone",
                "company_id": company.id,
                "supervisor_id": self.manager.id,
                "technician_ids": [Command.set(self.manager.ids)],
            }
        )
        categ = self.env["product.category"].create(
            {
                "name": "Onboarding Boilers",
                "aftersales_warranty_policy_id": self.env["aftersales.warranty.policy"]
                .create({"name": "Onboarding Warranty", "company_id": company.id})
                .id,
            }
        )
        self.env["aftersales.technician.certification"].create(
            {"user_id": self.manager.id, "categ_id": categ.id, "company_id": company.id}
        )
        self.env["account.journal"].create(
            {"name": "Cash", "code": "OTCSH", "type": "cash", "company_id": company.id}
        )
        company.aftersales_sales_director_id = self.manager
        return zone

    def test_from_empty_company_to_first_call(self):
        steps = self.company._aftersales_setup_steps()
        self.assertFalse(all(step["done"] for step in steps))
        self.start_tour(
            "/odoo", "aftersales_onboarding_checklist_tour", login=self.manager.login, timeout=120
        )
        zone = self.set_up_essentials()
        self.assertTrue(self.company._aftersales_setup_done())
        self.start_tour(
            "/odoo", "aftersales_onboarding_first_call_tour", login=self.manager.login, timeout=180
        )
        request = self.env["aftersales.service.request"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(len(request), 1)
        self.assertEqual(request.zone_id, zone)
        self.assertEqual(request.partner_id.name, CUSTOMER)

    def test_manager_saves_the_suite_settings(self):
        """The service manager, not an administrator, opens and saves the
        suite's settings in the browser (issue 15)."""
        manager = make_user(self.env, "manager", login="as_settings_tour")
        self.assertFalse(manager.has_group("base.group_system"))
        self.start_tour(
            "/odoo", "aftersales_manager_settings_tour", login=manager.login, timeout=120
        )
        self.assertEqual(manager.company_id.aftersales_hotline, "400-800-1234")

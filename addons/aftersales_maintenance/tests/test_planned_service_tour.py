# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_base.tests.common import make_portal_customers, make_user

from .test_inspection_report import InspectionFixtures


@tagged("post_install", "-at_install")
class TestPlannedServiceTour(InspectionFixtures, HttpCase):
    """Issue 16's whole chain, in a real browser: a contract with a maintenance
    plan and a monthly billing schedule → the daily action creates the planned
    job and dispatches it to the plan's technician → he fills the inspection on
    a 390×844 screen with a photo and the customer's signature → the customer
    finds the report and its PDF on his portal → the billing action invoices
    the contract's next period, which the customer sees on his portal."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_inspection_fixtures()
        portal = make_portal_customers(cls.env, "PS")
        cls.customer_company, cls.portal_user = portal["customer_a"], portal["user_a"]
        cls.inspector = make_user(
            cls.env, "technician", login="as_plan_tour_inspector", tz="Asia/Shanghai"
        )
        cls.zone.technician_ids |= cls.inspector
        cls.env["aftersales.technician.certification"].create(
            {"user_id": cls.inspector.id, "categ_id": cls.categ.id, "date_valid": "2020-01-01"}
        )
        cls.env.company.aftersales_contract_billing_post = True
        today = cls.env.company._aftersales_today()
        cls.lot = cls.new_lot()
        cls.contract = cls.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": cls.customer_company.id,
                "date_start": today,
                "date_end": today + timedelta(days=364),
                "fee": 1200.0,
                "inspections_per_year": 0,
                "lot_ids": [Command.set(cls.lot.ids)],
                "billing_mode": "recurring",
                "billing_period": "monthly",
                "billing_timing": "advance",
                "billing_price": 100.0,
            }
        )
        cls.contract.action_start()
        cls.plan = cls.env["aftersales.maintenance.plan"].create(
            {
                "title": "Chiller half-yearly inspection",
                "contract_id": cls.contract.id,
                "lot_id": cls.lot.id,
                "request_type_id": cls.inspection_type.id,
                "interval_unit": "month",
                "interval_number": 6,
                "date_start": today + timedelta(days=3),
                "lead_days": 14,
                "checklist_template_id": cls.template.id,
                "user_id": cls.inspector.id,
                "zone_id": cls.zone.id,
            }
        )

    def test_p1_p2_p6_plan_to_inspection_to_invoice(self):
        """P1, P2, P6: from the plan to the planned job, the inspection on a
        phone, the report on the portal and the contract's invoice."""
        Plan = self.env["aftersales.maintenance.plan"]
        Plan._cron_generate_jobs()
        job = self.plan.job_ids
        self.assertEqual(len(job), 1, "P1: the first due date's job, created ahead of time")
        self.assertEqual(job.user_id, self.inspector, "P1: dispatched to the plan's technician")
        self.assertEqual(job.state, "dispatched")
        self.assertEqual(job.checklist_template_id, self.template)
        Plan._cron_generate_jobs()
        self.assertEqual(len(self.plan.job_ids), 1, "P1: a rerun makes no second job")

        self.start_tour(
            f"/odoo/action-aftersales_repair.action_service_request/{job.id}",
            "aftersales_inspection_mobile_tour",
            login=self.inspector.login,
            timeout=240,
        )
        report = job.inspection_report_id
        self.assertEqual(report.state, "submitted", "P2: submitted on the phone")
        self.assertEqual(report.evidence_photo_count, 1)
        self.assertEqual(report.out_of_range_count, 1)
        self.start_tour(
            "/my/inspections",
            "aftersales_inspection_portal_tour",
            login=self.portal_user.login,
            timeout=120,
        )

        self.assertFalse(self.contract.billing_period_ids)
        self.env["aftersales.maintenance.contract"]._cron_contract_billing()
        invoice = self.contract.billing_period_ids.move_id
        self.assertEqual(len(invoice), 1, "P6: this month's period, invoiced once")
        self.assertEqual(invoice.state, "posted")
        self.authenticate(self.portal_user.login, self.portal_user.login)
        page = self.url_open("/my/invoices")
        self.assertEqual(page.status_code, 200)
        self.assertIn(invoice.name, page.text, "P6: the customer sees his contract invoice")

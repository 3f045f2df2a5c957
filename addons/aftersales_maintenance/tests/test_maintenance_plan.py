# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_base.tests.common import (
    assertQueriesConstant,
    make_portal_customers,
    make_user,
)
from odoo.addons.aftersales_base.tests.role_matrix_case import RoleMatrixCase
from odoo.addons.aftersales_repair.tests.common import ServiceFixtures


class PlanFixtures(ServiceFixtures):
    @classmethod
    def setup_plan_fixtures(cls):
        cls.setup_service_fixtures()
        cls.Plan = cls.env["aftersales.maintenance.plan"]
        cls.Request = cls.env["aftersales.service.request"]
        cls.inspection = cls.env.ref("aftersales_repair.request_type_inspection")
        # the demo's plans (dated from the day the database was made) stay out
        cls.Plan.search([]).active = False

    @classmethod
    def make_plan(cls, **vals):
        return cls.Plan.create(
            {
                "lot_id": cls.lots[0].id,
                "partner_id": cls.customer.id,
                "zone_id": cls.zone.id,
                "request_type_id": cls.inspection.id,
                "interval_unit": "month",
                "interval_number": 1,
                "date_start": date(2026, 1, 31),
                "date_end": date(2027, 1, 30),
                "lead_days": 14,
                **vals,
            }
        )

    def generate(self, today, limit=1000):
        return self.Plan._generate_batch(today, limit)


@tagged("post_install", "-at_install")
class TestMaintenancePlan(PlanFixtures, TransactionCase):
    """P1: maintenance plans whose due dates become dispatched service requests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_plan_fixtures()

    def test_p1_monthly_plan_makes_exactly_a_years_jobs(self):
        """P1: a monthly plan from 31 January makes the twelve jobs of its year, due on the
        last day of each shorter month, and none again on a rerun."""
        plan = self.make_plan(lead_days=400)
        self.assertEqual(plan.date_next, date(2026, 1, 31))
        self.assertEqual(plan.date_next_job, date(2024, 12, 27))
        with freeze_time("2026-01-20 02:00:00"):
            self.assertEqual(self.generate(date(2026, 1, 20)), 1)
            self.assertEqual(self.generate(date(2026, 1, 20)), 0, "rerun: nothing to do")
        expected = [
            date(2026, 1, 31),
            date(2026, 2, 28),
            date(2026, 3, 31),
            date(2026, 4, 30),
            date(2026, 5, 31),
            date(2026, 6, 30),
            date(2026, 7, 31),
            date(2026, 8, 31),
            date(2026, 9, 30),
            date(2026, 10, 31),
            date(2026, 11, 30),
            date(2026, 12, 31),
        ]
        self.assertEqual(sorted(plan.job_ids.mapped("date_due")), expected)
        self.assertEqual(plan.job_count, 12)
        self.assertFalse(plan.date_next, "the plan has reached its end")
        job = plan.job_ids[:1]
        self.assertTrue(job.name.startswith("PM/2026/"), job.name)
        self.assertEqual(job.request_type_id, self.inspection)
        self.assertEqual(job.lot_id, self.lots[0])
        self.assertEqual(job.channel, "plan")

    def test_p1_jobs_created_lead_time_ahead_day_by_day(self):
        """P1: run daily, each job appears lead-time days before its due date, once."""
        plan = self.make_plan(date_start=date(2026, 3, 10), lead_days=7)
        created = {}
        for day in range(1, 32):
            today = date(2026, 3, day)
            with freeze_time(datetime(2026, 3, day, 1, 0)):
                self.generate(today)
            for job in plan.job_ids:
                created.setdefault(job.date_due, today)
        self.assertEqual(created, {date(2026, 3, 10): date(2026, 3, 3)})
        self.assertEqual(plan.date_next, date(2026, 4, 10))
        self.assertEqual(plan.date_next_job, date(2026, 4, 3))

    def test_p1_past_due_dates_are_skipped_not_created_late(self):
        """P1: a plan entered late does not create jobs for due dates already past."""
        plan = self.make_plan(date_start=date(2026, 1, 10), lead_days=0)
        with freeze_time("2026-04-15 02:00:00"):
            self.generate(date(2026, 4, 15))
        self.assertFalse(plan.job_ids)
        self.assertEqual(plan.date_next, date(2026, 5, 10))
        self.assertIn("2026-04-10", plan.message_ids[:1].body)

    def test_p1_dispatched_to_preferred_technician_else_board(self):
        """P1: the normal dispatch: the preferred technician when certified, else the board."""
        certified = self.make_plan(user_id=self.tech.id, lead_days=0)
        rookie = self.make_plan(user_id=self.uncertified.id, lead_days=0, lot_id=self.lots[1].id)
        nobody = self.make_plan(lead_days=0, lot_id=self.lots[2].id)
        with freeze_time("2026-01-31 01:00:00"):
            self.generate(date(2026, 1, 31))
        self.assertEqual(certified.job_ids.state, "dispatched")
        self.assertEqual(certified.job_ids.user_id, self.tech)
        for plan in rookie | nobody:
            self.assertEqual(plan.job_ids.state, "to_dispatch")
            self.assertFalse(plan.job_ids.user_id)

    def test_p1_deadline_is_due_date_and_overdue_job_escalates(self):
        """P1: the due date's end (company's day) is the deadline; overdue, the job escalates
        like any other request."""
        plan = self.make_plan(date_start=date(2026, 3, 10), lead_days=3, user_id=self.tech.id)
        with freeze_time("2026-03-07 01:00:00"):
            self.generate(date(2026, 3, 7))
        job = plan.job_ids
        # 11 March 00:00 in China is 10 March 16:00 UTC
        self.assertEqual(job.sla_deadline, datetime(2026, 3, 10, 16, 0))
        self.assertEqual(job.resolution_deadline, datetime(2026, 3, 10, 16, 0))
        self.assertEqual(self.Request._escalate_sla_batch(datetime(2026, 3, 10, 15, 0), 100), 0)
        self.assertEqual(self.Request._escalate_sla_batch(datetime(2026, 3, 10, 17, 0), 100), 1)
        self.assertTrue(job.sla_escalated)
        self.assertEqual(job.activity_ids.user_id, self.supervisor)

    def test_p1_generated_fields_cannot_be_forged(self):
        """P1, X6: a job's plan and due date, a plan's state and progress are the steps'."""
        plan = self.make_plan(lead_days=0)
        with freeze_time("2026-01-31 01:00:00"):
            self.generate(date(2026, 1, 31))
        job = plan.job_ids
        with self.assertRaises(UserError):
            job.with_user(self.manager).write({"date_due": date(2026, 2, 1)})
        with self.assertRaises(UserError):
            job.with_user(self.manager).write({"maintenance_plan_id": False})
        with self.assertRaises(UserError):
            self.make_request(maintenance_plan_id=plan.id, date_due=date(2026, 2, 28))
        with self.assertRaises(UserError):
            plan.with_user(self.manager).write({"date_last_due": date(2027, 1, 1)})
        with self.assertRaises(UserError):
            plan.with_user(self.manager).write({"state": "ended"})
        with self.assertRaises(UserError):
            job.with_user(self.manager).write({"state": "done"})
        self.assertEqual(job.date_due, date(2026, 1, 31))
        self.assertEqual(plan.state, "running")

    def test_p1_one_job_per_plan_and_due_date_in_the_database(self):
        """P1: two workers cannot make two jobs of one due date: a unique index refuses it."""
        plan = self.make_plan(lead_days=0)
        with freeze_time("2026-01-31 01:00:00"):
            self.generate(date(2026, 1, 31))
        vals = plan._prepare_job_vals(date(2026, 1, 31))
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.Request.sudo()._create_process([vals])
            self.env.flush_all()

    def test_p1_generator_queries_do_not_grow(self):
        """P1: the generator costs the same queries for 5 and 20 plans."""
        users = {}

        def make_batch(count):
            lots = self.env["stock.lot"].create(
                [
                    {"name": f"PLAN-QC-{len(users)}-{i}", "product_id": self.product.id}
                    for i in range(count)
                ]
            )
            users[len(users)] = lots
            return self.Plan.create(
                [
                    {
                        "lot_id": lot.id,
                        "partner_id": self.customer.id,
                        "zone_id": self.zone.id,
                        "request_type_id": self.inspection.id,
                        "date_start": date(2026, 1, 31),
                        "lead_days": 0,
                        "user_id": self.tech.id,
                    }
                    for lot in lots
                ]
            )

        with freeze_time("2026-01-31 01:00:00"):
            done = assertQueriesConstant(
                self,
                make_batch,
                lambda _plans: self.generate(date(2026, 1, 31)),
                sizes=(5, 20),
                # one query more for 15 more plans (not one per plan): a chunked
                # batch of the jobs' creation, not tracked down further
                extra=1,
            )
        self.assertEqual(done, (5, 20))

    def test_p1_technician_sees_only_his_planned_jobs(self):
        """P1, X2: technicians see only their own planned jobs and plans."""
        mine = self.make_plan(lead_days=0, user_id=self.tech.id)
        theirs = self.make_plan(lead_days=0, user_id=self.tech2.id, lot_id=self.lots[1].id)
        with freeze_time("2026-01-31 01:00:00"):
            self.generate(date(2026, 1, 31))
        jobs = self.Request.with_user(self.tech).search([("maintenance_plan_id", "!=", False)])
        self.assertEqual(jobs, mine.job_ids)
        plans = self.Plan.with_user(self.tech).search([("id", "in", (mine | theirs).ids)])
        self.assertEqual(plans, mine)
        with self.assertRaises(AccessError):
            theirs.job_ids.with_user(self.tech).read(["name"])

    def test_p1_end_plan_cancels_jobs_not_started(self):
        """P1: ending a plan (supervisor) cancels its jobs not started, with a note; the
        desk may not end it."""
        plan = self.make_plan(lead_days=60)
        with freeze_time("2026-01-31 01:00:00"):
            self.generate(date(2026, 1, 31))
            with self.assertRaises(AccessError):
                plan.with_user(self.desk).action_end()
            plan.with_user(self.supervisor).action_end()
        self.assertEqual(plan.state, "ended")
        self.assertEqual(set(plan.job_ids.mapped("state")), {"cancelled"})
        self.assertIn(plan.name, plan.job_ids[:1].message_ids[:1].body)


@tagged("post_install", "-at_install")
class TestContractPlans(PlanFixtures, TransactionCase):
    """P1, W6: a contract's inspections are a plan; renewal continues it, cancellation
    ends it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_plan_fixtures()
        cls.customer.aftersales_zone_id = cls.zone

    def make_contract(self, start=date(2026, 1, 1), end=date(2026, 12, 31), per_year=2):
        contract = self.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": self.customer.id,
                "date_start": start,
                "date_end": end,
                "fee": 1200,
                "inspections_per_year": per_year,
                "lot_ids": [Command.set(self.lots[1].ids)],
            }
        )
        contract.with_user(self.manager).action_start()
        return contract

    def test_p1_contract_start_makes_inspection_plan(self):
        """P1, W6: twice a year becomes an Inspection plan (1 Jan, 1 Jul) that sends somebody."""
        contract = self.make_contract()
        plan = contract.maintenance_plan_ids
        self.assertEqual(len(plan), 1)
        self.assertEqual(plan.request_type_id, self.inspection)
        self.assertEqual(plan.interval_unit, "per_year")
        self.assertEqual(plan.zone_id, self.zone)
        self.assertEqual(plan.lot_id, self.lots[1])
        self.assertEqual(plan._due_dates(), [date(2026, 1, 1), date(2026, 7, 1)])
        with freeze_time("2026-06-20 01:00:00"):
            self.generate(date(2026, 6, 20))
        job = plan.job_ids
        self.assertEqual(job.date_due, date(2026, 7, 1))
        self.assertEqual(job.contract_id, contract)
        self.assertEqual(job.service_category, "contract")
        self.assertEqual(contract.planned_job_ids, job)

    def test_p1_x3_branch_contract_takes_no_other_companys_checklist(self):
        """P1, X3: request types are shared by the companies, a checklist may be
        one company's: a branch's contract starts with its Inspection plan,
        without the checklist of another company, and takes a shared one."""
        branch = self.env["res.company"].create({"name": "Test P1 Branch"})
        branch_manager = make_user(self.env, "manager", login="as_p1_branch_mgr", company=branch)
        Template = self.env["aftersales.checklist.template"]
        self.inspection.checklist_template_id = Template.create(
            {"name": "Head office chiller checklist", "company_id": self.env.company.id}
        )
        customer = self.env["res.partner"].create(
            {"name": "Test P1 branch customer", "company_id": branch.id}
        )

        made = []

        def start_branch_contract():
            lot = self.env["stock.lot"].create(
                {
                    "name": f"P1-BRANCH-{len(made)}",
                    "product_id": self.product.id,
                    "company_id": branch.id,
                }
            )
            contract = (
                self.env["aftersales.maintenance.contract"]
                .with_company(branch)
                .create(
                    {
                        "partner_id": customer.id,
                        "company_id": branch.id,
                        "date_start": date(2026, 1, 1),
                        "date_end": date(2026, 12, 31),
                        "fee": 1200,
                        "inspections_per_year": 2,
                        "lot_ids": [Command.set(lot.ids)],
                    }
                )
            )
            contract.with_user(branch_manager).with_company(branch).action_start()
            made.append(contract)
            return contract.maintenance_plan_ids

        plan = start_branch_contract()
        self.assertEqual(plan.company_id, branch)
        self.assertFalse(plan.checklist_template_id, "X3: not the head office's checklist")
        shared = Template.create({"name": "Shared chiller checklist", "company_id": False})
        self.inspection.checklist_template_id = shared
        self.assertEqual(start_branch_contract().checklist_template_id, shared)
        own = self.make_contract().maintenance_plan_ids
        self.assertEqual(own.checklist_template_id, shared)

    def test_p1_renewal_continues_the_plans_for_the_new_term(self):
        """P1: the successor's start continues the plans for its own term."""
        contract = self.make_contract()
        contract.maintenance_plan_ids.lead_days = 30
        contract.with_user(self.manager).action_renew()
        successor = contract.successor_id
        successor.with_user(self.manager).action_start()
        plan = successor.maintenance_plan_ids
        self.assertEqual(len(plan), 1)
        self.assertEqual(plan.predecessor_id, contract.maintenance_plan_ids)
        self.assertEqual(plan.lead_days, 30)
        self.assertEqual(plan._due_dates(), [date(2027, 1, 1), date(2027, 7, 1)])
        self.assertEqual(plan.date_end, date(2027, 12, 31))

    def test_p1_cancellation_ends_plans_and_cancels_future_jobs(self):
        """P1: a cancelled contract's plans end and their jobs not started are cancelled
        through the request's step, with a note."""
        contract = self.make_contract()
        plan = contract.maintenance_plan_ids
        plan.lead_days = 200
        with freeze_time("2026-01-01 01:00:00"):
            self.generate(date(2026, 1, 1))
        self.assertEqual(len(plan.job_ids), 2)
        started = plan.job_ids.sorted("date_due")[0]
        started.with_user(self.supervisor).write({"user_id": self.tech.id})
        started.with_user(self.tech).action_arrive()
        contract.with_user(self.manager).action_cancel()
        self.assertEqual(plan.state, "ended")
        future = plan.job_ids - started
        self.assertEqual(future.state, "cancelled")
        self.assertIn("cancelled", future.message_ids[:1].body)
        self.assertEqual(started.state, "on_site", "a started job is finished, not cancelled")
        with freeze_time("2026-12-01 01:00:00"):
            self.generate(date(2026, 12, 1))
        self.assertEqual(len(plan.job_ids), 2, "an ended plan makes no more jobs")


@tagged("post_install", "-at_install")
class TestWarrantyVisits(PlanFixtures, TransactionCase):
    """P3: return visits and yearly inspections during the warranty."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_plan_fixtures()
        cls.customer.aftersales_zone_id = cls.zone

    def test_p3_return_visits_at_1_6_18_months(self):
        """P3: a certificate of a policy with return visits at 1, 6, 18 months gets them;
        the yearly inspections too; none after the certificate's end."""
        self.policy.write({"return_visit_months": "1, 6, 18, 30", "inspections_per_year": 2})
        certificate = self.make_certificate(self.new_lot(), date(2026, 1, 15))
        self.assertEqual(certificate.date_end, date(2028, 1, 14))
        visits = certificate.maintenance_plan_ids.filtered(
            lambda p: p.interval_unit == "months_list"
        )
        inspections = certificate.maintenance_plan_ids - visits
        self.assertEqual(
            visits._due_dates(), [date(2026, 2, 15), date(2026, 7, 15), date(2027, 7, 15)]
        )
        self.assertEqual(visits.request_type_id.name, "Return Visit")
        self.assertEqual(
            inspections._due_dates(),
            [date(2026, 1, 15), date(2026, 7, 15), date(2027, 1, 15), date(2027, 7, 15)],
        )
        visits.lead_days = 10
        with freeze_time("2026-02-05 01:00:00"):
            self.generate(date(2026, 2, 5))
        self.assertEqual(visits.job_ids.date_due, date(2026, 2, 15))
        self.assertEqual(visits.job_ids.service_category, "free")
        self.assertEqual(visits.job_ids.certificate_id, certificate)

    def test_p3_voided_certificate_gets_no_visits(self):
        """P3: a voided certificate's plans end and make no job."""
        self.policy.return_visit_months = "1, 6"
        certificate = self.make_certificate(self.new_lot(), date(2026, 1, 15))
        certificate.with_user(self.manager).action_void()
        self.assertEqual(set(certificate.maintenance_plan_ids.mapped("state")), {"ended"})
        with freeze_time("2026-02-15 01:00:00"):
            self.generate(date(2026, 2, 15))
        self.assertFalse(certificate.maintenance_plan_ids.job_ids)

    def test_p3_return_visit_months_are_validated(self):
        """P3: the months list accepts whole numbers only."""
        with self.assertRaises(ValidationError):
            self.policy.return_visit_months = "1, six"
        with self.assertRaises(ValidationError):
            self.policy.return_visit_months = "0"
        self.policy.return_visit_months = "1，6;18"
        self.assertEqual(self.policy.return_visit_months, "1，6;18")


@tagged("post_install", "-at_install")
class TestPlanActions(RoleMatrixCase):
    """X2: who may end a maintenance plan (the role matrix's ACTIONS)."""

    def test_actions(self):
        """P1, X2: only supervisors and managers end a plan."""
        self.check_actions("aftersales_maintenance")


@tagged("post_install", "-at_install")
class TestPlanPortal(PlanFixtures, HttpCase):
    """P1, X5: the customer sees his contract's planned jobs on the portal, nobody else's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_plan_fixtures()
        portal = make_portal_customers(cls.env, "MP")
        cls.customer_a, cls.user_a, cls.user_b = (
            portal["customer_a"],
            portal["user_a"],
            portal["user_b"],
        )
        cls.customer_a.aftersales_zone_id = cls.zone
        today = fields.Date.today()
        cls.contract = cls.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": cls.customer_a.id,
                "date_start": today,
                "date_end": today + relativedelta(years=1, days=-1),
                "inspections_per_year": 4,
                "lot_ids": [Command.set(cls.lots[1].ids)],
            }
        )
        cls.contract.action_start()
        cls.Plan._generate_batch(today, 100)
        cls.job = cls.contract.planned_job_ids

    def test_p1_portal_customer_sees_his_planned_jobs(self):
        """P1, X5: the contract page lists its planned jobs for its customer only."""
        self.assertEqual(len(self.job), 1)
        self.authenticate(self.user_a.login, self.user_a.login)
        response = self.url_open(self.contract.access_url, timeout=60)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Planned Visits", response.text)
        self.assertIn(self.job.name, response.text)
        response = self.url_open(self.job.access_url, timeout=60)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.job.name, response.text)
        self.authenticate(self.user_b.login, self.user_b.login)
        response = self.url_open(self.contract.access_url, timeout=60)
        self.assertNotIn(self.job.name, response.text)

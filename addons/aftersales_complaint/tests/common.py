# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo import Command

from odoo.addons.aftersales_base.tests.common import AftersalesFixtures, make_user

# Monday 23 November 2026, 09:00 in China (UTC+8)
MONDAY_9 = datetime(2026, 11, 23, 1, 0)


class ComplaintFixtures(AftersalesFixtures):
    """The suite's people on the company's working calendar, a product, a
    quality department with its head and an investigating engineer, and a
    quality complaint factory."""

    @classmethod
    def setup_complaint_fixtures(cls):
        cls.setup_base_fixtures()
        env = cls.env
        if "product" not in cls.__dict__:
            cls.product = env["product.product"].create({"name": "Test air conditioner"})
        env.company.resource_calendar_id = cls.calendar
        env.company.aftersales_service_manager_id = cls.manager
        cls.quality_head = make_user(env, "supervisor", login="as_cpl_qhead")
        cls.engineer = make_user(env, "technician", login="as_cpl_engineer")
        cls.quality = env.ref("aftersales_complaint.dep_quality")
        cls.quality.manager_id = env["hr.employee"].create(
            {"name": "Quality head", "user_id": cls.quality_head.id}
        )
        cls.routing = env.ref("aftersales_complaint.routing_quality")
        cls.routing.user_id = cls.quality_head
        cls.defect = env.ref("aftersales_complaint.categ_pq_defect")
        cls.attitude = env.ref("aftersales_complaint.categ_sv_attitude")
        cls.component = env.ref("aftersales_complaint.root_cause_component")
        cls.Complaint = env["aftersales.complaint"]

    @classmethod
    def make_complaint(cls, **vals):
        return cls.Complaint.create(
            {
                "partner_id": cls.customer.id,
                "channel": "phone",
                "date_received": MONDAY_9,
                "category_id": cls.defect.id,
                "product_id": cls.product.id,
                "description": "The compressor stopped after a week.",
                "customer_demand": "Replace the unit.",
                **vals,
            }
        )

    def flush_tracking(self):
        """Tracking values are written at commit time: write them now."""
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()  # message_ids cached before the tracking messages

    def _judge_valid(self, complaint):
        complaint.write({"is_valid": "valid", "demand_reasonable": "yes"})
        complaint.action_judge()

    def _investigate(self, complaint):
        if complaint.root_cause_id:  # the test investigated itself
            complaint.action_investigated()
            return
        complaint.write(
            {
                "responsible_department_ids": [Command.link(self.quality.id)],
                "responsible_user_ids": [Command.link(self.engineer.id)],
                "root_cause_id": self.component.id,
                "loss_amount": 3000.0,
            }
        )
        complaint.action_investigated()

    def _approve(self, complaint):
        complaint.write({"solution": "Replace the compressor."})
        complaint.action_approve()

    def advance(self, complaint, until):
        """Walks ``complaint`` through the steps up to ``until``, each step
        done by a role that may do it."""
        steps = {
            "record": (lambda c: c.action_submit(), self.desk),
            "judge": (self._judge_valid, self.supervisor),
            "assign": (lambda c: c.action_assign(), self.supervisor),
            "investigate": (self._investigate, self.supervisor),
            "propose": (self._approve, self.manager),
            "notify": (lambda c: c.action_notify(), self.desk),
            "penalise": (lambda c: c.action_penalties_done(), self.manager),
            "improve": (lambda c: c.action_close(), self.supervisor),
        }
        self.flush_tracking()
        while complaint.state != until and complaint.state in steps:
            step, user = steps[complaint.state]
            step(complaint.with_user(user))
            self.flush_tracking()
        self.assertEqual(complaint.state, until)
        return complaint

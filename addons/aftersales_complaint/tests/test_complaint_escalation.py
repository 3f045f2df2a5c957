# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import assertQueriesConstant

from .common import MONDAY_9, ComplaintFixtures


@tagged("post_install", "-at_install")
class TestComplaintEscalation(ComplaintFixtures, TransactionCase):
    """C11: a deadline per step in working hours, overdue steps escalate
    once, serious complaints reach the executives at once, the service
    manager contacts every complaining customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()
        cls.tuesday = datetime(2026, 11, 24, 6, 0)  # Tue 14:00 in China

    def test_c11_step_deadline_in_working_hours(self):
        complaint = self.make_complaint(date_received=datetime(2026, 11, 23, 8, 0))  # Mon 16:00
        # Recording may take 2 working hours: Mon 16:00-17:00, then Tue 08:00-09:00.
        self.assertEqual(complaint.stage_deadline, datetime(2026, 11, 24, 1, 0))
        self.env["aftersales.complaint.stage.deadline"].search([("state", "=", "judge")]).hours = 8
        with freeze_time(self.tuesday):
            complaint.action_submit()
        self.assertEqual(complaint.state, "judge")
        self.assertEqual(complaint.date_stage_start, self.tuesday)
        # Tue 14:00-17:00, Wed 08:00-12:00 and 13:00-14:00 (China)
        self.assertEqual(complaint.stage_deadline, datetime(2026, 11, 25, 6, 0))

    def test_c11_service_manager_contacts_every_customer(self):
        complaints = self.make_complaint() | self.make_complaint(category_id=self.attitude.id)
        for complaint in complaints:
            call = complaint.activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_call")
            )
            self.assertEqual(call.user_id, self.manager)
            self.assertEqual(call.summary, "Contact the customer")

    def test_c11_serious_complaint_goes_to_executives_at_once(self):
        serious = self.make_complaint(severity="serious")
        self.assertIn(self.executive, serious.activity_ids.user_id)
        self.assertTrue(serious.executive_notified)
        self.assertIn(self.executive.partner_id, serious.message_ids[:3].partner_ids)
        normal = self.make_complaint()
        self.assertNotIn(self.executive, normal.activity_ids.user_id)
        normal.severity = "serious"
        self.assertIn(self.executive, normal.activity_ids.user_id)
        normal.severity = "normal"
        normal.severity = "serious"
        self.assertEqual(
            len(normal.activity_ids.filtered(lambda a: a.user_id == self.executive)), 1, "once"
        )

    def test_c11_overdue_step_escalates_once(self):
        late = self.make_complaint()  # recording due Mon 11:00 in China
        fresh = self.make_complaint(date_received=self.tuesday)
        self.assertEqual(self.Complaint._escalate_overdue_batch(self.tuesday, 100), 1)
        self.assertEqual(self.Complaint._escalate_overdue_batch(self.tuesday, 100), 0, "once")
        self.assertTrue(late.stage_escalated)
        self.assertEqual(late.escalation_count, 1)
        self.assertFalse(fresh.stage_escalated)
        overdue = late.activity_ids.filtered(lambda a: a.summary == "Complaint step overdue")
        self.assertEqual(overdue.user_id, self.manager)
        self.assertEqual(late.late_user_ids, self.quality_head, "the owner let it run late")
        self.assertIn(late, self.Complaint.search([("is_overdue", "=", True)]))
        # The next step has its own deadline and escalates again when it passes.
        late.action_submit()
        self.assertFalse(late.stage_escalated)
        # (from its real start: any day the tests run, issue 12)
        self.Complaint._escalate_overdue_batch(late.stage_deadline + timedelta(seconds=1), 100)
        self.assertEqual(late.escalation_count, 2)

    def test_c11_overdue_serious_complaint_goes_to_executives(self):
        serious = self.make_complaint(severity="serious")
        serious.activity_ids.unlink()
        self.Complaint._escalate_overdue_batch(self.tuesday, 100)
        self.assertIn(self.executive, serious.activity_ids.user_id)
        self.assertNotIn(self.manager, serious.activity_ids.user_id)

    def test_c11_closed_complaints_never_escalate(self):
        complaint = self.advance(self.make_complaint(), "judge")
        complaint.write({"is_valid": "invalid", "judgement_note": "Not our product."})
        complaint.with_user(self.supervisor).action_judge()
        self.Complaint._escalate_overdue_batch(datetime(2027, 1, 1), 100)
        self.assertFalse(complaint.stage_escalated)
        self.assertEqual(complaint.escalation_count, 0)

    def _complaints(self, count):
        return self.Complaint.create(
            [
                {
                    "partner_id": self.customer.id,
                    "category_id": self.defect.id,
                    "date_received": MONDAY_9,
                }
                for _i in range(count)
            ]
        )

    def test_c11_escalation_queries_do_not_grow(self):
        def escalate(complaints):
            return complaints, self.Complaint._escalate_overdue_batch(self.tuesday, 1000)

        for complaints, done in assertQueriesConstant(
            self, self._complaints, escalate, sizes=(3, 30)
        ):
            self.assertEqual(done, len(complaints))
            self.assertTrue(all(complaints.mapped("stage_escalated")))

    def test_c11_cron_runs_in_batches_and_twice_is_harmless(self):
        self.Complaint._cron_escalate_overdue()  # whatever the database already holds
        self.make_complaint()
        self.make_complaint()
        cron = self.env.ref("aftersales_complaint.ir_cron_escalate_overdue_complaints")
        self.assertEqual(self.Complaint._cron_escalate_overdue(batch_size=1), 2)
        cron.ir_actions_server_id.run()
        self.assertEqual(self.Complaint._cron_escalate_overdue(batch_size=1), 0)

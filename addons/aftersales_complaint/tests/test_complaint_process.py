# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged

from .common import MONDAY_9, ComplaintFixtures


@tagged("post_install", "-at_install")
class TestComplaintProcess(ComplaintFixtures, TransactionCase):
    """C1, C3-C7, C10: the eight steps in order, each by the role allowed to
    do it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()

    def test_c1_register_numbered_with_its_target(self):
        form = Form(self.Complaint.with_user(self.desk))
        form.partner_id = self.customer
        form.channel = "hotline"
        form.category_id = self.attitude
        form.product_id = self.product
        form.technician_id = self.tech
        form.description = "The technician was rude."
        form.customer_demand = "An apology."
        complaint = form.save()
        self.assertRegex(complaint.name, r"^CPL/\d{4}/\d{5}$")
        self.assertEqual(complaint.state, "record")
        self.assertEqual(complaint.technician_id, self.tech, "the employee concerned")
        self.assertEqual(complaint.product_id, self.product)
        self.assertEqual(
            complaint.category_root_id, self.env.ref("aftersales_complaint.categ_service")
        )
        second = self.make_complaint()
        self.assertNotEqual(second.name, complaint.name)
        given = self.make_complaint(name="CPL/1999/00001")
        self.assertNotEqual(
            given.name, "CPL/1999/00001", "X1: the sequence numbers, not the caller"
        )

    def test_c1_channels_cover_every_way_in(self):
        keys = dict(self.Complaint._fields["channel"].selection)
        for key in (
            "phone",
            "letter",
            "email",
            "visit",
            "hotline",
            "suggestion_box",
            "survey",
            "helpdesk",
            "portal",
        ):
            self.assertIn(key, keys)

    def test_c1_record_step_needs_description_and_demand(self):
        complaint = self.make_complaint(customer_demand=False)
        with self.assertRaisesRegex(UserError, "Customer's Demand"):
            complaint.action_submit()
        self.assertEqual(complaint.state, "record")

    def test_skipping_a_step_is_refused(self):
        complaint = self.make_complaint()
        with self.assertRaisesRegex(UserError, "cannot be done now"):
            complaint.with_user(self.supervisor).action_assign()
        self.advance(complaint, "investigate")
        with self.assertRaisesRegex(UserError, "cannot be done now"):
            complaint.with_user(self.desk).action_notify()
        with self.assertRaisesRegex(UserError, "cannot be done now"):
            complaint.with_user(self.supervisor).action_close()
        self.assertEqual(complaint.state, "investigate")

    def test_c3_invalid_complaint_gets_reasoned_reply_and_is_rejected(self):
        complaint = self.advance(self.make_complaint(), "judge")
        complaint.write({"is_valid": "invalid"})
        with self.assertRaisesRegex(UserError, "Reason"):
            complaint.with_user(self.supervisor).action_judge()
        complaint.judgement_note = "The unit was installed by a third party, outside our warranty."
        complaint.with_user(self.supervisor).action_judge()
        self.assertEqual(complaint.state, "rejected")
        self.assertFalse(complaint.stage_deadline)
        reply = complaint.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertEqual(len(reply), 1)
        self.assertIn("installed by a third party", reply.body)
        self.assertIn(complaint.name, reply.subject)

    def test_c3_only_supervisors_judge(self):
        complaint = self.advance(self.make_complaint(), "judge")
        complaint.write({"is_valid": "valid", "demand_reasonable": "yes"})
        for user in (self.desk, self.tech):
            with self.assertRaises(AccessError):
                complaint.with_user(user).action_judge()
        complaint.with_user(self.supervisor).action_judge()
        self.assertEqual(complaint.judged_by_id, self.supervisor)

    def test_c4_routing_by_category(self):
        complaint = self.make_complaint()
        self.assertEqual(complaint.department_id, self.quality, "quality → quality department")
        self.assertEqual(complaint.user_id, self.quality_head)
        contract = self.make_complaint(
            category_id=self.env.ref("aftersales_complaint.categ_cl_contract").id
        )
        self.assertEqual(
            contract.department_id, self.env.ref("aftersales_complaint.dep_management")
        )
        transport = self.make_complaint(
            category_id=self.env.ref("aftersales_complaint.categ_cl_transport").id
        )
        self.assertEqual(
            transport.department_id, self.env.ref("aftersales_complaint.dep_logistics")
        )
        # A rule on the sub-type itself wins over the category's rule.
        logistics = self.env.ref("aftersales_complaint.dep_logistics")
        self.env["aftersales.complaint.routing.rule"].create(
            {"category_id": self.defect.id, "department_id": logistics.id, "sequence": 99}
        )
        self.assertEqual(self.make_complaint().department_id, logistics)

    def test_c4_assign_needs_department_and_owner(self):
        unrouted = self.env["aftersales.complaint.category"].create({"name": "Unrouted"})
        complaint = self.advance(self.make_complaint(category_id=unrouted.id), "assign")
        self.assertFalse(complaint.department_id, "no rule for this category")
        with self.assertRaisesRegex(UserError, "Handling Department"):
            complaint.with_user(self.supervisor).action_assign()
        complaint.write({"department_id": self.quality.id, "user_id": self.quality_head.id})
        complaint.with_user(self.supervisor).action_assign()
        self.assertEqual(complaint.state, "investigate")
        self.assertIn(self.quality_head.partner_id, complaint.message_partner_ids)

    def test_c5_investigation_needs_responsibles_and_root_cause(self):
        complaint = self.advance(self.make_complaint(), "investigate")
        with self.assertRaisesRegex(UserError, "Root Cause"):
            complaint.with_user(self.supervisor).action_investigated()
        self.advance(complaint, "propose")
        self.assertEqual(complaint.responsible_user_ids, self.engineer)

    def test_c6_notify_before_approval_is_refused(self):
        complaint = self.advance(self.make_complaint(), "propose")
        complaint.solution = "Replace the compressor."
        with self.assertRaisesRegex(UserError, "approved by the service manager"):
            complaint.with_user(self.desk).action_notify()
        for user in (self.desk, self.supervisor):
            with self.assertRaises(AccessError):
                complaint.with_user(user).action_approve()
        self.assertEqual(complaint.state, "propose")
        complaint.with_user(self.manager).action_approve()
        self.assertEqual(complaint.approved_by_id, self.manager)
        self.assertEqual(complaint.state, "notify")

    def test_c7_notify_by_mail_sends_the_solution(self):
        complaint = self.advance(self.make_complaint(), "notify")
        complaint.with_user(self.desk).action_notify()
        mail = complaint.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertEqual(len(mail), 1)
        self.assertIn("Replace the compressor.", mail.body)
        self.assertTrue(complaint.date_notified)
        self.assertEqual(complaint.state, "penalise")

    def test_c7_phone_call_is_logged_with_the_reaction(self):
        complaint = self.advance(self.make_complaint(), "notify")
        complaint.notify_method = "phone"
        complaint.with_user(self.desk).action_notify()
        self.assertIn("Phone Call", complaint.message_ids[0].body)
        self.assertFalse(complaint.message_ids.filtered(lambda m: self.customer in m.partner_ids))
        complaint.write({"customer_reaction": "satisfied", "customer_reaction_note": "Thanks."})
        self.assertEqual(complaint.customer_reaction, "satisfied")

    def test_c10_every_step_is_tracked(self):
        complaint = self.advance(self.make_complaint(), "done")
        tracked = complaint.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(
            set(tracked.mapped("new_value_char")),
            {"Judge", "Assign", "Investigate", "Propose", "Notify", "Penalise", "Improve", "Done"},
        )
        fields_tracked = set(complaint.message_ids.tracking_value_ids.field_id.mapped("name"))
        self.assertTrue(
            {"root_cause_id", "solution", "is_valid", "approved_by_id", "loss_amount"}
            <= fields_tracked
        )
        self.assertTrue(complaint.date_done)
        self.assertGreater(complaint.resolve_hours, 0)
        self.assertEqual(complaint.date_received, MONDAY_9)

    def test_x2_technicians_see_the_complaints_they_handle(self):
        handled = self.make_complaint(responsible_user_ids=[(4, self.engineer.id)])
        other = self.make_complaint()
        visible = self.Complaint.with_user(self.engineer).search(
            [("id", "in", (handled | other).ids)]
        )
        self.assertEqual(visible, handled)
        with self.assertRaises(AccessError):
            other.with_user(self.engineer).read(["description"])
        with self.assertRaises(AccessError):
            self.Complaint.with_user(self.engineer).create(
                {"partner_id": self.customer.id, "category_id": self.defect.id}
            )
        with self.assertRaises(AccessError):
            handled.with_user(self.env.ref("base.public_user")).read(["name"])
        desk_sees = self.Complaint.with_user(self.desk).search(
            [("id", "in", (handled | other).ids)]
        )
        self.assertEqual(desk_sees, handled | other)

    def test_c10_handling_record_prints_content_process_and_result(self):
        complaint = self.advance(self.make_complaint(), "penalise")
        complaint.penalty_ids.unlink()
        self.env["aftersales.ledger.entry"].create(
            {"complaint_id": complaint.id, "user_id": self.engineer.id, "fixed_amount": 73519}
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("aftersales_complaint.action_report_complaint", complaint.ids)[0]
            .decode()
        )
        for text in (
            complaint.name,
            "compressor stopped",
            "Replace the unit.",
            "Defective component",
            "Replace the compressor.",
            self.manager.name,
        ):
            self.assertIn(text, html)
        self.assertNotIn("73,519", html, "penalties are confidential")
        self.assertNotIn("73519", html)

    def test_c4_desk_registration_is_routed(self):
        complaint = self.Complaint.with_user(self.desk).create(
            {"partner_id": self.customer.id, "category_id": self.defect.id}
        )
        self.assertEqual(complaint.department_id, self.quality)
        self.assertEqual(complaint.user_id, self.quality_head)

    def test_x3_a_branch_sees_its_own_complaints_and_penalties(self):
        branch = self.env["res.company"].create({"name": "Complaint branch"})
        branch_desk = self.desk.copy(
            {
                "login": "as_cpl_branch_desk",
                "company_id": branch.id,
                "company_ids": [Command.set(branch.ids)],
            }
        )
        head = self.make_complaint()
        local = self.make_complaint(company_id=branch.id)
        self.assertFalse(local.department_id, "never routed to another company's department")
        both = head | local
        seen = self.Complaint.with_user(branch_desk).search([("id", "in", both.ids)])
        self.assertEqual(seen, local)
        with self.assertRaises(AccessError):
            head.with_user(branch_desk).read(["name"])
        self.desk.company_ids = [Command.link(branch.id)]
        head_office = self.Complaint.with_user(self.desk).with_context(
            allowed_company_ids=(self.env.company | branch).ids
        )
        self.assertEqual(head_office.search([("id", "in", both.ids)]), both)
        Penalty = self.env["aftersales.ledger.entry"]
        penalties = Penalty.create(
            [
                {"complaint_id": head.id, "user_id": branch_desk.id, "fixed_amount": 10},
                {"complaint_id": local.id, "user_id": branch_desk.id, "fixed_amount": 10},
            ]
        )
        self.assertEqual(penalties[1].company_id, branch)
        own = Penalty.with_user(branch_desk).search([("id", "in", penalties.ids)])
        self.assertEqual(own, penalties[1], "own penalty, own company only")

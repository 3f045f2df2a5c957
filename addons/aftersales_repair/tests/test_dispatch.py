# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import make_user

from .common import ServiceFixtures


@tagged("post_install", "-at_install")
class TestDispatch(ServiceFixtures, TransactionCase):
    """S3, S14, S15: dispatch by the supervisor to certified technicians of
    the zone; handover only with the dispatcher's approval."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()

    def test_only_certified_zone_technicians_proposed(self):
        request = self.make_request()
        self.assertEqual(request.available_technician_ids, self.tech | self.tech2)
        outsider = make_user(self.env, "technician", login="as_rep_outsider")
        self.env["aftersales.technician.certification"].create(
            {"user_id": outsider.id, "categ_id": self.categ.id}
        )
        self.assertNotIn(outsider, request.available_technician_ids, "not in the zone")

    def test_supervisor_dispatches(self):
        request = self.make_request()
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        self.assertEqual((request.state, request.user_id), ("dispatched", self.tech))
        self.assertTrue(request.date_dispatched)

    def test_uncertified_technician_refused(self):
        request = self.make_request()
        with self.assertRaisesRegex(UserError, "not certified"):
            request.with_user(self.supervisor).write({"user_id": self.uncertified.id})
        self.assertEqual((request.state, request.user_id.id), ("to_dispatch", False))

    def test_expired_certification_refused(self):
        self.env["aftersales.technician.certification"].search(
            [("user_id", "=", self.tech2.id)]
        ).date_expiry = "2021-01-01"
        request = self.make_request()
        with self.assertRaisesRegex(UserError, "not certified"):
            request.with_user(self.supervisor).write({"user_id": self.tech2.id})

    def test_technician_cannot_hand_over_alone(self):
        request = self.make_request()
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        with self.assertRaises(AccessError):
            request.with_user(self.tech).write({"user_id": self.tech2.id})
        self.assertEqual(request.user_id, self.tech)
        request.with_user(self.tech).write({"handover_user_id": self.tech2.id})
        request.with_user(self.tech).action_request_handover()
        activity = request.activity_ids.filtered(lambda a: a.user_id == self.supervisor)
        self.assertTrue(activity, "the dispatcher is asked")
        self.assertEqual(request.user_id, self.tech, "nothing changes before approval")
        request.with_user(self.supervisor).action_approve_handover()
        self.assertEqual(request.user_id, self.tech2)
        self.assertFalse(request.handover_user_id)

    def test_already_dispatched_is_not_dispatched_again(self):
        request = self.make_request()
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        with self.assertRaisesRegex(UserError, "already dispatched"):
            request.with_user(self.supervisor).write({"user_id": self.tech2.id})
        self.assertEqual(request.user_id, self.tech)

    def test_dispatcher_reassigns_explicitly(self):
        request = self.make_request()
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        Reassign = self.env["aftersales.reassign"]
        wizard = Reassign.with_user(self.supervisor).create(
            {"request_id": request.id, "user_id": self.uncertified.id, "reason": "ill"}
        )
        with self.assertRaisesRegex(UserError, "not certified"):
            wizard.action_confirm()
        self.assertEqual(request.user_id, self.tech)
        wizard = Reassign.with_user(self.supervisor).create(
            {"request_id": request.id, "user_id": self.tech2.id, "reason": "Sun is ill"}
        )
        wizard.action_confirm()
        self.assertEqual((request.user_id, request.state), (self.tech2, "dispatched"))
        self.assertIn("Sun is ill", request.message_ids[0].body)
        with self.assertRaises(AccessError):
            Reassign.with_user(self.tech2).create(
                {"request_id": request.id, "user_id": self.tech.id, "reason": "swap"}
            )

    def test_approval_step_per_request_type(self):
        project = self.env.ref("aftersales_repair.request_type_project")
        request = self.make_request(request_type_id=project.id)
        self.assertEqual(request.state, "to_approve", "S14: approval first")
        with self.assertRaisesRegex(UserError, "approval"):
            request.with_user(self.supervisor).write({"user_id": self.tech.id})
        with self.assertRaises(AccessError):
            request.with_user(self.desk).action_approve()
        request.with_user(self.supervisor).action_approve()
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        self.assertEqual(request.state, "dispatched")

    def test_technicians_see_only_their_own_jobs(self):
        mine = self.make_request()
        theirs = self.make_request(lot=self.new_lot())
        mine.with_user(self.supervisor).write({"user_id": self.tech.id})
        theirs.with_user(self.supervisor).write({"user_id": self.tech2.id})
        Request = self.env["aftersales.service.request"]
        visible = Request.with_user(self.tech).search([("id", "in", (mine | theirs).ids)])
        self.assertEqual(visible, mine, "X2: a technician sees their own jobs")
        with self.assertRaises(AccessError):
            theirs.with_user(self.tech).write({"diagnosis": "not mine"})
        self.assertEqual(
            Request.with_user(self.desk).search([("id", "in", (mine | theirs).ids)]),
            mine | theirs,
        )


@tagged("post_install", "-at_install")
class TestBranches(ServiceFixtures, TransactionCase):
    """X3: a branch's service desk sees its own branch's calls, head office
    those of the branches it is allowed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        cls.branch = cls.env["res.company"].create({"name": "Suburban Service Point"})
        cls.branch_zone = cls.zone.copy(
            {"name": "Branch zone", "code": "BRZ", "company_id": cls.branch.id}
        )
        cls.branch_desk = make_user(cls.env, "desk", login="as_rep_branch_desk", company=cls.branch)
        cls.head_request = cls.make_request()
        cls.branch_request = cls.make_request(
            lot=cls.new_lot(), zone_id=cls.branch_zone.id, company_id=cls.branch.id
        )

    def test_branch_desk_sees_its_branch_only(self):
        both = self.head_request | self.branch_request
        Request = self.env["aftersales.service.request"]
        seen = Request.with_user(self.branch_desk).search([("id", "in", both.ids)])
        self.assertEqual(seen, self.branch_request)
        with self.assertRaises(AccessError):
            self.head_request.with_user(self.branch_desk).read(["name"])
        head = Request.with_user(self.desk).with_context(
            allowed_company_ids=(self.env.company | self.branch).ids
        )
        self.desk.company_ids = [Command.link(self.branch.id)]
        self.assertEqual(head.search([("id", "in", both.ids)]), both, "head office sees both")

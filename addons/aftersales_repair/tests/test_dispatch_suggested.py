# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import assertQueriesConstant, make_user

from .common import ServiceFixtures


@tagged("post_install", "-at_install")
class TestDispatchSuggested(ServiceFixtures, TransactionCase):
    """Issue 15 (S3, S15): the supervisor dispatches a call in one click to
    the suggested technician, through the one dispatch step and its checks;
    the desk registers a call typing only the caller, the serial and the
    fault (S2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        cls.tech.name = "Bo Technician"
        cls.tech2.name = "Al Technician"
        cls.uncertified.name = "Aaron Rookie"  # first by name, but not certified
        cls.other_supervisor = make_user(cls.env, "supervisor", login="as_rep_sup_north")
        cls.outsider = make_user(cls.env, "technician", login="as_rep_north", name="Aa North")
        cls.env["aftersales.technician.certification"].create(
            {"user_id": cls.outsider.id, "categ_id": cls.categ.id, "date_valid": date(2020, 1, 1)}
        )
        cls.north = cls.env["aftersales.zone"].create(
            {
                "name": "Test north",
                "code": "TNOR",
                "resource_calendar_id": cls.calendar.id,
                "supervisor_id": cls.other_supervisor.id,
                "technician_ids": [Command.set(cls.outsider.ids)],
            }
        )

    def _dispatched_to(self, technician, count=1):
        requests = self.env["aftersales.service.request"]
        for _i in range(count):
            request = self.make_request(lot=self.new_lot())
            request.with_user(self.supervisor).write({"user_id": technician.id})
            requests |= request
        return requests

    def test_s3_suggestion_fewest_jobs_on_hand_then_name(self):
        request = self.make_request()
        # tie at no job: by name; the uncertified and the other zone's are never suggested
        self.assertEqual(request.suggested_technician_id, self.tech2)
        jobs = self._dispatched_to(self.tech2)
        request.invalidate_recordset(["suggested_technician_id"])
        self.assertEqual(request.suggested_technician_id, self.tech, "fewer jobs on hand")
        self._dispatched_to(self.tech, 2)
        request.invalidate_recordset(["suggested_technician_id"])
        self.assertEqual(request.suggested_technician_id, self.tech2, "1 job against 2")
        # a job no longer on hand does not count
        jobs.with_user(self.supervisor).action_cancel()
        self._dispatched_to(self.tech2, 2)
        request.invalidate_recordset(["suggested_technician_id"])
        self.assertEqual(request.suggested_technician_id, self.tech2, "2 jobs against 2: by name")
        # without a certified technician, no suggestion
        self.env["aftersales.technician.certification"].search(
            [("user_id", "in", (self.tech | self.tech2).ids)]
        ).date_expiry = "2021-01-01"
        request.invalidate_recordset(["suggested_technician_id"])
        self.assertFalse(request.suggested_technician_id)
        with self.assertRaisesRegex(UserError, "No technician of the Test urban zone"):
            request.with_user(self.supervisor).action_dispatch_suggested()

    def test_s3_suggestion_only_while_waiting_for_dispatch(self):
        request = self.make_request()
        request.with_user(self.supervisor).action_dispatch_suggested()
        self.assertFalse(request.suggested_technician_id, "dispatched: nothing to suggest")

    def test_s3_one_click_dispatch_by_the_zone_supervisor(self):
        request = self.make_request()
        self.assertTrue(request.with_user(self.supervisor).can_dispatch, "the button is shown")
        self.assertIs(request.with_user(self.supervisor).action_dispatch_suggested(), True)
        self.assertRecordValues(
            request, [{"state": "dispatched", "user_id": self.tech2.id, "priority": "0"}]
        )
        self.assertTrue(request.date_dispatched)
        # clicked again (a second supervisor's stale screen): refused, unchanged
        with self.assertRaisesRegex(UserError, "already dispatched"):
            request.with_user(self.supervisor).action_dispatch_suggested()
        # a service manager dispatches any zone
        other = self.make_request(lot=self.new_lot())
        other.with_user(self.manager).action_dispatch_suggested()
        self.assertEqual((other.state, other.user_id), ("dispatched", self.tech))

    def test_s3_one_click_refused_to_the_desk_technician_and_other_supervisor(self):
        """No bypass: the one-click button is the dispatch step, with its
        zone supervisor check."""
        request = self.make_request()
        for user in (self.desk, self.tech, self.other_supervisor):
            self.assertFalse(request.with_user(user).can_dispatch, user.login)
            with self.assertRaises(AccessError, msg=user.login):
                request.with_user(user).action_dispatch_suggested()
        self.assertRecordValues(request, [{"state": "to_dispatch", "user_id": False}])

    def test_s3_one_click_goes_through_the_dispatch_step(self):
        """Row lock and certification are the dispatch step's: a request
        another dispatcher holds is refused, and so is a suggestion the
        certification no longer allows when the step runs."""
        request = self.make_request()
        Request = type(self.env["aftersales.service.request"])
        locked = UserError("Another dispatcher is dispatching this request right now.")
        with (
            patch.object(Request, "_lock_for_dispatch", side_effect=locked),
            self.assertRaisesRegex(UserError, "Another dispatcher"),
        ):
            request.with_user(self.supervisor).action_dispatch_suggested()
        self.assertEqual(request.state, "to_dispatch")
        # the suggestion shown on the screen, then the certification expires
        self.assertEqual(request.suggested_technician_id, self.tech2)
        self.env["aftersales.technician.certification"].search(
            [("user_id", "=", self.tech2.id)]
        ).date_expiry = "2021-01-01"
        self.assertEqual(request.suggested_technician_id, self.tech2, "still on the screen")
        with self.assertRaisesRegex(UserError, "not certified"):
            request.with_user(self.supervisor).action_dispatch_suggested()
        self.assertEqual(request.state, "to_dispatch")

    def test_s3_suggestion_queries_do_not_grow_with_the_list(self):
        def make_batch(count):
            requests = self.env["aftersales.service.request"]
            for index in range(count):
                zone = self.zone if index % 2 else self.north
                requests |= self.make_request(lot=self.new_lot(), zone_id=zone.id)
            return requests

        def suggest(requests):
            return requests.with_user(self.manager).mapped("suggested_technician_id")

        small, big = assertQueriesConstant(self, make_batch, suggest, sizes=(2, 12))
        self.assertEqual(small, self.tech2 | self.outsider)
        self.assertEqual(big, self.tech2 | self.outsider)

    # -- the desk's side (S2) --------------------------------------------------
    @freeze_time("2026-11-23 02:00:00")
    def test_s2_desk_types_caller_serial_and_fault_only(self):
        """The call is received now, by phone; the zone is the customer's,
        the product the serial's, the coverage computed."""
        self.customer.with_company(self.env.company).aftersales_zone_id = self.north
        contact = self.env["res.partner"].create(
            {"name": "Ms. Caller", "parent_id": self.customer.id}
        )
        form = Form(self.env["aftersales.service.request"].with_user(self.desk))
        form.partner_id = contact
        self.assertEqual(form.zone_id, self.north, "the zone of the customer's address")
        form.lot_id = self.lots[0]
        form.fault_description = "Does not cool"
        request = form.save()
        self.assertRecordValues(
            request,
            [
                {
                    "zone_id": self.north.id,
                    "channel": "phone",
                    "date_call": datetime(2026, 11, 23, 2, 0),
                    "product_id": self.product.id,
                    "service_category": "free",
                    "certificate_id": self.certificate.id,
                    "state": "to_dispatch",
                }
            ],
        )

    def test_s2_registered_without_zone_takes_the_customers(self):
        """Through the ORM too (imports, other modules): the customer's zone,
        else his last call's; else the clear error of a missing zone."""
        Request = self.env["aftersales.service.request"].with_user(self.desk)
        self.customer.with_company(self.env.company).aftersales_zone_id = self.north
        request = Request.create({"partner_id": self.customer.id, "fault_description": "Noisy"})
        self.assertEqual(request.zone_id, self.north)
        returning = self.env["res.partner"].create({"name": "Returning caller"})
        self.make_request(partner_id=returning.id)
        request = Request.create({"partner_id": returning.id, "fault_description": "Noisy"})
        self.assertEqual(request.zone_id, self.zone, "the zone of his last call")
        stranger = self.env["res.partner"].create({"name": "First call"})
        with self.assertRaisesRegex(UserError, "Choose the service zone"):
            Request.create({"partner_id": stranger.id, "fault_description": "Noisy"})

    def test_s3_banner_says_why_the_dispatch_waits(self):
        """Issue 15: the request's banner is the error Dispatch to Suggested
        would give the user; empty when he can dispatch it."""
        request = self.make_request()

        def click(user):
            try:
                request.with_user(user)._check_dispatch_suggested()
            except (UserError, AccessError) as error:
                return error.args[0]
            return False

        def banner(user):
            self.env.invalidate_all()
            return request.with_user(user).blocked_reason

        for user in (self.desk, self.other_supervisor):
            self.assertIn("Only the supervisor of the Test urban zone", banner(user))
            self.assertEqual(banner(user), click(user))
            with self.assertRaises(AccessError):
                request.with_user(user).action_dispatch_suggested()
        self.assertFalse(banner(self.supervisor))
        self.env["aftersales.technician.certification"].search(
            [("user_id", "in", (self.tech | self.tech2).ids)]
        ).date_expiry = "2021-01-01"
        self.assertIn("No technician of the Test urban zone", banner(self.supervisor))
        self.assertEqual(banner(self.supervisor), click(self.supervisor))
        with self.assertRaisesRegex(UserError, "No technician of the Test urban zone"):
            request.with_user(self.supervisor).action_dispatch_suggested()
        self.assertEqual(request.state, "to_dispatch")

    def test_s3_dispatch_board_card_dispatches_in_one_click(self):
        """The dispatch board (kanban by technician) shows the suggestion
        and its button on each card waiting for dispatch, read for the
        whole board at once."""
        Request = self.env["aftersales.service.request"].with_user(self.supervisor)
        arch = Request.get_views([(False, "kanban")])["views"]["kanban"]["arch"]
        self.assertIn('name="action_dispatch_suggested"', arch)
        waiting = self.make_request() | self.make_request(lot=self.new_lot())
        rows = Request.web_search_read(
            [("id", "in", waiting.ids)],
            {"can_dispatch": {}, "suggested_technician_id": {"fields": {"display_name": {}}}},
        )["records"]
        self.assertEqual(
            [(row["can_dispatch"], row["suggested_technician_id"]["id"]) for row in rows],
            [(True, self.tech2.id)] * 2,
        )
        Request.browse(waiting[0].id).action_dispatch_suggested()
        self.assertEqual(waiting[0].user_id, self.tech2)
        waiting.invalidate_recordset()
        self.assertEqual(waiting[1].suggested_technician_id, self.tech, "the next card's changes")

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import (
    assertQueriesConstant,
    make_calendar,
    make_user,
)

from .common import SIGNATURE, ServiceFixtures

# Times below: naive UTC as stored; China (the calendar's and the company's
# zone) is UTC+8, so 17:00 in China is 09:00 UTC.


@tagged("post_install", "-at_install")
class TestServiceLevels(ServiceFixtures, TransactionCase):
    """T2: three service levels per request (response, arrival, resolution)
    on the time base (T1: Spring Festival 2026, holiday 15-23 February,
    make-up Saturday 14 February), the contract's promise over the zone's,
    7×24 for major faults, the steps that meet each level, their status,
    their escalation, holidays entered later; X6: no direct write."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        env = cls.env
        env.company.aftersales_service_manager_id = cls.manager
        # Mon-Fri 8-12 and 13-18 in China: 9 working hours a day
        cls.hours = make_calendar(env, "Service hours 8-18", afternoon_end=18)
        cls.sl_zone = env["aftersales.zone"].create(
            {
                "name": "Levels zone",
                "code": "TSL",
                "arrival_sla_hours": 6,
                "resource_calendar_id": cls.hours.id,
                "supervisor_id": cls.supervisor.id,
                "technician_ids": [Command.set((cls.tech | cls.tech2).ids)],
            }
        )
        env["aftersales.calendar.day"].create(
            [
                {
                    "name": "Spring Festival",
                    "day_type": "holiday",
                    "date_from": date(2026, 2, 15),
                    "date_to": date(2026, 2, 23),
                },
                {
                    "name": "Spring Festival make-up day",
                    "day_type": "workday",
                    "date_from": date(2026, 2, 14),
                    "date_to": date(2026, 2, 14),
                    "works_like": "4",
                },
            ]
        )
        cls.round_the_clock = env.ref("aftersales_repair.resource_calendar_7x24")

    def call(self, when, **vals):
        return self.make_request(
            lot=vals.pop("lot", None) or self.new_lot(),
            call=when,
            zone_id=self.sl_zone.id,
            **vals,
        )

    def arrive(self, request):
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        request.with_user(self.tech).action_arrive()

    def close_on_site(self, request):
        request.with_user(self.tech).write(
            {"diagnosis": "Cleaned the filter", "customer_signature": SIGNATURE}
        )
        request.with_user(self.tech).action_close_on_site()

    def levels(self, request):
        request.invalidate_recordset(["response_status", "sla_status", "resolution_status"])
        return (request.response_status, request.sla_status, request.resolution_status)

    # -- deadlines on the time base ------------------------------------------------
    def test_zone_defaults(self):
        self.assertEqual(
            (self.sl_zone.response_sla_hours, self.sl_zone.resolution_sla_hours), (2.0, 9.0)
        )
        self.assertTrue(self.round_the_clock.aftersales_works_holidays)

    def test_spring_festival_friday_call_due_on_the_make_up_saturday(self):
        # Fri 13 Feb 17:00: 1 h on Friday, then the make-up Saturday 8-12, 13-14
        request = self.call(datetime(2026, 2, 13, 9, 0))
        self.assertEqual(request.sla_deadline, datetime(2026, 2, 14, 6, 0), "Sat 14:00")
        self.assertEqual(request.sla_warning_at, datetime(2026, 2, 14, 3, 30), "4.5 h: 11:30")
        self.assertEqual(request.response_deadline, datetime(2026, 2, 14, 1, 0), "2 h: Sat 09:00")
        self.assertEqual(request.response_warning_at, datetime(2026, 2, 14, 0, 30))
        self.assertEqual(request.resolution_deadline, datetime(2026, 2, 14, 9, 0), "9 h: Sat 17:00")

    def test_spring_festival_saturday_call_due_after_the_holiday(self):
        # Sat 14 Feb 17:00: 1 h on Saturday, holiday 15-23, Tue 24 8-12, 13-14
        request = self.call(datetime(2026, 2, 14, 9, 0))
        self.assertEqual(request.sla_deadline, datetime(2026, 2, 24, 6, 0), "Tue 24 14:00")
        self.assertEqual(request.response_deadline, datetime(2026, 2, 24, 1, 0), "Tue 09:00")

    def test_contract_7x24_ignores_holidays_and_overrides_the_zone(self):
        lot = self.new_lot()
        contract = self.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": self.customer.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "lot_ids": [Command.set(lot.ids)],
                "sla_response_hours": 0.5,
                "sla_arrival_hours": 4,
                "sla_calendar_id": self.round_the_clock.id,
            }
        )
        contract.action_start()
        # Mon 16 Feb 10:00, in the Spring Festival holiday
        request = self.call(datetime(2026, 2, 16, 2, 0), lot=lot)
        self.assertEqual(request.contract_id, contract)
        self.assertEqual(request.response_deadline, datetime(2026, 2, 16, 2, 30), "30 min")
        self.assertEqual(request.sla_deadline, datetime(2026, 2, 16, 6, 0), "4 h, not 6 h")
        self.assertEqual(
            request.resolution_deadline, datetime(2026, 2, 16, 11, 0), "the zone's 9 h, 7×24"
        )
        # the same call without the contract waits for the holiday's end
        zone_only = self.call(datetime(2026, 2, 16, 2, 0))
        self.assertEqual(zone_only.sla_deadline, datetime(2026, 2, 24, 7, 0), "Tue 24 15:00")

    def test_major_fault_response_round_the_clock(self):
        # Sat 21 Feb 23:00, a holiday night: 30 min; arrival, resolution 7×24
        request = self.call(datetime(2026, 2, 21, 15, 0), is_major_fault=True)
        self.assertEqual(request.response_deadline, datetime(2026, 2, 21, 15, 30))
        self.assertEqual(request.sla_deadline, datetime(2026, 2, 21, 21, 0))
        self.assertEqual(request.resolution_deadline, datetime(2026, 2, 22, 0, 0))

    def test_holiday_entered_later_moves_open_deadlines_only(self):
        # Tue 3 Mar 17:00: arrival due Wed 4 Mar 14:00
        call = datetime(2026, 3, 3, 9, 0)
        open_request, closed_request = self.call(call), self.call(call)
        with freeze_time("2026-03-03 09:30:00"):
            self.arrive(closed_request)
            self.close_on_site(closed_request)
        for request in open_request | closed_request:
            self.assertEqual(request.sla_deadline, datetime(2026, 3, 4, 6, 0))
        self.env["aftersales.calendar.day"].create(
            {
                "name": "Company closure",
                "date_from": date(2026, 3, 4),
                "date_to": date(2026, 3, 4),
            }
        )
        self.assertEqual(open_request.sla_deadline, datetime(2026, 3, 5, 6, 0), "Thu 14:00")
        self.assertEqual(open_request.response_deadline, datetime(2026, 3, 5, 1, 0))
        self.assertEqual(open_request.resolution_deadline, datetime(2026, 3, 5, 9, 0))
        self.assertEqual(closed_request.sla_deadline, datetime(2026, 3, 4, 6, 0), "kept")
        self.assertEqual(closed_request.resolution_deadline, datetime(2026, 3, 4, 9, 0))
        self.assertTrue(closed_request.sla_met)

    # -- the response level ------------------------------------------------------
    def test_response_met_by_the_contacted_step(self):
        request = self.call(datetime(2026, 3, 2, 1, 0))  # Mon 09:00, due 11:00
        with freeze_time("2026-03-02 02:00:00"):
            self.env["aftersales.contact.customer"].with_user(self.desk).create(
                {"request_id": request.id, "note": "Visit agreed for 14:00"}
            ).action_confirm()
        self.assertEqual(request.date_responded, datetime(2026, 3, 2, 2, 0))
        self.assertTrue(request.response_met)
        self.assertEqual(self.levels(request)[0], "met")
        self.assertIn("Visit agreed for 14:00", request.message_ids[0].body)
        with freeze_time("2026-03-02 05:00:00"):
            request.with_user(self.desk).action_mark_contacted()
        self.assertEqual(request.date_responded, datetime(2026, 3, 2, 2, 0), "never later")
        with self.assertRaises(AccessError, msg="not his job"):
            request.with_user(self.tech2).action_mark_contacted()
        with self.assertRaises(UserError, msg="bounded"):
            request.with_user(self.desk).action_mark_contacted(note="x" * 1001)

    def test_response_met_by_a_chatter_message_to_the_customer(self):
        request = self.call(datetime(2026, 3, 2, 1, 0))
        with freeze_time("2026-03-02 01:20:00"):
            request.with_user(self.desk).message_post(
                body="Checking stock", message_type="comment", subtype_xmlid="mail.mt_note"
            )
            self.assertFalse(request.date_responded, "an internal note is no contact")
            request.with_user(self.desk).message_post(
                body="To a colleague",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=self.tech.partner_id.ids,
            )
            self.assertFalse(request.date_responded, "not sent to the customer")
        with freeze_time("2026-03-02 03:30:00"):
            request.with_user(self.desk).message_post(
                body="We come at 14:00",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=self.customer.ids,
            )
        self.assertEqual(request.date_responded, datetime(2026, 3, 2, 3, 30))
        self.assertFalse(request.response_met, "after 11:00")
        self.assertEqual(self.levels(request)[0], "breached")

    def test_response_met_by_the_arrival(self):
        request = self.call(datetime(2026, 3, 2, 1, 0))
        with freeze_time("2026-03-02 02:30:00"):
            self.arrive(request)
        self.assertEqual(request.date_responded, request.date_arrival)
        self.assertTrue(request.response_met and request.sla_met)
        contacted = self.call(datetime(2026, 3, 2, 1, 0))
        with freeze_time("2026-03-02 01:30:00"):
            contacted.with_user(self.desk).action_mark_contacted()
        with freeze_time("2026-03-02 04:00:00"):
            self.arrive(contacted)
        self.assertEqual(contacted.date_responded, datetime(2026, 3, 2, 1, 30), "the first")

    # -- the resolution level ----------------------------------------------------
    def test_resolution_on_site_met_or_breached(self):
        # Mon 2 Mar 09:00: resolution due Tue 3 Mar 09:00 (9 working hours)
        early, late = self.call(datetime(2026, 3, 2, 1, 0)), self.call(datetime(2026, 3, 2, 1, 0))
        self.assertEqual(early.resolution_deadline, datetime(2026, 3, 3, 1, 0))
        with freeze_time("2026-03-02 06:00:00"):
            self.arrive(early)
            self.close_on_site(early)
            self.arrive(late)
        with freeze_time("2026-03-03 02:00:00"):
            self.close_on_site(late)
        self.assertEqual(early.date_resolved, datetime(2026, 3, 2, 6, 0))
        self.assertEqual(early.date_resolved, early.date_done)
        self.assertEqual((early.resolution_met, late.resolution_met), (True, False))
        self.assertEqual(self.levels(early)[2], "met")
        self.assertEqual(self.levels(late)[2], "breached")

    def _carry_in(self, request, promised):
        self.env["aftersales.carry.in"].with_user(self.tech).create(
            {"request_id": request.id, "date_promised": promised, "intake_signature": SIGNATURE}
        ).action_confirm()
        return request.repair_id

    def _repair(self, repair):
        repair.action_validate()
        repair.action_repair_start()
        self.env["aftersales.repair.time"].with_user(self.tech).create(
            {"repair_id": repair.id, "hours": 1.0, "description": "Replaced the fan"}
        )
        repair.action_repair_end()

    def test_resolution_in_the_workshop_by_the_promised_day(self):
        in_time, overdue = (
            self.call(datetime(2026, 3, 2, 1, 0)),
            self.call(datetime(2026, 3, 2, 1, 0)),
        )
        with freeze_time("2026-03-02 02:00:00"):
            for request in in_time | overdue:
                self.arrive(request)
                self._carry_in(request, date(2026, 3, 4))
        # the end of Wed 4 Mar in China
        self.assertEqual(in_time.resolution_deadline, datetime(2026, 3, 4, 16, 0))
        self.assertEqual(in_time.resolution_warning_at, datetime(2026, 3, 3, 16, 0))
        with freeze_time("2026-03-02 03:00:00"):
            self.assertEqual(self.levels(in_time)[2], "on_track")
        with freeze_time("2026-03-04 08:00:00"):
            self._repair(in_time.repair_id)
        with freeze_time("2026-03-05 02:00:00"):
            self._repair(overdue.repair_id)
        self.assertEqual(in_time.state, "in_repair")
        self.assertEqual(in_time.date_resolved, datetime(2026, 3, 4, 8, 0), "the repair's end")
        self.assertTrue(in_time.resolution_met)
        self.assertFalse(overdue.resolution_met)
        self.assertEqual(self.levels(overdue)[2], "breached")
        # the product goes back later: resolved when repaired, not moved
        in_time.repair_id.with_user(self.supervisor).action_aftersales_inspect()
        with freeze_time("2026-03-06 02:00:00"):
            self.env["aftersales.return.product"].create(
                {"repair_id": in_time.repair_id.id, "return_signature": SIGNATURE}
            ).action_confirm()
        self.assertEqual(in_time.state, "done")
        self.assertEqual(in_time.date_resolved, datetime(2026, 3, 4, 8, 0))

    # -- status per level ----------------------------------------------------------
    def test_status_of_each_level_and_search(self):
        # Mon 2 Mar 09:00 China. Response due 11:00 (risk 10:30), arrival 16:00
        # (risk 14:30), resolution Tue 09:00 (risk Mon 16:45).
        request = self.call(datetime(2026, 3, 2, 1, 0))
        Request = self.env["aftersales.service.request"]
        fields_ = ("response_status", "sla_status", "resolution_status")
        for now, expected in (
            ("2026-03-02 02:00:00", ("on_track", "on_track", "on_track")),
            ("2026-03-02 02:45:00", ("at_risk", "on_track", "on_track")),
            ("2026-03-02 07:00:00", ("breached", "at_risk", "on_track")),
            ("2026-03-02 09:00:00", ("breached", "breached", "at_risk")),
            ("2026-03-03 02:00:00", ("breached", "breached", "breached")),
        ):
            with self.subTest(now=now), freeze_time(now):
                self.assertEqual(self.levels(request), expected)
                for field, status in zip(fields_, expected, strict=True):
                    found = Request.search([("id", "=", request.id), (field, "in", [status])])
                    self.assertEqual(found, request, f"{field} searchable as {status}")
                    others = Request.search([("id", "=", request.id), (field, "not in", [status])])
                    self.assertFalse(others)
        with freeze_time("2026-03-02 02:00:00"):
            request.with_user(self.desk).action_mark_contacted()
            self.assertEqual(self.levels(request), ("met", "on_track", "on_track"))
        request.with_user(self.supervisor).action_cancel()
        self.assertEqual(self.levels(request), (False, False, False))

    # -- escalation ------------------------------------------------------------------
    def test_escalation_once_per_level_to_whom_answers_for_it(self):
        Request = self.env["aftersales.service.request"]
        request = self.call(datetime(2026, 3, 2, 1, 0))
        steps = (
            (datetime(2026, 3, 2, 2, 0), 0, "response_escalated", False),
            (datetime(2026, 3, 2, 4, 0), 1, "response_escalated", True),
            (datetime(2026, 3, 2, 9, 0), 1, "sla_escalated", True),
            (datetime(2026, 3, 3, 2, 0), 1, "resolution_escalated", True),
        )
        for now, count, flag, escalated in steps:
            with self.subTest(now=now):
                self.assertEqual(Request._escalate_levels_batch(now, 100), count)
                self.assertEqual(Request._escalate_levels_batch(now, 100), 0, "once")
                self.assertEqual(request[flag], escalated)
        self.assertEqual(
            {a.summary: a.user_id for a in request.activity_ids},
            {
                "Response deadline breached": self.supervisor,
                "Arrival deadline breached": self.supervisor,
                "Resolution deadline breached": self.manager,
            },
        )
        lines = request.message_ids.filtered(lambda m: "deadline breached" in (m.body or ""))
        self.assertEqual(len(lines), 3, "one chatter line per level")
        self.assertEqual(Request._escalate_levels_batch(datetime(2026, 3, 9), 100), 0)

    def test_escalation_cron_runs_every_level(self):
        request = self.call(datetime(2026, 3, 2, 1, 0))
        with freeze_time("2026-03-03 02:00:00"):
            self.env["aftersales.service.request"]._cron_escalate_sla()
        self.assertTrue(
            request.response_escalated and request.sla_escalated and request.resolution_escalated
        )

    # -- speed ---------------------------------------------------------------------
    def _register(self, count, call=datetime(2026, 3, 2, 1, 0)):
        return (
            self.env["aftersales.service.request"]
            .with_context(tracking_disable=True)
            .create(
                [
                    {
                        "partner_id": self.customer.id,
                        "zone_id": self.sl_zone.id,
                        "product_id": self.product.id,
                        "fault_description": "batch",
                        "date_call": call,
                        "is_major_fault": bool(i % 2),
                    }
                    for i in range(count)
                ]
            )
        )

    def test_registering_and_escalating_cost_no_query_per_request(self):
        small, big = assertQueriesConstant(
            self, lambda count: count, self._register, sizes=(3, 30), per_record=1
        )
        self.assertEqual((len(small), len(big)), (3, 30))
        self.assertTrue(all(big.mapped("resolution_deadline")))
        now = datetime(2026, 3, 9)
        done = assertQueriesConstant(
            self,
            lambda count: self._register(count),
            lambda _requests: self.env["aftersales.service.request"]._escalate_levels_batch(
                now, 1000
            ),
            sizes=(3, 30),
        )
        self.assertEqual(done, (9, 90), "three levels each")

    # -- roles (X2, X6) ---------------------------------------------------------------
    def test_levels_are_written_only_by_steps(self):
        request = self.call(datetime(2026, 3, 2, 1, 0))
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        for user in (self.desk, self.tech, self.manager):
            for field, value in (
                ("date_responded", datetime(2026, 3, 2, 1, 5)),
                ("date_resolved", datetime(2026, 3, 2, 1, 5)),
                ("response_escalated", True),
                ("resolution_escalated", True),
                ("sla_escalated", True),
            ):
                with (
                    self.subTest(user=user.login, field=field),
                    self.assertRaisesRegex(UserError, "only through its steps"),
                ):
                    request.with_user(user).write({field: value})
        with self.assertRaisesRegex(UserError, "only through its steps"):
            self.env["aftersales.service.request"].with_user(self.desk).create(
                {
                    "partner_id": self.customer.id,
                    "zone_id": self.sl_zone.id,
                    "fault_description": "x",
                    "date_responded": datetime(2026, 3, 2, 1, 5),
                }
            )
        self.assertFalse(request.date_responded or request.date_resolved)

    def test_only_the_service_manager_sets_contract_levels(self):
        salesman = make_user(
            self.env, "employee", groups="sales_team.group_sale_salesman,stock.group_stock_user"
        )
        contract = (
            self.env["aftersales.maintenance.contract"]
            .with_user(salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                    "lot_ids": [Command.set(self.new_lot().ids)],
                }
            )
        )
        for user in (salesman, self.desk, self.supervisor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                contract.with_user(user).write({"sla_arrival_hours": 4})
        with self.assertRaises(AccessError):
            self.env["aftersales.maintenance.contract"].with_user(salesman).create(
                {
                    "partner_id": self.customer.id,
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                    "sla_calendar_id": self.round_the_clock.id,
                }
            )
        contract.with_user(salesman).write({"fee": 1200})
        contract.with_user(self.manager).write(
            {"sla_arrival_hours": 4, "sla_calendar_id": self.round_the_clock.id}
        )
        # the desk sees them; a renewal by the salesperson keeps them
        seen = contract.with_user(self.desk)
        self.assertEqual((seen.sla_arrival_hours, seen.sla_calendar_id), (4, self.round_the_clock))
        self.assertFalse(seen.can_edit_service_levels)
        contract.with_user(salesman).action_start()
        action = contract.with_user(salesman).action_renew()
        successor = contract.browse(action["res_id"])
        self.assertEqual(successor.sla_arrival_hours, 4)

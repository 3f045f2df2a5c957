# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import CHINA_MIDNIGHT, assertQueriesConstant

from .common import SIGNATURE, ServiceFixtures


@tagged("post_install", "-at_install")
class TestEscalation(ServiceFixtures, TransactionCase):
    """S4: breached deadlines escalate once; undispatched calls go first
    tomorrow; S9: overdue repairs escalate to the service manager. Batched,
    queries independent of the number of requests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        cls.Request = cls.env["aftersales.service.request"]
        cls.now = datetime(2026, 11, 24, 10, 0)

    def _requests(self, count, call):
        return self.Request.create(
            [
                {
                    "partner_id": self.customer.id,
                    "zone_id": self.zone.id,
                    "product_id": self.product.id,
                    "fault_description": "batch",
                    "date_call": call,
                }
                for _i in range(count)
            ]
        )

    def test_breach_escalates_to_supervisor_once(self):
        late = self._requests(2, datetime(2026, 11, 23, 1, 0))  # deadline Mon 08:00 UTC
        fresh = self._requests(1, datetime(2026, 11, 24, 9, 0))
        self.assertEqual(self.Request._escalate_sla_batch(self.now, 100), 2)
        self.assertEqual(self.Request._escalate_sla_batch(self.now, 100), 0, "once")
        self.assertTrue(all(late.mapped("sla_escalated")))
        self.assertFalse(fresh.sla_escalated)
        activities = late.activity_ids
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.user_id, self.supervisor)

    def test_undispatched_flagged_for_tomorrow(self):
        waiting = self._requests(2, datetime(2026, 11, 24, 2, 0))
        dispatched = self._requests(1, datetime(2026, 11, 24, 2, 0))
        dispatched.with_user(self.supervisor).write({"user_id": self.tech.id})
        self.assertEqual(self.Request._flag_undispatched_batch(self.now, 100), 2)
        self.assertEqual(set(waiting.mapped("priority")), {"1"})
        self.assertEqual(dispatched.priority, "0")
        self.assertEqual(self.Request._flag_undispatched_batch(self.now, 100), 0)
        waiting[0].with_user(self.supervisor).write({"user_id": self.tech.id})
        self.assertEqual(waiting[0].priority, "0", "dispatched: no longer first")

    def test_escalation_queries_do_not_grow(self):
        call = datetime(2026, 11, 23, 1, 0)
        for method in (self.Request._escalate_sla_batch, self.Request._flag_undispatched_batch):
            with self.subTest(method.__name__):
                done = assertQueriesConstant(
                    self,
                    lambda count: self._requests(count, call),
                    lambda _requests, method=method: method(self.now, 1000),
                    sizes=(3, 30),
                )
                self.assertEqual(done, (3, 30))

    def test_overdue_repair_escalates_to_service_manager(self):
        self.env.company.aftersales_service_manager_id = self.manager
        request = self._requests(1, datetime(2026, 11, 1))
        request.lot_id = self.lots[1]
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        request.with_user(self.tech).action_arrive()
        self.env["aftersales.carry.in"].with_user(self.tech).create(
            {
                "request_id": request.id,
                "date_promised": self.env.company._aftersales_today(),
                "intake_signature": SIGNATURE,
            }
        ).action_confirm()
        Repair = self.env["repair.order"]
        repair = request.repair_id
        # other repairs of the database (demo) may be late on any day: only
        # this one's flag and activities are looked at
        today = self.env.company._aftersales_today()
        Repair._escalate_overdue_batch(today, 1000)
        self.assertFalse(repair.aftersales_overdue_escalated, "not late yet")
        tomorrow = today + timedelta(days=1)
        Repair._escalate_overdue_batch(tomorrow, 1000)
        self.assertTrue(repair.aftersales_overdue_escalated)
        Repair._escalate_overdue_batch(tomorrow, 1000)
        self.assertEqual(len(repair.activity_ids), 1, "once")
        self.assertEqual(repair.activity_ids.user_id, self.manager)

    def test_overdue_repair_escalates_on_the_company_day(self):
        """S9, issue 12: the cron runs as OdooBot (Brussels in the demo); at
        00:30 on 1 December in China, still 30 November in Brussels, a repair
        promised for 30 November is late."""
        self.env.company.aftersales_service_manager_id = self.manager
        self.env.user.tz = "Europe/Brussels"
        with freeze_time("2026-11-29 02:00:00"):
            request = self._requests(1, datetime(2026, 11, 29, 1))
            request.lot_id = self.lots[1]
            request.with_user(self.supervisor).write({"user_id": self.tech.id})
            request.with_user(self.tech).action_arrive()
            self.env["aftersales.carry.in"].with_user(self.tech).create(
                {
                    "request_id": request.id,
                    "date_promised": date(2026, 11, 30),
                    "intake_signature": SIGNATURE,
                }
            ).action_confirm()
        with freeze_time(CHINA_MIDNIGHT):
            cron = self.env.ref("aftersales_repair.ir_cron_escalate_overdue_repairs")
            cron.ir_actions_server_id.run()
        self.assertTrue(request.repair_id.aftersales_overdue_escalated)
        self.assertEqual(request.repair_id.activity_ids.date_deadline, date(2026, 12, 1))

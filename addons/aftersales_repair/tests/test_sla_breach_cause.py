# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, freeze_time, tagged

from odoo.addons.aftersales_base.tests.common import make_user

from .common import SIGNATURE
from .sla_common import MON_0900, NOW, SlaFixtures

BREACH_ACTIVITY = "aftersales_repair.mail_activity_type_breach_cause"


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestSlaBreachCause(SlaFixtures, TransactionCase):
    """T3: why a service level was breached, said by whom may say it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_sla_fixtures()

    def _breach_activities(self, request):
        activity_type = self.env.ref(BREACH_ACTIVITY)
        return request.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

    def _visit(self, call, arrive_at):
        """A job dispatched by the supervisor, reached at ``arrive_at`` by its
        technician (the arrival is its first contact: the response too)."""
        request = self.make_request(lot=self.new_lot(), call=call)
        with freeze_time(call):
            request.with_user(self.supervisor).write({"user_id": self.tech.id})
        with freeze_time(arrive_at):
            request.with_user(self.tech).action_arrive()
        request.with_user(self.tech).write(
            {"diagnosis": "Fan motor", "customer_signature": SIGNATURE}
        )
        return request

    def test_technician_supervisor_manager_give_the_cause(self):
        """T3: the job's technician, the zone's supervisor and a manager give the cause."""
        self.a3.with_user(self.tech).write(
            {"sla_breach_cause": "travel", "sla_breach_note": "Bridge closed"}
        )
        self.assertEqual(self.a3.sla_breach_cause, "travel")
        self.a3.with_user(self.supervisor).write({"sla_breach_cause": "waiting_parts"})
        self.a3.with_user(self.manager).write({"sla_breach_cause": "other"})
        self.assertEqual(self.a3.sla_breach_cause, "other")
        self.assertTrue(self.a3.with_user(self.tech).can_give_breach_cause)

    def test_others_cannot(self):
        """T3/X6: the desk, another technician, another zone's supervisor, the customer: refused."""
        other_supervisor = make_user(self.env, "supervisor", login="as_sla_other_sup")
        portal = make_user(self.env, "portal", login="as_sla_portal")
        self.assertFalse(self.a3.with_user(self.desk).can_give_breach_cause)
        for user in (self.desk, self.tech2, other_supervisor, portal):
            with self.assertRaises(AccessError, msg=user.login):
                self.a3.with_user(user).write({"sla_breach_cause": "travel"})
        self.assertFalse(self.a3.sla_breach_cause)

    def test_not_on_create(self):
        """X6: a registered call is not born with a breach cause, whoever registers it."""
        with self.assertRaises(UserError):
            self.make_request(lot=self.new_lot(), call=MON_0900, sla_breach_cause="travel")

    def test_only_a_breached_level_has_a_cause(self):
        """T3: a job that met its levels has no cause to give."""
        with self.assertRaises(UserError):
            self.a1.with_user(self.tech).write({"sla_breach_cause": "travel"})
        self.assertFalse(self.a1.sla_breach_cause)

    def test_note_is_bounded(self):
        """Bad input: a note longer than 500 characters is refused, nothing written."""
        with self.assertRaises(ValidationError):
            self.a3.with_user(self.tech).write(
                {"sla_breach_cause": "travel", "sla_breach_note": "x" * 501}
            )
        self.assertFalse(self.a3.sla_breach_cause)

    def test_breached_filter(self):
        """T3: the requests with a breached level, and those still without a cause."""
        Request = self.env["aftersales.service.request"]
        mine = Request.search([("id", "in", (self.a1 | self.a3 | self.a4 | self.a5).ids)])
        # a5's response was due at 14:00
        self.assertEqual(
            mine.filtered_domain([("sla_any_breached", "=", True)]), self.a3 | self.a4 | self.a5
        )
        self.assertEqual(
            Request.search([("id", "in", mine.ids), ("sla_any_breached", "=", False)]), self.a1
        )
        self.assertEqual(mine.filtered("sla_any_breached"), self.a3 | self.a4 | self.a5)

    def test_closing_late_asks_the_supervisor(self):
        """T3: a job closed with a breached arrival and no cause leaves the supervisor
        an activity; giving the cause answers it."""
        late = self._visit(MON_0900, "2026-11-24 02:00:00")  # Tuesday 10:00: 18 h late
        late.with_user(self.tech).action_close_on_site()
        self.assertEqual(late.state, "done")
        activity = self._breach_activities(late)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.supervisor)
        late.with_user(self.supervisor).write({"sla_breach_cause": "technician_overloaded"})
        self.assertFalse(self._breach_activities(late))

    def test_closing_in_time_or_explained_asks_nothing(self):
        """T3: met in time, or the cause already given: no activity."""
        in_time = self._visit(MON_0900, "2026-11-23 02:00:00")  # Monday 10:00
        with freeze_time("2026-11-23 03:00:00"):
            in_time.with_user(self.tech).action_close_on_site()
        self.assertFalse(in_time._sla_breached_levels())
        explained = self._visit(MON_0900, "2026-11-24 02:00:00")
        explained.with_user(self.tech).write({"sla_breach_cause": "customer_unavailable"})
        explained.with_user(self.tech).action_close_on_site()
        self.assertFalse(self._breach_activities(in_time | explained))

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, freeze_time, tagged

from odoo.addons.aftersales_base.tests.common import make_user

from .sla_common import NOW, SlaFixtures

MEASURES = ["__count", "met_count:sum", "breached_count:sum", "met_rate:avg", "hours_late:avg"]


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestSlaReport(SlaFixtures, TransactionCase):
    """T3: the service-level analysis, one row per request and level."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_sla_fixtures()

    def _arrival_by_zone(self, user=None):
        report = self.Report.with_user(user) if user else self.Report
        rows = report._read_group(
            [("zone_id", "in", (self.zone_a | self.zone_b).ids), ("level", "=", "arrival")],
            ["zone_id"],
            MEASURES,
        )
        return {zone: measures for zone, *measures in rows}

    def _row(self, request, level="arrival"):
        self.env.invalidate_all()
        return self.Report.search([("request_id", "=", request.id), ("level", "=", level)])

    def test_met_rate_per_zone_is_the_hand_count(self):
        """T3: rows, met, breaches, met % and hours late per zone equal a hand count."""
        by_zone = self._arrival_by_zone(self.supervisor)
        # zone A: a1 a2 met, a3 a4 breached, a5 a7 open (a6 cancelled: no row)
        self.assertEqual(by_zone[self.zone_a], [6, 2, 2, 50.0, (18 + 47) / 2])
        # zone B: b1 b2 b3 met, b4 17 h late
        self.assertEqual(by_zone[self.zone_b], [4, 3, 1, 75.0, 17.0])

    def test_met_rate_per_zone_and_level(self):
        """T3: each level of each zone counted by hand (rows, met, breached, met %)."""
        rows = self.Report.with_user(self.manager)._read_group(
            [("zone_id", "in", (self.zone_a | self.zone_b).ids)],
            ["zone_id", "level"],
            MEASURES[:4],
        )
        found = {(zone, level): measures for zone, level, *measures in rows}
        # response: a4, a5 (due 14:00), a7 (due 11:00) not answered by 15:00
        self.assertEqual(found[self.zone_a, "response"], [6, 3, 3, 50.0])
        self.assertEqual(found[self.zone_a, "arrival"], [6, 2, 2, 50.0])
        # resolution: a3 resolved Tuesday 11:00 (due 10:00), a4 never; a5 a7 not due yet
        self.assertEqual(found[self.zone_a, "resolution"], [6, 2, 2, 50.0])
        self.assertEqual(found[self.zone_b, "response"], [4, 4, 0, 100.0])
        self.assertEqual(found[self.zone_b, "arrival"], [4, 3, 1, 75.0])
        self.assertEqual(found[self.zone_b, "resolution"], [4, 3, 1, 75.0])

    def test_pivot_rows_zone_columns_level(self):
        """T3: the pivot's default (zone × level, met %) answers from the view."""
        groups = self.Report.with_user(self.manager).formatted_read_group(
            [("zone_id", "in", (self.zone_a | self.zone_b).ids)],
            ["zone_id", "level"],
            ["met_rate:avg"],
        )
        arrival = {g["zone_id"][0]: g["met_rate:avg"] for g in groups if g["level"] == "arrival"}
        self.assertEqual(arrival, {self.zone_a.id: 50.0, self.zone_b.id: 75.0})

    def test_row_values(self):
        """T3: a row carries its request's zone, technician, category, customer, month."""
        row = self._row(self.a3)
        self.assertEqual(len(row), 1)
        self.assertEqual(row.status, "breached")
        self.assertEqual(row.deadline, self.a3.sla_deadline)
        self.assertEqual(row.date_met, self.a3.date_arrival)
        self.assertEqual(row.hours_late, 18.0)
        self.assertEqual(
            (row.zone_id, row.user_id, row.commercial_partner_id, row.company_id),
            (self.zone_a, self.tech, self.customer, self.env.company),
        )
        self.assertEqual(row.service_category, self.a3.service_category)
        self.assertEqual(row.request_type_id, self.a3.request_type_id)
        self.assertEqual(row.call_month, date(2026, 11, 1))
        self.assertEqual(self._row(self.a1).status, "met")
        self.assertFalse(self._row(self.a1).hours_late)
        self.assertFalse(self._row(self.a6), "a cancelled request has no service level")

    def test_open_past_deadline_is_breached(self):
        """T3: an open request is breached once its deadline has passed, at the ORM's clock."""
        self.assertEqual(self._row(self.a4).status, "breached")
        self.assertEqual(self._row(self.a4).hours_late, 47.0)
        self.assertEqual(self._row(self.a5).status, "open")
        self.assertEqual(self._row(self.a7).status, "open")
        self.assertFalse(self._row(self.a5).met_rate, "an open level is not counted in met %")
        # Thursday 10:00 in China: a5 (due 09:00) and a7 (due Wednesday 16:00) are late
        with freeze_time("2026-11-26 02:00:00"):
            self.assertEqual(self._row(self.a5).status, "breached")
            self.assertEqual(self._row(self.a7).hours_late, 18.0)
            self.assertEqual(self._arrival_by_zone()[self.zone_a][:3], [6, 2, 4])

    def test_month_of_the_call_is_the_companys(self):
        """T3: a call at 04:00 on 1 November in China is November's, not October's (UTC)."""
        november = self.make_request(lot=self.new_lot(), call=datetime(2026, 10, 31, 20, 0))
        october = self.make_request(lot=self.new_lot(), call=datetime(2026, 10, 31, 15, 0))
        self.assertEqual(self._row(november).call_month, date(2026, 11, 1))
        self.assertEqual(self._row(october).call_month, date(2026, 10, 1))

    def test_breach_cause_groups(self):
        """T3: the breaches grouped by their cause."""
        self.a3.with_user(self.tech).write({"sla_breach_cause": "travel"})
        rows = self.Report._read_group(
            [("zone_id", "=", self.zone_a.id), ("status", "=", "breached")],
            ["sla_breach_cause"],
            ["__count"],
        )
        self.assertEqual(dict(rows)["travel"], 2, "a3's arrival and resolution")

    def test_company_rule_hides_other_company(self):
        """X3: the view has its company rule: another branch's rows are not seen."""
        branch = self.env["res.company"].create({"name": "SLA Branch B"})
        branch_zone = self.Zone.create(
            {
                "name": "Branch zone",
                "code": "BRZ",
                "company_id": branch.id,
                "resource_calendar_id": self.calendar.id,
            }
        )
        branch_request = (
            self.env["aftersales.service.request"]
            .with_company(branch)
            .create(
                {
                    "partner_id": self.customer.id,
                    "zone_id": branch_zone.id,
                    "fault_description": "Noisy",
                    "date_call": datetime(2026, 11, 23, 1, 0),
                    "company_id": branch.id,
                }
            )
        )
        branch_manager = make_user(self.env, "manager", login="as_sla_branch", company=branch)
        domain = [("request_id", "in", (branch_request | self.a1).ids)]
        self.assertEqual(
            self.Report.with_user(branch_manager).search(domain).request_id, branch_request
        )
        self.assertEqual(self.Report.with_user(self.manager).search(domain).request_id, self.a1)
        self.assertEqual(self.Report.search(domain).request_id, branch_request | self.a1)

    def test_desk_and_technician_cannot_read(self):
        """X2: the analysis is for supervisors and up; the desk and technicians read none."""
        for user in (self.desk, self.tech):
            with self.assertRaises(AccessError):
                self.Report.with_user(user).search([])
        self.assertTrue(self.Report.with_user(self.supervisor).search([]))

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import assertQueriesConstant

from .common import ServiceFixtures

JUNE, JULY = date(2026, 6, 1), date(2026, 7, 1)


@tagged("post_install", "-at_install")
class TestContractAvailability(ServiceFixtures, TransactionCase):
    """P7 (篇八 可用率 ≥ 99 %): downtime of a contract's covered equipment from
    the fault report to the fix, in the contract's calendar (Mon-Fri 8-12,
    13-17 in China: June 2026 is 22 days, 176 working hours), and the monthly
    availability against the target."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        env = cls.env
        # the month's working time is the fixture calendar's alone
        env["aftersales.calendar.day"].search([("company_id", "=", env.company.id)]).unlink()
        cls.lot = cls.new_lot()
        cls.contract = cls.make_contract(cls.lot)

    @classmethod
    def make_contract(cls, lots, **vals):
        contract = cls.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": cls.customer.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "lot_ids": [Command.set(lots.ids)],
                "availability_calendar_id": cls.calendar.id,
                **vals,
            }
        )
        contract.action_start()
        return contract

    def _outage(self, start, end=None, lot=None, **vals):
        """A Repair request of the contract's serial called at ``start``
        (UTC) and fixed at ``end`` (UTC; open when None)."""
        request = self.make_request(lot=lot or self.lot, call=start, **vals)
        self.assertTrue(request.contract_id, "a contract job")
        if end:
            request._write_process({"state": "done", "date_done": end})
        return request

    def _figures(self, month, contract=None):
        contract = contract or self.contract
        return contract._aftersales_availability([month])[contract, month]

    def test_p7_four_hour_outage_in_a_176_hour_month(self):
        """P7: one 4-working-hour outage (Wed 10 June, 09:00-14:00 China, lunch
        out) on a 1-unit contract: 1 − 4/176."""
        self._outage(datetime(2026, 6, 10, 1, 0), datetime(2026, 6, 10, 6, 0))
        figures = self._figures(JUNE)
        self.assertEqual(figures["scheduled_hours"], 176.0)
        self.assertEqual(figures["units"], 1)
        self.assertAlmostEqual(figures["downtime_hours"], 4.0, places=9)
        self.assertAlmostEqual(figures["availability"], 100.0 * (1 - 4 / 176), places=9)
        self.assertTrue(figures["below_target"], "97.73 % < 99 %")
        self.contract.availability_target = 97.0
        self.assertFalse(self._figures(JUNE)["below_target"])

    def test_p7_units_and_planned_work(self):
        """P7: two covered serials double the scheduled time; an inspection
        (planned work) and a cancelled request are no downtime."""
        lot, other = self.new_lot(), self.new_lot()
        contract = self.make_contract(lot | other)
        self._outage(datetime(2026, 6, 10, 1, 0), datetime(2026, 6, 10, 6, 0), lot=lot)
        inspection = self.env.ref("aftersales_repair.request_type_inspection")
        self._outage(
            datetime(2026, 6, 11, 1, 0),
            datetime(2026, 6, 11, 6, 0),
            lot=other,
            request_type_id=inspection.id,
        )
        cancelled = self._outage(datetime(2026, 6, 12, 1, 0), lot=other)
        cancelled._write_process({"state": "cancelled"})
        figures = self._figures(JUNE, contract)
        self.assertEqual((figures["units"], figures["downtime_hours"]), (2, 4.0))
        self.assertAlmostEqual(figures["availability"], 100.0 * (1 - 4 / 352), places=9)

    def test_p7_outage_over_month_end_is_split(self):
        """P7: Tue 30 June 15:00 → Wed 1 July 10:00 (China): 2 h in June,
        2 h in July (23 working days, 184 h)."""
        self._outage(datetime(2026, 6, 30, 7, 0), datetime(2026, 7, 1, 2, 0))
        figures = self.contract._aftersales_availability([JUNE, JULY])
        june, july = figures[self.contract, JUNE], figures[self.contract, JULY]
        self.assertEqual((june["downtime_hours"], july["downtime_hours"]), (2.0, 2.0))
        self.assertEqual(july["scheduled_hours"], 184.0)
        self.assertAlmostEqual(july["availability"], 100.0 * (1 - 2 / 184), places=9)

    def test_p7_holiday_does_not_count_makeup_day_does(self):
        """P7, T1: an outage on a public holiday is no downtime and the day
        is not scheduled; one on a make-up Saturday is both."""
        self.env["aftersales.calendar.day"].create(
            [
                {"name": "Test holiday", "day_type": "holiday", "date_from": date(2026, 6, 10)},
                {
                    "name": "Test make-up day",
                    "day_type": "workday",
                    "date_from": date(2026, 6, 13),
                    "works_like": "0",
                },
            ]
        )
        self._outage(datetime(2026, 6, 10, 1, 0), datetime(2026, 6, 10, 6, 0))
        self._outage(
            datetime(2026, 6, 13, 1, 0), datetime(2026, 6, 13, 3, 0), lot=self.lot
        )  # Saturday 09:00-11:00 China
        figures = self._figures(JUNE)
        self.assertEqual(figures["scheduled_hours"], 176.0 - 8 + 8)
        self.assertEqual(figures["downtime_hours"], 2.0)

    def test_p7_open_outage_counted_to_now(self):
        """P7: a fault still open counts until now (Thu 11 June 11:00 China):
        Wed 08:00-17:00 (8 h) + Thu 08:00-11:00 (3 h)."""
        self._outage(datetime(2026, 6, 10, 0, 0))
        with freeze_time("2026-06-11 03:00:00"):
            self.contract.invalidate_recordset()
            self.assertEqual(self.contract.downtime_this_month, 11.0)
            self.assertAlmostEqual(
                self.contract.availability_this_month, 100.0 * (1 - 11 / 176), places=9
            )
            self.assertTrue(self.contract.availability_below_target, "below the 99 % target")
            self.assertEqual(self.contract.availability_last_month, 100.0)
            self.assertFalse(self.contract.availability_last_below_target)

    def test_p7_pivot_rows_and_report(self):
        """P7: the daily action writes one row per contract and month (this
        and last month), once however often it runs; the pivot reads them;
        the contract's report prints the months."""
        self._outage(datetime(2026, 6, 10, 1, 0), datetime(2026, 6, 10, 6, 0))
        Rows = self.env["aftersales.contract.availability"]
        with freeze_time("2026-07-02 02:00:00"):
            Contract = self.env["aftersales.maintenance.contract"]
            Contract._cron_refresh_availability()
            Contract._cron_refresh_availability()
            rows = Rows.search([("contract_id", "=", self.contract.id)], order="month")
            self.assertEqual(rows.mapped("month"), [JUNE, JULY])
            self.assertEqual(rows[0].downtime_hours, 4.0)
            self.assertTrue(rows[0].below_target)
            self.assertFalse(rows[1].below_target)
            groups = Rows.with_user(self.supervisor)._read_group(
                [("contract_id", "=", self.contract.id)],
                ["contract_id", "month:month"],
                ["availability:avg", "downtime_hours:sum", "target:avg"],
            )
            self.assertEqual(len(groups), 2)
            # the stored rows keep two decimals: 97.73 %
            self.assertEqual(groups[0][2], round(100.0 * (1 - 4 / 176), 2))
            self.assertEqual((groups[0][3], groups[0][4]), (4.0, 99.0))
            report = self.env.ref("aftersales_warranty.action_report_maintenance_contract")
            html = str(report._render_qweb_html(report.id, self.contract.ids)[0])
            self.assertIn("Availability", html)
            self.assertIn("2026-06", html)
            self.assertIn("%.2f" % (100.0 * (1 - 4 / 176)), html)

    def test_p7_query_count_of_the_daily_action(self):
        """P7: the daily refresh costs the same queries for 10 contracts as
        for 3."""

        def make_batch(size):
            contracts = self.env["aftersales.maintenance.contract"]
            for _index in range(size):
                lot = self.new_lot()
                contracts |= self.make_contract(lot)
                self._outage(datetime(2026, 6, 10, 1, 0), datetime(2026, 6, 10, 6, 0), lot=lot)
            return contracts

        with freeze_time("2026-07-02 02:00:00"):
            assertQueriesConstant(
                self,
                make_batch,
                lambda contracts: contracts._refresh_availability([JUNE, JULY]),
                sizes=(3, 10),
            )

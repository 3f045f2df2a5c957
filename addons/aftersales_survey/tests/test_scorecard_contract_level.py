# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from odoo import Command
from odoo.tests import TransactionCase, freeze_time, tagged

from .common import SurveyFixtures

OCTOBER = date(2026, 10, 1)
# Monday 12 October 2026, 09:00 in China: the zone promises 6 working hours
# (due 16:00), the contract 4 (due 14:00); the technician arrives at 15:00.
CALL = datetime(2026, 10, 12, 1, 0)
ARRIVAL = CALL + timedelta(hours=6)


@tagged("post_install", "-at_install")
@freeze_time("2026-11-02 02:00:00")
class TestScorecardContractLevel(SurveyFixtures, TransactionCase):
    """V8, T2, T3: the scorecard's SLA component is the arrival level, measured
    against the deadline the request was given: the contract's promise where
    it makes one, the zone's otherwise."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()
        cls.Card = cls.env["aftersales.technician.scorecard"]
        cls.contract_lot = cls.new_lot()
        contract = cls.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": cls.customer.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "lot_ids": [Command.set(cls.contract_lot.ids)],
                "sla_arrival_hours": 4,
            }
        )
        contract.action_start()
        cls.contract_job = cls._done(cls.tech, cls.contract_lot)
        cls.zone_job = cls._done(cls.tech2, cls.new_lot())

    @classmethod
    def _done(cls, technician, lot):
        request = cls.make_request(lot=lot, call=CALL)
        request._write_process(
            {
                "state": "done",
                "user_id": technician.id,
                "date_arrival": ARRIVAL,
                "date_done": ARRIVAL + timedelta(hours=1),
            }
        )
        return request

    def test_contract_promise_breached_is_a_miss(self):
        """A 4-hour contract arrival reached after 5 working hours is a miss; the same
        arrival on the zone's 6 hours is met."""
        self.assertTrue(self.contract_job.contract_id)
        self.assertEqual(self.contract_job.sla_deadline, datetime(2026, 10, 12, 6, 0), "14:00")
        self.assertEqual(self.zone_job.sla_deadline, datetime(2026, 10, 12, 8, 0), "16:00")
        cards = self.Card._compute_month(OCTOBER)
        by_user = {card.user_id: card for card in cards}
        contract_card, zone_card = by_user[self.tech], by_user[self.tech2]
        self.assertEqual((contract_card.sla_jobs, contract_card.sla_met_count), (1, 0))
        self.assertEqual(contract_card.sla_rate, 0.0)
        self.assertEqual((zone_card.sla_jobs, zone_card.sla_met_count), (1, 1))
        self.assertEqual(zone_card.sla_rate, 100.0)

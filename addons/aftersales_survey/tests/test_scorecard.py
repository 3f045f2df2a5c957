# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import date, datetime

import openpyxl
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import assertQueriesConstant

from .common import SurveyFixtures

OCTOBER = date(2026, 10, 1)


@tagged("post_install", "-at_install")
class TestScorecard(SurveyFixtures, TransactionCase):
    """V3, V8: the monthly technician scorecard."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()
        cls.Card = cls.env["aftersales.technician.scorecard"]
        lot = cls.new_lot()
        # tech: r1 on time, reworked (r3 on the same serial 10 days later);
        # r2 late, fixed first time. tech2: r3 on time, first time.
        cls.r1 = cls.make_done_request(cls.tech, done=datetime(2026, 10, 5, 4), lot=lot)
        cls.r2 = cls.make_done_request(
            cls.tech, done=datetime(2026, 10, 8, 4), arrived_in_time=False
        )
        cls.r3 = cls.make_done_request(cls.tech2, done=datetime(2026, 10, 16, 4), lot=lot)
        cls.Survey._send(
            cls.survey,
            [
                {
                    "request_id": cls.r1.id,
                    "partner_id": cls.customer.id,
                    "user_id": cls.tech.id,
                    "date_job_done": cls.r1.date_done,
                }
            ],
        )
        cls.svy = cls.Survey.search([("request_id", "=", cls.r1.id)])
        # answered on 6 October, through the answer's step (X6)
        with freeze_time("2026-10-06 12:00:00"):
            cls.answer(cls.svy, {"attitude": 4, "skill": 4, "arrival": 4, "promise": 4})
        Penalty = cls.env["aftersales.ledger.entry"]
        confirmed = Penalty.create(
            [
                {
                    "user_id": cls.tech.id,
                    "kind": "penalty",
                    "amount": 200,
                    "date": date(2026, 10, 22),
                },
                {
                    "user_id": cls.tech.id,
                    "kind": "reward",
                    "amount": 100,
                    "date": date(2026, 10, 23),
                },
            ]
        )
        confirmed.action_confirm()
        Penalty.create(
            {"user_id": cls.tech.id, "kind": "penalty", "amount": 1000, "date": date(2026, 10, 24)}
        )

    def _card(self, user, cards):
        return cards.filtered(lambda c: c.user_id == user)

    def test_v8_scorecard_measures(self):
        cards = self.Card._compute_month(OCTOBER)
        card = self._card(self.tech, cards)
        self.assertEqual(card.month, OCTOBER)
        self.assertEqual(card.jobs_done, 2)
        self.assertEqual((card.sla_jobs, card.sla_met_count, card.sla_rate), (2, 1, 50.0))
        self.assertEqual((card.first_fix_count, card.first_fix_rate), (1, 50.0))
        self.assertEqual((card.rework_count, card.rework_rate), (1, 50.0))
        self.assertEqual(card.complaint_count, 0, "no complaint register here")
        self.assertEqual((card.penalty_amount, card.reward_amount), (200.0, 100.0))
        self.assertEqual(card.survey_count, 1)
        self.assertEqual(card.survey_score, 100.0)
        self.assertEqual(len(card.criterion_ids), 4)
        self.assertEqual(set(card.criterion_ids.mapped("average_level")), {4.0})
        # 40·100 + 20·50 + 15·50 + 10·(100-50) + 15·100 = 7750 → 77.5;
        # net rewards -100 at 100 per point: -1
        self.assertAlmostEqual(card.score, 76.5)
        other = self._card(self.tech2, cards)
        self.assertEqual((other.jobs_done, other.first_fix_count, other.rework_count), (1, 1, 0))
        # no survey: the other weights carry the score; SLA met, no complaint
        self.assertAlmostEqual(other.score, 100.0)

    def test_v8_no_scorecard_without_jobs(self):
        """Issue 15: a supervisor penalised and rewarded in a month without
        jobs scored 99 beside a working technician; nobody without jobs in
        the month gets a scorecard, and an open card whose jobs went away
        goes with them."""
        Penalty = self.env["aftersales.ledger.entry"]
        Penalty.create(
            {
                "user_id": self.supervisor.id,
                "kind": "reward",
                "amount": 50,
                "date": date(2026, 10, 20),
            }
        ).action_confirm()
        cards = self.Card._compute_month(OCTOBER)
        self.assertFalse(self._card(self.supervisor, cards), "no jobs, no scorecard")
        self.assertFalse(self.Card.search([("user_id", "=", self.supervisor.id)]))
        self.assertEqual(cards.user_id, self.tech | self.tech2)
        # tech2's only job moves out of the month: his open card goes
        self.r3._write_process({"date_done": datetime(2026, 11, 2, 4)})
        cards = self.Card._compute_month(OCTOBER)
        self.assertEqual(cards.user_id, self.tech)
        self.assertFalse(
            self.Card.search([("user_id", "=", self.tech2.id), ("month", "=", OCTOBER)])
        )

    def test_v3_survey_results_feed_the_score(self):
        card = self._card(self.tech, self.Card._compute_month(OCTOBER))
        before = card.score
        request = self.make_done_request(self.tech, done=datetime(2026, 10, 9, 4))
        self.Survey._send(
            self.survey,
            [{"request_id": request.id, "partner_id": self.customer.id, "user_id": self.tech.id}],
        )
        bad = self.Survey.search([("request_id", "=", request.id)])
        with freeze_time("2026-10-10 12:00:00"):
            self.answer(bad, {"attitude": 1, "skill": 1, "arrival": 1, "promise": 1})
        card.action_recompute()
        self.assertEqual(card.survey_count, 2)
        self.assertAlmostEqual(card.survey_score, 62.5)
        self.assertLess(card.score, before)
        attitude = card.criterion_ids.filtered(lambda c: c.criterion_id.code == "attitude")
        self.assertEqual((attitude.answer_count, attitude.average_level), (2, 2.5))

    def test_v8_weights_must_add_up_to_100(self):
        settings = self.env["res.config.settings"].create(
            {"aftersales_weight_survey": 50.0, "aftersales_weight_sla": 20.0}
        )
        with self.assertRaises(ValidationError):
            settings.execute()
        settings = self.env["res.config.settings"].create(
            {
                "aftersales_weight_survey": 60.0,
                "aftersales_weight_sla": 10.0,
                "aftersales_weight_first_fix": 10.0,
                "aftersales_weight_rework": 10.0,
                "aftersales_weight_complaint": 10.0,
            }
        )
        settings.execute()
        self.assertEqual(self.Card._weights()["survey"], 60.0)
        card = self._card(self.tech, self.Card._compute_month(OCTOBER))
        # 60·100 + 10·50 + 10·50 + 10·50 + 10·100 = 8500 → 85, -1 net
        self.assertAlmostEqual(card.score, 84.0)

    def test_v8_closed_month_is_frozen_and_closes_once(self):
        card = self._card(self.tech, self.Card._compute_month(OCTOBER))
        card.action_close()
        self.assertEqual(card.state, "closed")
        self.make_done_request(self.tech, done=datetime(2026, 10, 12, 4))
        self.Card._compute_month(OCTOBER)
        self.assertEqual(card.jobs_done, 2, "a closed month is not recomputed")
        with self.assertRaises(UserError):
            card.action_close()

    def test_v8_xlsx_export(self):
        cards = self.Card._compute_month(OCTOBER).sorted(lambda c: c.user_id.id)
        action = cards.action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        sheet = book.active
        headers = [cell.value for cell in sheet[1]]
        self.assertEqual(headers[:3], ["Technician", "Month", "Jobs Done"])
        self.assertIn("Attitude", headers)
        rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
        row = rows[self.tech.name]
        self.assertEqual(row[1], "2026-10")
        self.assertEqual(row[2], 2)
        self.assertEqual(row[headers.index("Attitude")], 4)
        self.assertEqual(row[headers.index("Rework")], 1)
        self.assertEqual(row[headers.index("Complaints")], 0)
        self.assertAlmostEqual(row[headers.index("Score")], 76.5)
        self.assertEqual(len(rows), len(cards))

    def test_v8_w9_xlsx_closing_time_on_the_company_clock(self):
        """W9 (issue 15): the sheet's times are the company's (Asia/Shanghai),
        not UTC nor the exporting user's."""
        cards = self.Card._compute_month(OCTOBER)
        with freeze_time("2026-11-01 16:30:00"):  # 2 November 00:30 in China
            cards.action_close()
        content = cards.with_context(tz="America/New_York")._xlsx_content()
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        headers = [cell.value for cell in sheet[1]]
        self.assertEqual(headers[-1], "Closed On")
        closed = {row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)}
        self.assertEqual(closed, {"2026-11-02 00:30"})

    def test_v8_technician_sees_own_scorecard_only(self):
        cards = self.Card._compute_month(OCTOBER)
        mine, theirs = self._card(self.tech, cards), self._card(self.tech2, cards)
        as_tech = self.Card.with_user(self.tech)
        self.assertEqual(as_tech.search([("id", "in", cards.ids)]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.tech).read(["score"])
        with self.assertRaises(AccessError):
            mine.with_user(self.tech).action_close()
        lines = self.env["aftersales.technician.scorecard.criterion"].with_user(self.tech2)
        self.assertFalse(lines.search([("scorecard_id", "=", mine.id)]))
        supervisor_cards = self.Card.with_user(self.supervisor).search([("id", "in", cards.ids)])
        self.assertEqual(supervisor_cards, cards)
        mine.with_user(self.manager).action_close()
        self.assertEqual(mine.state, "closed")


@tagged("post_install", "-at_install")
class TestScorecardQueries(SurveyFixtures, TransactionCase):
    """V8: a month is computed with grouped queries: as many queries for 200
    technicians as for 10."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()

    def _month_with_technicians(self, month, count):
        group = self.env.ref("aftersales_base.group_aftersales_technician")
        users = self.env["res.users"].create(
            [
                {
                    "name": f"Scorecard tech {month:%m} {i}",
                    "login": f"as_sc_{month:%m}_{i}",
                    "group_ids": [Command.link(group.id)],
                }
                for i in range(count)
            ]
        )
        done = datetime(month.year, month.month, 10, 4)
        # jobs closed in the past, written through the process mechanism (X6)
        requests = self.env["aftersales.service.request"]._create_process(
            [
                {
                    "partner_id": self.customer.id,
                    "zone_id": self.zone.id,
                    "fault_description": "Noise",
                    "date_call": datetime(month.year, month.month, 9, 2),
                    "date_arrival": datetime(month.year, month.month, 9, 3),
                    "state": "done",
                    "user_id": user.id,
                    "date_done": done,
                }
                for user in users
            ]
        )
        self.Survey._send(
            self.survey,
            [
                {"request_id": r.id, "partner_id": self.customer.id, "user_id": r.user_id.id}
                for r in requests
            ],
        )
        self.env["aftersales.ledger.entry"].create(
            [{"user_id": u.id, "kind": "reward", "amount": 50, "date": done.date()} for u in users]
        ).action_confirm()
        self.env.flush_all()
        return users

    def test_v8_same_query_count_for_10_and_200_technicians(self):
        Card = self.env["aftersales.technician.scorecard"]
        # a month of 1 technician warms the caches (settings, the scorecards' defaults)
        months = {1: date(2026, 7, 1), 10: date(2026, 8, 1), 200: date(2026, 9, 1)}
        staff = {}

        def month_with(count):
            staff[count] = self._month_with_technicians(months[count], count)
            return months[count]

        # first computation; Odoo inserts 100 rows per INSERT: 200 scorecards take one more
        assertQueriesConstant(self, month_with, Card._compute_month, sizes=(10, 200), extra=1)
        # recomputation, its caches warmed on the small month
        Card._compute_month(months[10])
        few, cards = assertQueriesConstant(
            self, months.get, Card._compute_month, sizes=(10, 200), warm=False
        )
        self.assertEqual(few.user_id, staff[10])
        self.assertEqual(len(cards), 200)
        self.assertEqual(set(cards.mapped("reward_amount")), {50.0})
        self.assertEqual(cards.user_id, staff[200])

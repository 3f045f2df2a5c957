# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_survey.tests.common import SurveyFixtures

OCTOBER = date(2026, 10, 1)


@tagged("post_install", "-at_install")
class TestScorecardComplaints(SurveyFixtures, TransactionCase):
    """V8: complaints about a technician count in his scorecard, rejected
    ones do not; the complaint share of the score falls with them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()
        cls.Card = cls.env["aftersales.technician.scorecard"]
        cls.make_done_request(cls.tech, done=datetime(2026, 10, 5, 4))
        category = cls.env.ref("aftersales_complaint.categ_service")
        cls.counted, cls.rejected = cls.env["aftersales.complaint"].create(
            [
                {
                    "partner_id": cls.customer.id,
                    "channel": "phone",
                    "category_id": category.id,
                    "technician_id": cls.tech.id,
                    "date_received": datetime(2026, 10, 20 + day, 3),
                    "description": text,
                    "customer_demand": "An apology.",
                }
                for day, text in ((0, "Left a mess"), (1, "Unfounded"))
            ]
        )
        # Rejected through its steps (X6: a complaint's state is never written).
        cls.rejected.action_submit()
        cls.rejected.write({"is_valid": "invalid", "judgement_note": "Unfounded."})
        cls.rejected.action_judge()

    def _score(self):
        card = self.Card._compute_month(OCTOBER).filtered(lambda c: c.user_id == self.tech)
        return card.complaint_count, card.score

    def test_v8_complaints_count_rejected_ones_do_not(self):
        count, score = self._score()
        self.assertEqual(count, 1, "the rejected complaint does not count")
        self.counted.action_submit()
        self.counted.write({"is_valid": "invalid", "judgement_note": "Not ours after all."})
        self.counted.action_judge()
        count_after, score_after = self._score()
        self.assertEqual(count_after, 0)
        self.assertGreater(score_after, score, "one complaint fewer, a better score")

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_repair.tests.common import SIGNATURE

from .common import SurveyFixtures


@tagged("post_install", "-at_install")
class TestSurveyTour(SurveyFixtures, HttpCase):
    """In a real browser (V1, V2, V3, X5): a job is closed, the next day the
    scheduled action sends the survey, the customer answers it from the link
    (no login, the answer token), and the rating shows on the technician's
    scorecard."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()

    def _close_a_job(self):
        request = self.make_request(lot=self.new_lot())
        request.with_user(self.supervisor).write({"user_id": self.tech.id})
        as_tech = request.with_user(self.tech)
        as_tech.action_arrive()
        as_tech.write({"diagnosis": "Refrigerant topped up", "customer_signature": SIGNATURE})
        as_tech.action_close_on_site()
        self.assertEqual(request.state, "done")
        # closed yesterday: today's scheduled action surveys it
        request._write_process({"date_done": self.yesterday_noon})
        return request

    def test_survey_answered_in_browser_scores_technician(self):
        request = self._close_a_job()
        self.Survey._cron_send_surveys()
        service_survey = request.aftersales_service_survey_ids
        self.assertEqual(len(service_survey), 1)
        self.start_tour(service_survey.survey_url, "aftersales_survey_answer_tour", login=None)

        service_survey.invalidate_recordset()
        self.assertEqual(service_survey.state, "done")
        self.assertEqual(service_survey.user_input_id.state, "done")
        self.assertIn("an hour late", service_survey.comment)
        levels = {s.criterion_id.code: s.level for s in service_survey.score_ids}
        self.assertEqual(levels, {"attitude": 4, "skill": 4, "arrival": 2, "promise": 4})
        cards = self.env["aftersales.technician.scorecard"]._compute_month(
            service_survey.date_answered
        )
        card = cards.filtered(lambda c: c.user_id == self.tech)
        self.assertEqual(card.survey_count, 1)
        self.assertAlmostEqual(card.survey_score, service_survey.score)
        arrival = card.criterion_ids.filtered(lambda c: c.criterion_id.code == "arrival")
        self.assertEqual(arrival.average_level, 2.0)

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time
from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_base.tests.common import UTC_NIGHT, make_user

from .common import SurveyFixtures


@tagged("post_install", "-at_install")
@freeze_time(UTC_NIGHT)
class TestSurveySending(SurveyFixtures, TransactionCase):
    """V1: every job closed the day before gets its satisfaction survey, once.
    The clock stands where UTC's day is not the company's (issue 12)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()

    def _surveys_of(self, requests):
        return self.Survey.search([("request_id", "in", requests.ids)])

    def test_v1_every_job_of_yesterday_gets_one_survey(self):
        yesterday = self.make_done_request(self.tech) | self.make_done_request(self.tech2)
        early = self.make_done_request(self.tech, done=self.yesterday_noon - timedelta(hours=11))
        today = self.make_done_request(self.tech, done=self.yesterday_noon + timedelta(hours=13))
        open_request = self.make_request(lot=self.new_lot())
        self.Survey._cron_send_surveys()
        surveys = self._surveys_of(yesterday | early | today | open_request)
        self.assertEqual(
            surveys.request_id, yesterday | early, "all of yesterday's jobs, no sampling"
        )
        for survey in surveys:
            self.assertEqual(survey.user_id, survey.request_id.user_id)
            self.assertEqual(survey.partner_id, self.customer)
            self.assertEqual(survey.user_input_id.survey_id, self.survey)
            self.assertEqual(survey.user_input_id.partner_id, self.customer)
            self.assertTrue(survey.name.startswith("SVY/"))
        self.assertTrue(all(yesterday.mapped("aftersales_survey_sent")))
        self.assertFalse(today.aftersales_survey_sent)

    def test_v1_invitation_mail_carries_the_answer_link(self):
        request = self.make_done_request(self.tech)
        self.Survey._cron_send_surveys()
        survey = self._surveys_of(request)
        mail = self.env["mail.mail"].search(
            [("model", "=", self.Survey._name), ("res_id", "=", survey.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(self.customer, mail.recipient_ids)
        self.assertIn(survey.user_input_id.access_token, mail.body_html)
        self.assertIn(f"/survey/start/{self.survey.access_token}", survey.survey_url)
        self.assertEqual(request.action_view_aftersales_survey()["res_id"], survey.id)

    def test_v1_rerun_sends_nothing_twice(self):
        requests = self.make_done_request(self.tech) | self.make_done_request(self.tech2)
        self.assertEqual(self.Survey._cron_send_surveys(), 2)
        self.assertEqual(self.Survey._cron_send_surveys(), 0, "idempotent")
        self.assertEqual(len(self._surveys_of(requests)), 2)
        self.assertEqual(
            self.env["survey.user_input"].search_count(
                [("aftersales_service_survey_ids.request_id", "in", requests.ids)]
            ),
            2,
        )

    def test_v1_batches_cover_every_job(self):
        requests = self.env["aftersales.service.request"]
        for _i in range(5):
            requests |= self.make_done_request(self.tech)
        self.assertEqual(self.Survey._cron_send_surveys(batch_size=2), 5)
        self.assertEqual(len(self._surveys_of(requests)), 5)

    def test_v1_one_survey_per_job_enforced_by_the_database(self):
        request = self.make_done_request(self.tech)
        self.Survey._cron_send_surveys()
        survey = self._surveys_of(request)
        with mute_logger("odoo.sql_db"), self.assertRaises(UniqueViolation), self.cr.savepoint():
            self.Survey.create(
                {
                    "request_id": request.id,
                    "partner_id": self.customer.id,
                    "user_input_id": survey.user_input_id.copy().id,
                }
            )

    def test_v1_standalone_repair_surveyed_request_repair_not_twice(self):
        request = self.make_done_request(self.tech)
        Repair = self.env["repair.order"]
        standalone = Repair.create(
            {
                "product_id": self.product.id,
                "partner_id": self.customer.id,
                "user_id": self.tech2.id,
            }
        )
        linked = Repair.create(
            {"product_id": self.product.id, "partner_id": self.customer.id, "user_id": self.tech.id}
        )
        (standalone | linked).write({"state": "done", "aftersales_date_done": self.yesterday_noon})
        linked.aftersales_request_id = request
        self.Survey._cron_send_surveys()
        self.assertEqual(len(self.Survey.search([("repair_id", "=", standalone.id)])), 1)
        self.assertFalse(self.Survey.search([("repair_id", "=", linked.id)]))
        self.assertEqual(len(self._surveys_of(request)), 1)
        self.assertEqual(
            self.Survey.search([("repair_id", "=", standalone.id)]).user_id, self.tech2
        )


@tagged("post_install", "-at_install")
class TestSurveyAnswers(SurveyFixtures, TransactionCase):
    """V2: the answers rate the job's technician per criterion, four levels."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()
        cls.request = cls.make_done_request(cls.tech)
        cls.Survey._cron_send_surveys()
        cls.service_survey = cls.Survey.search([("request_id", "=", cls.request.id)])

    def test_v2_four_questions_four_levels_and_free_text(self):
        rated = self.survey.question_ids.filtered("aftersales_criterion_id")
        self.assertEqual(
            set(rated.aftersales_criterion_id.mapped("code")),
            {"attitude", "skill", "arrival", "promise"},
        )
        for question in rated:
            self.assertEqual(
                sorted(question.suggested_answer_ids.mapped("aftersales_level")), [1, 2, 3, 4]
            )
        self.assertEqual(
            self.survey.question_ids.filtered("aftersales_is_comment").question_type, "text_box"
        )

    def test_v2_answers_become_scores_of_the_technician(self):
        self.answer(
            self.service_survey,
            {"attitude": 4, "skill": 3, "arrival": 2, "promise": 4},
            comment="Quick and tidy",
        )
        survey = self.service_survey
        self.assertEqual(survey.state, "done")
        self.assertEqual(survey.comment, "Quick and tidy")
        levels = {s.criterion_id.code: (s.level, s.score, s.user_id) for s in survey.score_ids}
        self.assertEqual(levels["attitude"], (4, 100.0, self.tech))
        self.assertEqual(levels["arrival"], (2, 50.0, self.tech))
        criteria = self.env["aftersales.rating.criterion"].search([])
        weights = {c.code: c.weight for c in criteria}
        expected = (
            4 * weights["attitude"]
            + 3 * weights["skill"]
            + 2 * weights["arrival"]
            + 4 * weights["promise"]
        ) / sum(weights.values())
        self.assertAlmostEqual(survey.average_level, round(expected, 2))
        self.assertAlmostEqual(survey.score, round(round(expected, 2) * 25, 2), places=1)

    def test_v2_answering_twice_is_refused(self):
        self.answer(self.service_survey, {"attitude": 4, "skill": 4, "arrival": 4, "promise": 4})
        with self.assertRaises(UserError):
            self.service_survey.user_input_id._mark_done()
        with self.assertRaises(UserError):
            self.service_survey._record_answers()
        self.assertEqual(len(self.service_survey.score_ids), 4)

    def test_v2_technician_sees_own_answers_only(self):
        other = self.make_done_request(self.tech2)
        self.Survey._cron_send_surveys()
        other_survey = self.Survey.search([("request_id", "=", other.id)])
        self.answer(self.service_survey, {"attitude": 3, "skill": 3, "arrival": 3, "promise": 3})
        self.answer(other_survey, {"attitude": 1, "skill": 1, "arrival": 1, "promise": 1})
        as_tech = self.Survey.with_user(self.tech)
        self.assertEqual(
            as_tech.search([("id", "in", (self.service_survey | other_survey).ids)]),
            self.service_survey,
        )
        with self.assertRaises(AccessError):
            as_tech.browse(other_survey.id).read(["score"])
        scores = self.env["aftersales.survey.score"].with_user(self.tech).search([])
        self.assertEqual(scores.user_id, self.tech)
        # refused: by the access rights, and first by the survey's steps (X6)
        with self.assertRaises(UserError):
            self.service_survey.with_user(self.tech).write({"comment": "better"})
        manager = make_user(self.env, "manager", login="as_svy_manager")
        self.assertEqual(
            self.Survey.with_user(manager).search(
                [("id", "in", (self.service_survey | other_survey).ids)]
            ),
            self.service_survey | other_survey,
        )

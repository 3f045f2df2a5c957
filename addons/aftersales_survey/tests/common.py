# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.addons.aftersales_repair.tests.common import ServiceFixtures


class SurveyFixtures(ServiceFixtures):
    """Closed jobs of the service fixtures' technicians, and a customer who
    answers the satisfaction survey."""

    @classmethod
    def setup_survey_fixtures(cls):
        cls.setup_service_fixtures()
        cls.env.user.tz = "Asia/Shanghai"
        cls.survey = cls.env.ref("aftersales_survey.survey_service_satisfaction")
        cls.Survey = cls.env["aftersales.service.survey"]
        # "today" is the company's local day (China's), not UTC's nor the
        # test user's; the test classes freeze the clock where they differ
        cls.today = cls.env.company._aftersales_today()
        cls.yesterday_noon = cls.env.company._aftersales_day_start(cls.today) - timedelta(hours=12)

    @classmethod
    def make_done_request(cls, technician, done=None, lot=None, arrived_in_time=True, **vals):
        """A job closed at ``done`` (naive UTC; yesterday noon by default)."""
        done = done or cls.yesterday_noon
        call = done - timedelta(days=2)
        request = cls.make_request(lot=lot or cls.new_lot(), call=call, **vals)
        # the fixture writes a job closed in the past through the process
        # mechanism (X6): no context key grants it
        request._write_process(
            {
                "state": "done",
                "user_id": technician.id,
                "date_arrival": (
                    request.sla_deadline - timedelta(minutes=5)
                    if arrived_in_time
                    else request.sla_deadline + timedelta(hours=1)
                ),
                "date_done": done,
            }
        )
        return request

    @classmethod
    def answer(cls, service_survey, levels, comment=None):
        """The customer submits the survey: ``levels`` by criterion code."""
        answer = service_survey.user_input_id
        for question in cls.survey.question_ids:
            criterion = question.aftersales_criterion_id
            if criterion:
                choice = question.suggested_answer_ids.filtered(
                    lambda a, c=criterion: a.aftersales_level == levels[c.code]
                )
                answer._save_lines(question, choice.id)
            elif question.aftersales_is_comment and comment:
                answer._save_lines(question, comment)
        answer._mark_done()
        return service_survey

    @classmethod
    def month_start(cls, day=None):
        return (day or cls.today).replace(day=1)

    @staticmethod
    def naive(dt_str):
        return datetime.fromisoformat(dt_str)

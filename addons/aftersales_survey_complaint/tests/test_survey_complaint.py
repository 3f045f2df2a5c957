# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_survey.tests.common import SurveyFixtures


@tagged("post_install", "-at_install")
class TestSurveyComplaint(SurveyFixtures, TransactionCase):
    """V4, C12: a low score or a written complaint opens a complaint; a
    serious one goes to the executives."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()

    def _answered(self, levels, comment=None):
        request = self.make_done_request(self.tech)
        self.Survey._send(
            self.survey,
            [
                {
                    "request_id": request.id,
                    "partner_id": self.customer.id,
                    "user_id": self.tech.id,
                    "lot_id": request.lot_id.id,
                }
            ],
        )
        return self.answer(self.Survey.search([("request_id", "=", request.id)]), levels, comment)

    def _executive_activities(self, complaint):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "aftersales.complaint"),
                ("res_id", "=", complaint.id),
                ("user_id", "=", self.executive.id),
            ]
        )

    def test_v4_c12_low_score_opens_normal_complaint(self):
        survey = self._answered({"attitude": 1, "skill": 2, "arrival": 2, "promise": 2})
        complaint = survey.complaint_id
        self.assertTrue(complaint)
        self.assertEqual(complaint.channel, "survey")
        self.assertEqual(complaint.severity, "normal")
        self.assertEqual(complaint.technician_id, self.tech)
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.service_request_id, survey.request_id)
        self.assertEqual(complaint.lot_id, survey.lot_id)
        self.assertEqual(
            complaint.category_id, self.env.ref("aftersales_complaint.categ_sv_attitude")
        )
        self.assertFalse(
            self._executive_activities(complaint), "a normal one stays in the department"
        )

    def test_v4_c12_very_low_score_is_serious_and_goes_to_executives(self):
        survey = self._answered({"attitude": 1, "skill": 1, "arrival": 1, "promise": 2})
        self.assertEqual(survey.complaint_id.severity, "serious")
        self.assertTrue(self._executive_activities(survey.complaint_id))

    def test_v4_c12_written_complaint_opens_complaint(self):
        survey = self._answered(
            {"attitude": 4, "skill": 4, "arrival": 4, "promise": 4},
            comment="我要投诉：维修后第二天又坏了",
        )
        self.assertEqual(survey.complaint_id.severity, "normal")
        self.assertIn("投诉", survey.complaint_id.description)

    def test_v4_good_answer_opens_nothing(self):
        survey = self._answered({"attitude": 3, "skill": 3, "arrival": 2, "promise": 3}, "Thanks")
        self.assertFalse(survey.complaint_id)

    def test_v4_thresholds_are_settings(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "aftersales_survey.low_score_threshold", 3.5
        )
        survey = self._answered({"attitude": 3, "skill": 3, "arrival": 3, "promise": 3})
        self.assertEqual(survey.complaint_id.severity, "normal")

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import CheckViolation

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_base.tests.common import make_role_users


@tagged("post_install", "-at_install")
class TestRatingCriterion(TransactionCase):
    """V2: technicians are rated on four criteria; V3: each has a weight."""

    def test_weight_is_a_percentage(self):
        criterion = self.env.ref("aftersales_survey.criterion_attitude")
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation):
            criterion.weight = 120
            criterion.flush_recordset()

    def test_technician_cannot_reweigh(self):
        users = make_role_users(self.env)
        criterion = self.env.ref("aftersales_survey.criterion_arrival")
        with self.assertRaises(AccessError):
            criterion.with_user(users["technician"]).weight = 90
        criterion.with_user(users["manager"]).weight = 30
        self.assertEqual(criterion.weight, 30)

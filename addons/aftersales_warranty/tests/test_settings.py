# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form, TransactionCase


class TestSettings(TransactionCase):
    """The After-Sales settings block stores its values as system parameters."""

    def test_settings_defaults_and_save(self):
        settings = Form(self.env["res.config.settings"])
        self.assertEqual(settings.aftersales_certificate_issue_days, 3)
        self.assertEqual(settings.aftersales_renewal_notice_days, 30)
        self.assertEqual(settings.aftersales_free_period_notice_days, 90)
        settings.aftersales_renewal_notice_days = 45
        settings.save().execute()
        param = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("aftersales_warranty.renewal_notice_days")
        )
        self.assertEqual(param, "45")

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import CHINA_MIDNIGHT

from .common import WarrantyFixtures

NOV_30 = date(2026, 11, 30)


@tagged("post_install", "-at_install")
class TestExpiryOnCompanyDay(WarrantyFixtures, TransactionCase):
    """Issue 12: the expiry crons end what ended on the company's local day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        # a cron runs as OdooBot, in OdooBot's time zone (Brussels in the demo)
        cls.env.user.tz = "Europe/Brussels"

    @freeze_time(CHINA_MIDNIGHT)
    def test_expiry_crons_end_on_the_company_day(self):
        """00:30 on 1 December in China (17:30 on 30 November in Brussels,
        where the cron user is): what ended on 30 November expires."""
        policy = self.env["aftersales.warranty.policy"].create(
            {"name": "One year", "period": 1, "period_unit": "year"}
        )
        cert = self.make_certificate(self.lots[0], date(2025, 12, 1), policy_id=policy.id)
        self.assertEqual(cert.date_end, NOV_30)
        contract = self.env["aftersales.maintenance.contract"].create(
            {
                "partner_id": self.customer.id,
                "date_start": date(2025, 12, 1),
                "date_end": NOV_30,
                "inspections_per_year": 0,
                "lot_ids": [Command.set(self.lots[1].ids)],
            }
        )
        contract.action_start()
        self.env.ref("aftersales_warranty.ir_cron_expire_certificates").ir_actions_server_id.run()
        self.env.ref("aftersales_warranty.ir_cron_contract_lifecycle").ir_actions_server_id.run()
        self.assertEqual(cert.state, "expired")
        self.assertEqual(contract.state, "expired")

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date, datetime, timedelta

import openpyxl
from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import load_language

from .common import SIGNATURE, ServiceFixtures

# Monday 2026-11-23 06:05 in Hangzhou is Sunday 22:05 UTC (17:05 in New York).
CALL_UTC = datetime(2026, 11, 22, 22, 5)


@tagged("post_install", "-at_install")
class TestPrintedLocal(ServiceFixtures, TransactionCase):
    """W9, X4 (issue 15): the voucher, the product receipt, the repair card and
    the daily report print the company's local time (Asia/Shanghai) in the
    customer's language (zh_CN), whatever the printing user's time zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        load_language(cls.env, ["aftersales_warranty", "aftersales_repair"])
        cls.customer.lang = "zh_CN"
        # The printing user sits in New York: the documents ignore it.
        cls.Report = cls.env["ir.actions.report"].with_context(tz="America/New_York")

    def _html(self, report_ref, records):
        return self.Report._render_qweb_html(report_ref, records.ids)[0].decode()

    def _assert_local(self, html, what):
        self.assertIn("06:05", html, f"{what}: the company's local time")
        self.assertNotIn("22:05", html, f"{what}: not UTC")
        self.assertNotIn("17:05", html, f"{what}: not the printing user's time")
        self.assertNotIn("05:05", html, f"{what}: not the printing user's time (12 h clock)")

    def test_w9_x4_voucher_receipt_and_repair_card_local_time_in_chinese(self):
        with freeze_time(CALL_UTC):
            request = self.make_request(call=CALL_UTC)
            request.with_user(self.supervisor).write({"user_id": self.tech.id})
            request.with_user(self.tech).action_arrive()
            self.env["aftersales.carry.in"].with_user(self.tech).create(
                {
                    "request_id": request.id,
                    "date_promised": date(2026, 11, 27),
                    "intake_signature": SIGNATURE,
                }
            ).action_confirm()
            repair = request.repair_id
            repair.action_validate()
            repair.action_repair_start()
            self.env["aftersales.repair.time"].with_user(self.tech).create(
                {"repair_id": repair.id, "hours": 1.0, "description": "Replaced the fan"}
            )
            repair.action_repair_end()
            repair.with_user(self.supervisor).action_aftersales_inspect()
        self.assertEqual(request.date_arrival, CALL_UTC)
        self.assertEqual(request.receipt_id.date_in, CALL_UTC)
        self.assertEqual(repair.aftersales_date_inspected, CALL_UTC)

        html = self._html("aftersales_repair.action_report_service_voucher", request)
        self._assert_local(html, "voucher")
        self.assertIn("服务凭证", html, "X4: the voucher in the customer's language")
        self.assertIn("接报时间", html)

        html = self._html("aftersales_repair.action_report_goods_receipt", request.receipt_id)
        self._assert_local(html, "product receipt")
        self.assertIn("客户商品领取收据", html)

        html = self._html("aftersales_repair.action_report_repair_card", repair)
        self._assert_local(html, "repair card")
        self.assertIn("修护卡", html)

    def test_w9_x4_customer_without_language_reads_the_company_language(self):
        self.customer.lang = False
        self.env.company.partner_id.lang = "zh_CN"
        request = self.make_request(call=CALL_UTC)
        html = self._html("aftersales_repair.action_report_service_voucher", request)
        self.assertIn("服务凭证", html)
        self._assert_local(html, "voucher")

    def test_w9_daily_report_xlsx_local_times(self):
        report = (
            self.env["aftersales.daily.report"]
            .with_user(self.supervisor)
            .create({"date": date(2026, 11, 23), "report_type": "supervisor"})
        )
        with freeze_time(CALL_UTC):
            report.with_user(self.supervisor).action_submit()
        with freeze_time(CALL_UTC + timedelta(hours=2)):
            report.with_user(self.manager).action_approve()
        book = openpyxl.load_workbook(
            io.BytesIO(report.with_context(tz="America/New_York")._render_xlsx())
        )
        sheet = book.active
        self.assertEqual(sheet["D3"].value, "Submitted At")
        self.assertEqual(sheet["E3"].value, "2026-11-23 06:05", "W9: the company's clock")
        self.assertEqual(sheet["D5"].value, "Approved At")
        self.assertEqual(sheet["E5"].value, "2026-11-23 08:05")

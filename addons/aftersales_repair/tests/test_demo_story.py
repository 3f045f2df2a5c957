# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoStory(TransactionCase):
    """The demo company: an urban and a suburban zone, certified technicians
    with working calendars, serial-tracked products, customers."""

    def test_demo_zones_technicians_products(self):
        # The suite's test command installs the demo data (scripts/test.sh).
        urban = self.env.ref("aftersales_repair.zone_urban")
        suburban = self.env.ref("aftersales_repair.zone_suburban")
        self.assertEqual((urban.arrival_sla_hours, suburban.arrival_sla_hours), (6, 7))
        for tech in urban.technician_ids | suburban.technician_ids:
            self.assertTrue(tech.has_group("aftersales_base.group_aftersales_technician"))
            self.assertTrue(tech.employee_id.resource_calendar_id, f"{tech.name} has working hours")
            self.assertTrue(tech.aftersales_certification_ids, f"{tech.name} is certified")
        products = self.env["product.product"].search(
            [
                (
                    "categ_id",
                    "child_of",
                    self.env.ref("aftersales_warranty.categ_air_conditioners").id,
                )
            ]
        )
        self.assertTrue(products)
        self.assertEqual(set(products.mapped("tracking")), {"serial"})
        self.assertTrue(all(p.product_tmpl_id._aftersales_warranty_policy() for p in products))
        self.assertTrue(
            self.env.ref("aftersales_base.partner_huaxin_hotel").phone,
            "customers have phones",
        )

    def test_demo_billing_story(self):
        """S10, S12, S13: the demo shows a paid job invoiced with its cash
        confirmed, a discount awaiting approval, tools on loan (one overdue)
        and a submitted daily report."""
        paid = self.env.ref("aftersales_repair.request_lotus_paid")
        self.assertEqual((paid.billing_state, paid.cash_state), ("paid", "confirmed"))
        self.assertEqual(paid.invoice_ids.state, "posted")
        self.assertEqual(paid.cash_payment_id.amount, paid.cash_amount)
        waiting = self.env.ref("aftersales_repair.request_neighbour_discount")
        self.assertEqual(waiting.discount_state, "to_approve")
        self.assertEqual(waiting.billing_state, "to_invoice")
        self.assertTrue(self.env.ref("aftersales_repair.tool_loan_vacuum_wu").is_overdue)
        self.assertFalse(self.env.ref("aftersales_repair.tool_loan_flaring_sun").is_overdue)
        report = self.env.ref("aftersales_repair.daily_report_sun")
        self.assertEqual(report.state, "submitted")
        self.assertEqual(
            {line.service_category: line.hours for line in report.line_ids},
            {"paid": 2.5, "admin": 0.5},
        )

    def test_demo_accountant_and_warehouse_logins(self):
        """S10, S13: the demo accountant finds the job waiting for its invoice
        in her list; the demo warehouse keeper sees the tools on loan."""
        accountant = self.env.ref("aftersales_repair.user_accountant")
        self.assertEqual(accountant.login, "accountant")
        self.assertFalse(accountant.has_group("aftersales_base.group_aftersales_desk"))
        action = self.env.ref("aftersales_repair.action_service_request_billing")
        self.assertTrue(
            self.env.ref("aftersales_repair.menu_service_request_billing_accounting")
            .with_user(accountant)
            ._filter_visible_menus()
        )
        to_invoice = (
            self.env[action.res_model]
            .with_user(accountant)
            .search(
                [
                    "|",
                    ("billing_state", "=", "to_invoice"),
                    ("cash_state", "=", "to_confirm"),
                ]
            )
        )
        self.assertIn(self.env.ref("aftersales_repair.request_neighbour_discount"), to_invoice)
        keeper = self.env.ref("aftersales_repair.user_warehouse")
        self.assertEqual(keeper.login, "warehouse")
        loans = self.env["aftersales.tool.loan"].with_user(keeper).search([])
        self.assertIn(self.env.ref("aftersales_repair.tool_loan_vacuum_wu"), loans)

    def test_x4_demo_company_is_chinese(self):
        """X4, issue 15: the demo story runs in a company in China (Hangzhou
        address, +86 phone, Asia/Shanghai, CNY, the 2026 holidays); the
        Chinese demo users work in Chinese, the administrator in English, and
        both languages are installed."""
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "杭州恒安电器售后服务有限公司")
        self.assertEqual(
            (company.country_id, company.state_id, company.city),
            (self.env.ref("base.cn"), self.env.ref("base.state_cn_ZJ"), "杭州市"),
        )
        self.assertTrue(company.phone.startswith("+86 "))
        self.assertEqual(company.partner_id.tz, "Asia/Shanghai")
        self.assertEqual(company.partner_id.lang, "zh_CN")
        self.assertEqual(company._aftersales_lang(), "zh_CN")
        # The yuan, from the chart of accounts on: the demo invoice is in CNY.
        cny = self.env.ref("base.CNY")
        self.assertEqual(company.currency_id, cny)
        paid = self.env.ref("aftersales_repair.request_lotus_paid")
        self.assertEqual(paid.invoice_ids.currency_id, cny)
        self.assertEqual(
            self.env["account.move.line"].search_count(
                [("company_id", "=", company.id), ("company_currency_id", "!=", cny.id)]
            ),
            0,
        )
        langs = self.env["res.lang"].search([]).mapped("code")
        self.assertIn("zh_CN", langs)
        self.assertIn("en_US", langs)
        for xmlid in (
            "aftersales_base.user_desk",
            "aftersales_base.user_manager",
            "aftersales_repair.user_tech_sun",
            "aftersales_repair.user_accountant",
            "aftersales_warranty.user_customer_li_ming",
        ):
            self.assertEqual(self.env.ref(xmlid).lang, "zh_CN", xmlid)
        self.assertEqual(self.env.ref("base.user_admin").lang, "en_US")
        national_day = self.env["aftersales.calendar.day"].search(
            [
                ("company_id", "=", company.id),
                ("day_type", "=", "holiday"),
                ("date_from", "<=", "2026-10-01"),
                ("date_to", ">=", "2026-10-07"),
            ]
        )
        self.assertEqual(len(national_day), 1)
        # The menus read in Chinese for a Chinese user.
        menu = self.env.ref("aftersales_base.menu_aftersales_calendar_day")
        self.assertNotEqual(
            menu.with_context(lang="zh_CN").name, menu.with_context(lang="en_US").name
        )

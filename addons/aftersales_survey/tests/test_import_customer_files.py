# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import TransactionCase, tagged
from odoo.tools import file_open

from odoo.addons.aftersales_base.tests.common import AftersalesFixtures, import_file, make_user

TEMPLATE = "aftersales_survey/static/xls/aftersales_customer_file.csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = (
    "name,company_type,phone,aftersales_maintenance_months,"
    "aftersales_next_maintenance,aftersales_next_call_date"
)


@tagged("post_install", "-at_install")
class TestCustomerFileImport(AftersalesFixtures, TransactionCase):
    """X1, W9 (issue 15): the customer files of the previous system import
    through Odoo's own import (base_import) with the customer-file fields; a
    bad value is named and nothing of the file is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_base_fixtures()

    def _import(self, content, user=None, dryrun=False, file_type="text/csv", header=None):
        env = self.env(user=user or self.desk)
        return import_file(env, "res.partner", content, file_type, header, dryrun)

    def _partners(self, *names):
        return self.env["res.partner"].search([("name", "in", names)])

    def test_template_is_offered_beside_odoos(self):
        templates = self.env["res.partner"].get_import_templates()
        paths = [t["template"] for t in templates]
        self.assertIn("/base/static/xls/contacts_import_template.xlsx", paths, "Odoo's kept")
        self.assertEqual(
            paths[-2:],
            [
                "/aftersales_survey/static/xls/aftersales_customer_file.csv",
                "/aftersales_survey/static/xls/aftersales_customer_file.xlsx",
            ],
        )
        for path in paths[-2:]:
            with file_open(path.lstrip("/"), "rb") as template:
                self.assertTrue(template.read())

    def test_desk_imports_the_template(self):
        """The service desk (who files the customers) imports the template:
        the customers with their phone, address and customer file."""
        with file_open(TEMPLATE, "rb") as template:
            content = template.read()
        checked = self._import(content, dryrun=True)
        self.assertFalse(checked["messages"], checked["messages"])
        self.assertFalse(self._partners("王建国"), "a test import writes nothing")
        result = self._import(content)
        self.assertFalse(result["messages"], result["messages"])
        partners = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(len(partners), 3)
        hotel = partners.filtered(lambda p: p.name == "杭州西湖宾馆有限公司")
        self.assertTrue(hotel.is_company)
        self.assertEqual(hotel.city, "杭州")
        self.assertEqual(hotel.street, "西湖区北山街78号")
        self.assertEqual(hotel.aftersales_maintenance_months, 6)
        self.assertEqual(hotel.aftersales_next_maintenance, date(2027, 1, 8))
        self.assertEqual(hotel.aftersales_next_call_date, date(2026, 12, 20))
        self.assertEqual(hotel.aftersales_next_call_content, "确认春节前全面检修的时间")
        self.assertEqual(hotel.aftersales_service_wish, "客房空调夜间报修两小时内到场")
        person = partners.filtered(lambda p: p.name == "王建国")
        self.assertFalse(person.is_company)
        self.assertIn("13812345678", person.phone)
        self.assertEqual(person.aftersales_maintenance_months, 12)

    def test_excel_template_imports_the_same(self):
        with file_open(TEMPLATE, "rb") as template:
            header = template.read().decode().splitlines()[0].split(",")
        with file_open(TEMPLATE.replace(".csv", ".xlsx"), "rb") as template:
            result = self._import(template.read(), file_type=XLSX, header=header)
        self.assertFalse(result["messages"], result["messages"])
        partners = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(
            sorted(partners.mapped(lambda p: (p.name, p.aftersales_next_maintenance))),
            [
                ("上海申华制冷设备有限公司", date(2026, 12, 15)),
                ("杭州西湖宾馆有限公司", date(2027, 1, 8)),
                ("王建国", date(2027, 3, 1)),
            ],
        )
        self.assertEqual(partners.mapped("aftersales_maintenance_months"), [3, 6, 12])

    def test_bad_date_is_named_and_nothing_is_written(self):
        """A date the file cannot mean: the column and line are named, and the
        good row before it is not written either (no half-imported file)."""
        bad = (
            f"{HEADER}\n"
            "苏州工业园区恒温仓储有限公司,company,0512-62851234,6,2027-02-01,2026-12-28\n"
            "南京鼓楼医院后勤处,company,025-83106666,6,2027-13-40,2026-12-28\n"
        ).encode()
        for dryrun in (True, False):
            result = self._import(bad, dryrun=dryrun)
            self.assertFalse(result.get("ids"))
            text = " ".join(m["message"] for m in result["messages"])
            self.assertIn("aftersales_next_maintenance", text)
            self.assertIn("2027-13-40", text)
            self.assertFalse(self._partners("苏州工业园区恒温仓储有限公司", "南京鼓楼医院后勤处"))

    def test_bad_number_is_named_and_nothing_is_written(self):
        bad = (
            f"{HEADER}\n"
            "苏州工业园区恒温仓储有限公司,company,0512-62851234,6,2027-02-01,2026-12-28\n"
            "南京鼓楼医院后勤处,company,025-83106666,半年,2027-02-01,2026-12-28\n"
        ).encode()
        result = self._import(bad)
        self.assertFalse(result["ids"])
        self.assertTrue(any("半年" in m["message"] for m in result["messages"]), result["messages"])
        self.assertFalse(self._partners("苏州工业园区恒温仓储有限公司", "南京鼓楼医院后勤处"))

    def test_who_may_not_create_customers_imports_none(self):
        """The import has the rights of the form: a technician creates no
        customer, by import neither."""
        technician = make_user(self.env, "technician", login="as_imp_tech")
        with file_open(TEMPLATE, "rb") as template:
            result = self._import(template.read(), user=technician)
        self.assertFalse(result["ids"])
        self.assertTrue(result["messages"])
        self.assertFalse(self._partners("王建国"))

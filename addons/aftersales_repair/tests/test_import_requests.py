# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.tests import TransactionCase, freeze_time, tagged
from odoo.tools import file_open

from odoo.addons.aftersales_base.tests.common import import_file, make_user

from .common import ServiceFixtures

TEMPLATE = "aftersales_repair/static/xls/aftersales_service_request.csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Wednesday 25 November 2026, 15:00 in China: the day the company switches over.
NOW = "2026-11-25 07:00:00"


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestServiceRequestImport(ServiceFixtures, TransactionCase):
    """X1, X6, S1 (issue 15): the open service requests of the previous
    system import through Odoo's import (base_import) and the rules of the
    form: the sequence's number, the first step, deadlines planned from the
    received date, a technician column dispatched by the dispatch step."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()
        env = cls.env
        # the template's zone and technician
        cls.zone.name = "市区"
        cls.tech.name = "张师傅"
        for user in (cls.desk, cls.supervisor, cls.manager):
            user.tz = "Asia/Shanghai"
        cls.shenhua, cls.hotel, cls.wang = env["res.partner"].create(
            [
                {"name": "上海申华制冷设备有限公司", "is_company": True},
                {"name": "杭州西湖宾馆有限公司", "is_company": True},
                {"name": "王建国"},
            ]
        )
        split, vrf = env["product.product"].create(
            [
                {
                    "name": name,
                    "is_storable": True,
                    "tracking": "serial",
                    "categ_id": cls.categ.id,
                }
                for name in ("格力 KFR-72LW 柜式空调", "美的 MDV-280W 多联机外机")
            ]
        )
        cls.split_lot, cls.vrf_lot = env["stock.lot"].create(
            [
                {"name": "GL2024A00187", "product_id": split.id},
                {"name": "MD2025B03321", "product_id": vrf.id},
            ]
        )
        cls.Request = env["aftersales.service.request"]

    def _import(self, content, user, dryrun=False, file_type="text/csv", header=None):
        env = self.env(user=user)
        return import_file(env, self.Request._name, content, file_type, header, dryrun)

    def _template(self, without=()):
        """The template's rows, without the columns ``without``."""
        with file_open(TEMPLATE, "rb") as template:
            lines = template.read().decode().splitlines()
        header = lines[0].split(",")
        keep = [i for i, name in enumerate(header) if name not in without]
        return "".join(
            ",".join(cells[i] for i in keep) + "\n" for cells in (ln.split(",") for ln in lines)
        ).encode()

    def _messages(self, result):
        return " ".join(m["message"] for m in result["messages"])

    def _imported(self):
        return self.Request.search(
            [("partner_id", "in", (self.shenhua | self.hotel | self.wang).ids)]
        )

    def test_template_is_offered(self):
        self.assertEqual(
            [t["template"] for t in self.Request.get_import_templates()],
            [
                "/aftersales_repair/static/xls/aftersales_service_request.csv",
                "/aftersales_repair/static/xls/aftersales_service_request.xlsx",
            ],
        )

    def test_template_imports_through_the_steps(self):
        """The zone's supervisor imports the template: numbered by the
        sequence, at the first step, the technician's row dispatched by the
        dispatch step, deadlines from the received date (read in the
        importer's time zone): the old calls are already breached."""
        result = self._import(self._template(), self.supervisor)
        self.assertFalse(result["messages"], result["messages"])
        requests = self.Request.browse(result["ids"])
        self.assertEqual(len(requests), 3)
        self.assertTrue(
            all(r.name.startswith("SR/2026/") for r in requests), requests.mapped("name")
        )
        shenhua, hotel, wang = (
            requests.filtered(lambda r, p=p: r.partner_id == p)
            for p in (self.shenhua, self.hotel, self.wang)
        )
        self.assertEqual(shenhua.state, "to_dispatch")
        self.assertFalse(shenhua.user_id)
        self.assertEqual(shenhua.lot_id, self.split_lot)
        self.assertEqual(shenhua.zone_id, self.zone)
        self.assertEqual(shenhua.date_call, datetime(2026, 11, 20, 1, 30), "09:30 in China")
        # Friday 09:30 + 6 working hours (8-12, 13-17): 16:30 in China
        self.assertEqual(shenhua.sla_deadline, datetime(2026, 11, 20, 8, 30))
        self.assertEqual(shenhua.sla_status, "breached")
        self.assertEqual(hotel.state, "dispatched", "dispatched by its step")
        self.assertEqual(hotel.user_id, self.tech)
        self.assertEqual(hotel.date_dispatched, datetime(2026, 11, 25, 7, 0))
        # Tuesday 14:10 + 6 working hours: Wednesday 11:10 in China
        self.assertEqual(hotel.sla_deadline, datetime(2026, 11, 25, 3, 10))
        self.assertEqual(hotel.sla_status, "breached")
        self.assertEqual(wang.state, "to_dispatch")
        self.assertFalse(wang.lot_id)
        self.assertEqual(wang.service_category, "paid")
        # today 10:00 + 6 working hours: 17:00; at risk from 15:30
        self.assertEqual(wang.sla_deadline, datetime(2026, 11, 25, 9, 0))
        self.assertEqual(wang.sla_status, "on_track")

    def test_excel_template_imports_the_same(self):
        """The XLSX template (the same rows) imports the same requests."""
        header = self._template().decode().splitlines()[0].split(",")
        with file_open(TEMPLATE.replace(".csv", ".xlsx"), "rb") as template:
            result = self._import(template.read(), self.supervisor, file_type=XLSX, header=header)
        self.assertFalse(result["messages"], result["messages"])
        requests = self.Request.browse(result["ids"])
        self.assertEqual(
            sorted(requests.mapped(lambda r: (r.partner_id.name, r.state, r.date_call))),
            [
                ("上海申华制冷设备有限公司", "to_dispatch", datetime(2026, 11, 20, 1, 30)),
                ("杭州西湖宾馆有限公司", "dispatched", datetime(2026, 11, 24, 6, 10)),
                ("王建国", "to_dispatch", datetime(2026, 11, 25, 2, 0)),
            ],
        )

    def test_desk_imports_requests_to_dispatch(self):
        """The service desk imports what it registers: without technicians."""
        result = self._import(self._template(without=("user_id",)), self.desk)
        self.assertFalse(result["messages"], result["messages"])
        requests = self.Request.browse(result["ids"])
        self.assertEqual(len(requests), 3)
        self.assertEqual(set(requests.mapped("state")), {"to_dispatch"})
        self.assertFalse(requests.user_id)

    def test_desk_cannot_dispatch_by_import(self):
        """A technician column is a dispatch: the desk is refused it, with the
        dispatch step's error, and nothing of the file is written."""
        result = self._import(self._template(), self.desk)
        self.assertFalse(result["ids"])
        self.assertIn(
            "Only the supervisor of the 市区 zone or a service manager may dispatch",
            self._messages(result),
        )
        self.assertFalse(self._imported())

    def test_technician_imports_nothing(self):
        """Whoever may not register a request imports none either."""
        result = self._import(self._template(without=("user_id",)), self.tech)
        self.assertFalse(result["ids"])
        self.assertTrue(result["messages"])
        self.assertFalse(self._imported())

    def test_dispatch_rules_hold_on_import(self):
        """S3: the technician of a row serves the zone and is certified for
        the product, as in the form; the error names him; nothing is written."""
        stranger = make_user(self.env, "technician", login="as_imp_stranger", name="李师傅")
        header = "partner_id,lot_id,fault_description,date_call,zone_id,user_id\n"
        for technician, error in (
            (self.uncertified, f"{self.uncertified.name} is not certified for"),
            (stranger, "李师傅 does not serve the 市区 zone."),
        ):
            rows = (
                header + "杭州西湖宾馆有限公司,MD2025B03321,外机报E4故障,2026-11-24 14:10:00,"
                f"市区,{technician.name}\n"
            ).encode()
            result = self._import(rows, self.manager)
            self.assertFalse(result["ids"])
            self.assertIn(error, self._messages(result))
        self.assertFalse(self._imported())

    def test_s1_imported_category_is_the_coverages(self):
        """S1: the category comes from the coverage at the received date; a
        category of the file other than it only from a service manager."""
        rows = (
            "partner_id,fault_description,date_call,zone_id,service_category\n"
            "王建国,挂机漏水,2026-11-25 10:00:00,市区,free\n"
        ).encode()
        result = self._import(rows, self.desk)
        self.assertFalse(result["ids"])
        self.assertIn(
            "only a service manager can change the service category", self._messages(result)
        )
        self.assertFalse(self._imported())
        result = self._import(rows, self.manager)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(self.Request.browse(result["ids"]).service_category, "free")

    def test_number_and_steps_cannot_be_imported(self):
        """X6: a number in the file is replaced by the sequence's; a state, a
        dispatch date or an arrival cannot be imported (the process mixin's
        error), whoever imports."""
        rows = (
            "name,partner_id,fault_description,date_call,zone_id\n"
            "OLD-2025-0042,王建国,挂机漏水,2026-11-25 10:00:00,市区\n"
        ).encode()
        result = self._import(rows, self.manager)
        self.assertFalse(result["messages"], result["messages"])
        request = self.Request.browse(result["ids"])
        self.assertTrue(request.name.startswith("SR/2026/"), request.name)
        for column, value in (
            ("state", "done"),
            ("state", "dispatched"),
            ("date_dispatched", "2026-11-24 15:00:00"),
            ("date_arrival", "2026-11-24 16:00:00"),
        ):
            rows = (
                f"partner_id,fault_description,date_call,zone_id,{column}\n"
                f"上海申华制冷设备有限公司,不制冷,2026-11-24 09:00:00,市区,{value}\n"
            ).encode()
            result = self._import(rows, self.manager)
            self.assertFalse(result["ids"], column)
            self.assertIn("change only through its steps", self._messages(result), column)
        self.assertEqual(self._imported(), request)

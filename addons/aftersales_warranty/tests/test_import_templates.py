# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import TransactionCase, tagged
from odoo.tools import file_open, mute_logger

from odoo.addons.aftersales_base.tests.common import import_file

from .common import WarrantyFixtures

TEMPLATE = "aftersales_warranty/static/xls/aftersales_warranty_certificate.csv"


@tagged("post_install", "-at_install")
class TestCertificateImportTemplate(WarrantyFixtures, TransactionCase):
    """X6, X1 (issue 15): the certificate template imports through Odoo's
    import (base_import) and the model's rules: drafts, numbered by the
    sequence, a bad row refused with the model's own error."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        env = cls.env
        env["res.partner"].create(
            [
                {"name": "上海申华制冷设备有限公司", "is_company": True},
                {"name": "杭州西湖宾馆有限公司", "is_company": True},
            ]
        )
        cls.split, cls.vrf = env["product.product"].create(
            [
                {
                    "name": name,
                    "is_storable": True,
                    "tracking": "serial",
                    "aftersales_warranty_policy_id": cls.policy.id,
                }
                for name in ("格力 KFR-72LW 柜式空调", "美的 MDV-280W 多联机外机")
            ]
        )
        env["stock.lot"].create(
            [
                {"name": "GL2024A00187", "product_id": cls.split.id},
                {"name": "GL2024A00188", "product_id": cls.split.id},
                {"name": "MD2025B03321", "product_id": cls.vrf.id},
            ]
        )

    def _import(self, content, model="aftersales.warranty.certificate"):
        return import_file(self.env, model, content)

    def test_template_is_offered(self):
        templates = self.env["aftersales.warranty.certificate"].get_import_templates()
        self.assertEqual(
            templates[0]["template"],
            "/aftersales_warranty/static/xls/aftersales_warranty_certificate.csv",
        )
        with file_open(TEMPLATE, "rb") as template:
            self.assertTrue(template.read())

    def test_template_imports_as_numbered_drafts(self):
        with file_open(TEMPLATE, "rb") as template:
            result = self._import(template.read())
        self.assertFalse(result["messages"], result["messages"])
        certs = self.env["aftersales.warranty.certificate"].browse(result["ids"])
        self.assertEqual(len(certs), 3)
        self.assertEqual(set(certs.mapped("state")), {"draft"}, "state only through its steps")
        self.assertTrue(all(c.name.startswith("WC/") for c in certs), certs.mapped("name"))
        first = certs.filtered(lambda c: c.lot_id.name == "GL2024A00187")
        self.assertEqual(first.date_start, date(2024, 5, 18))
        self.assertEqual(first.date_end, date(2026, 5, 17), "from the product's policy")
        self.assertEqual(first.partner_id.name, "上海申华制冷设备有限公司")

    def test_bad_row_is_refused_with_the_models_error(self):
        """A serial of another product: the same error as in the form."""
        bad = (
            "partner_id,product_id,lot_id,date_start\n"
            "杭州西湖宾馆有限公司,美的 MDV-280W 多联机外机,GL2024A00187,2025-03-02\n"
        ).encode()
        result = self._import(bad)
        self.assertFalse(result["ids"])
        self.assertIn(
            "Serial GL2024A00187 is not a serial of 美的 MDV-280W 多联机外机.",
            " ".join(m["message"] for m in result["messages"]),
        )

    def test_state_cannot_be_imported(self):
        """X6: an import cannot give a certificate its state."""
        rows = (
            "partner_id,product_id,lot_id,date_start,state\n"
            "杭州西湖宾馆有限公司,美的 MDV-280W 多联机外机,MD2025B03321,2025-03-02,active\n"
        ).encode()
        result = self._import(rows)
        self.assertFalse(result["ids"])
        self.assertTrue(result["messages"])

    def test_contract_template_with_covered_serials(self):
        """X6: maintenance contracts with their covered serials, as drafts."""
        Contract = self.env["aftersales.maintenance.contract"]
        template = Contract.get_import_templates()[0]["template"]
        with file_open(template.lstrip("/"), "rb") as content:
            result = self._import(content.read(), Contract._name)
        self.assertFalse(result["messages"], result["messages"])
        contracts = Contract.browse(result["ids"])
        self.assertEqual(len(contracts), 2)
        self.assertEqual(set(contracts.mapped("state")), {"draft"})
        hotel = contracts.filtered(lambda c: c.partner_id.name == "上海申华制冷设备有限公司")
        self.assertEqual(set(hotel.lot_ids.mapped("name")), {"GL2024A00187", "GL2024A00188"})
        self.assertTrue(hotel.name.startswith("MC/"), hotel.name)

    @mute_logger("odoo.sql_db")
    def test_contract_ending_before_start_is_refused(self):
        bad = (
            "partner_id,date_start,date_end\n杭州西湖宾馆有限公司,2025-07-01,2025-06-30\n"
        ).encode()
        result = self._import(bad, "aftersales.maintenance.contract")
        self.assertFalse(result["ids"])
        self.assertIn(
            "A contract cannot end before it starts.",
            " ".join(m["message"] for m in result["messages"]),
        )

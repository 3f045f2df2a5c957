# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import load_language

from .common import WarrantyFixtures

# A real (1×1) PNG.
LOGO = (
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6"
    b"kgAAAABJRU5ErkJggg=="
)
REPORT = "aftersales_warranty.action_report_warranty_certificate"


@tagged("post_install", "-at_install")
class TestCertificatePrint(WarrantyFixtures, TransactionCase):
    """W2, W9, X4 (issue 15): the certificate people accept: the company's
    logo, Chinese address and service hotline, the purchase reference, a
    seal and signature block, scope and terms in the customer's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_warranty_fixtures()
        env = cls.env
        load_language(env, ["aftersales_warranty"])
        cls.company = env.company
        cls.company.write(
            {
                "logo": LOGO,
                "phone": "+86 571 8888 0000",
                "aftersales_hotline": "400-820-8820",
            }
        )
        cls.company.partner_id.write(
            {"street": "文一西路 969 号", "city": "杭州市", "zip": "311121"}
        )
        cls.policy.write({"scope": "<p>Parts and labour</p>", "terms": "<p>No misuse</p>"})
        cls.policy.update_field_translations("scope", {"zh_CN": {"Parts and labour": "零件和人工"}})
        cls.policy.update_field_translations("terms", {"zh_CN": {"No misuse": "人为损坏除外"}})
        cls.picking = env["stock.picking"].create(
            {
                "partner_id": cls.customer.id,
                "picking_type_id": env["stock.warehouse"]
                .search([("company_id", "=", cls.company.id)], limit=1)
                .out_type_id.id,
                "origin": "SO-TEST-0042",
            }
        )
        cls.customer.lang = "zh_CN"

    def _html(self, cert):
        return self.env["ir.actions.report"]._render_qweb_html(REPORT, cert.ids)[0].decode()

    def test_w2_x4_certificate_in_chinese_with_company_details(self):
        cert = self.make_certificate(self.lots[0], date(2026, 11, 23), picking_id=self.picking.id)
        self.assertIn("Parts and labour", cert.scope, "issued in English")
        html = self._html(cert)
        self.assertIn("保修证书", html, "X4: the customer's language")
        self.assertIn("o_aftersales_logo", html, "W2: the company's logo")
        self.assertIn("文一西路 969 号", html, "W2: the company's Chinese address")
        self.assertIn("杭州市", html)
        self.assertIn("400-820-8820", html, "W2: the service hotline")
        self.assertIn("SO-TEST-0042", html, "W2: the purchase reference")
        self.assertIn("o_aftersales_seal", html, "W2: the seal and signature block")
        self.assertIn(self.company.name, html.split("o_aftersales_seal", 1)[1], "the issuer")
        self.assertIn("零件和人工", html, "X4: the policy's scope in Chinese")
        self.assertIn("人为损坏除外", html, "X4: the policy's terms in Chinese")
        self.assertNotIn("Parts and labour", html)

    def test_w2_english_customer_and_fallbacks(self):
        self.customer.lang = "en_US"
        self.company.aftersales_hotline = False
        cert = self.make_certificate(self.lots[1], date(2026, 11, 23))
        html = self._html(cert)
        self.assertIn("Warranty Certificate", html)
        self.assertIn("Company seal", html)
        self.assertIn("Parts and labour", html)
        self.assertNotIn("零件和人工", html)
        self.assertIn("+86 571 8888 0000", html.split('name="hotline"', 1)[1], "the phone")
        self.assertNotIn('name="purchase_reference"', html, "no delivery, no reference")

    def test_w2_edited_terms_print_as_written(self):
        cert = self.make_certificate(self.lots[2], date(2026, 11, 23), picking_id=self.picking.id)
        cert.terms = "<p>Special terms agreed with the customer</p>"
        html = self._html(cert)
        self.assertIn("Special terms agreed with the customer", html)
        self.assertIn("零件和人工", html, "the unchanged scope still translated")
        self.assertEqual(cert._aftersales_purchase_reference(), "SO-TEST-0042")

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_base.tests.common import make_user

# Also written in static/tests/tours/aftersales_delivery_certificate_tour.js
TOUR_SERIAL = "AS-TOUR-SN-0001"
COMPANY_PHONE = "+86 21 5555 0199"


@tagged("post_install", "-at_install")
class TestDeliveryCertificateTour(HttpCase):
    """In a real browser: validate a customer delivery of a serial-tracked
    product under warranty, open the certificate it issued, print it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.phone = COMPANY_PHONE
        cls.user = make_user(
            cls.env,
            "manager",
            login="as_tour_delivery",
            groups="stock.group_stock_manager,stock.group_production_lot",
            company=cls.company,
        )
        cls.policy = cls.env["aftersales.warranty.policy"].create(
            {
                "name": "Tour Two-Year Warranty",
                "period": 2,
                "period_unit": "year",
                "company_id": cls.company.id,
            }
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Tour Heat Pump",
                "type": "consu",
                "is_storable": True,
                "tracking": "serial",
                "aftersales_warranty_policy_id": cls.policy.id,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Tour Customer Ltd", "is_company": True}
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        stock_location = cls.warehouse.lot_stock_id
        cls.lot = cls.env["stock.lot"].create(
            {
                "name": TOUR_SERIAL,
                "product_id": cls.product.id,
                "company_id": cls.company.id,
            }
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.product, stock_location, 1, lot_id=cls.lot
        )
        cls.picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": cls.warehouse.out_type_id.id,
                "partner_id": cls.customer.id,
                "location_id": stock_location.id,
                "location_dest_id": cls.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": 1,
                            "product_uom": cls.product.uom_id.id,
                            "location_id": stock_location.id,
                            "location_dest_id": cls.env.ref("stock.stock_location_customers").id,
                        },
                    )
                ],
            }
        )
        cls.picking.action_confirm()
        cls.picking.action_assign()

    def test_delivery_certificate_tour(self):
        picking = self.picking
        Certificate = self.env["aftersales.warranty.certificate"]
        # The delivery is ready, the serial reserved, nothing issued yet.
        self.assertEqual(picking.state, "assigned")
        self.assertEqual(picking.picking_type_code, "outgoing")
        self.assertEqual(picking.location_dest_id.usage, "customer")
        self.assertEqual(picking.move_ids.move_line_ids.lot_id, self.lot)
        self.assertFalse(Certificate.search([("lot_id", "=", self.lot.id)]))

        self.start_tour(
            f"/odoo/action-stock.action_picking_tree_all/{picking.id}",
            "aftersales_delivery_certificate_tour",
            login=self.user.login,
            timeout=180,
        )

        self.env.invalidate_all()
        self.assertEqual(picking.state, "done")
        certificate = Certificate.search([("lot_id", "=", self.lot.id)])
        self.assertEqual(len(certificate), 1, "one certificate for the serial")
        self.assertRecordValues(
            certificate,
            [
                {
                    "state": "active",
                    "picking_id": picking.id,
                    "move_id": picking.move_ids.id,
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "policy_id": self.policy.id,
                    "issue_type": "delivery",
                }
            ],
        )
        # The warranty starts on the company's day of the delivery, whatever
        # the time zone of the user who validates it (he has none here).
        self.assertFalse(self.user.tz)
        self.assertEqual(
            certificate.date_start,
            picking.company_id._aftersales_date(picking.move_ids.date),
        )
        self.assertEqual(
            certificate.date_end,
            certificate.date_start + relativedelta(years=2) - relativedelta(days=1),
        )
        self.assertIn(
            certificate.name,
            "\n".join(picking.message_ids.mapped("body")),
            "the delivery's chatter names the certificate issued",
        )

        # The certificate prints: a real PDF (one record, which Debian's
        # wkhtmltopdf can do), with the company phone in the report body.
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        report_ref = "aftersales_warranty.action_report_warranty_certificate"
        pdf, report_type = Report._render_qweb_pdf(report_ref, certificate.ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), "the certificate renders as a PDF")
        html = Report._render_qweb_html(report_ref, certificate.ids)[0].decode()
        self.assertIn(COMPANY_PHONE, html)
        self.assertIn(certificate.name, html)
        self.assertIn(TOUR_SERIAL, html)

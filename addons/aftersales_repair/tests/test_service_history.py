# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time
from psycopg2.errors import UniqueViolation

from odoo import Command
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_base.tests.common import assertQueriesConstant, make_portal_customers

from .billing_common import BillingFixtures


@tagged("post_install", "-at_install")
class TestServiceHistory(BillingFixtures, TransactionCase):
    """P5, S11: the serial's lifetime service history (全寿命期服务履历) — a
    line per finished job whatever its coverage or type, workshop repairs
    too, once per job, also after the warranty's end."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_billing_fixtures()
        cls.History = cls.env["aftersales.warranty.service"]

    def _history(self, lot):
        return self.History.search([("lot_id", "=", lot.id)], order="date, id")

    def test_p5_paid_contract_and_warranty_jobs_on_one_serial(self):
        """P5: a warranty job, then a contract job, then a paid job after the
        warranty's end: three lines on the serial's history, each with its
        date, type, coverage, work done, parts and technician."""
        lot = self.new_lot()
        # two-year warranty from 2024-03-01: ends 2026-02-28
        with freeze_time("2024-03-01 02:00:00"):
            certificate = self.make_certificate(lot, date(2024, 3, 1))
        with freeze_time("2025-06-10 03:00:00"):
            warranty_job = self.make_job(
                lot=lot, hours=(1.0,), parts=[(self.part, 1)], call=datetime(2025, 6, 9, 1)
            )
        with freeze_time("2026-03-01 02:00:00"):
            contract = self.env["aftersales.maintenance.contract"].create(
                {
                    "partner_id": self.customer.id,
                    "date_start": date(2026, 3, 1),
                    "date_end": date(2026, 8, 31),
                    "lot_ids": [Command.set(lot.ids)],
                }
            )
            contract.action_start()
        with freeze_time("2026-05-06 03:00:00"):
            certificate._cron_expire_certificates()
            self.assertEqual(certificate.state, "expired")
            contract_job = self.make_job(lot=lot, hours=(1.0,), call=datetime(2026, 5, 5, 1))
        with freeze_time("2026-10-20 08:00:00"):
            paid_job = self.make_job(
                lot=lot,
                hours=(2.0,),
                parts=[(self.part, 2)],
                call=datetime(2026, 10, 19, 1),
                # a type of its own: with aftersales_maintenance, the demo's
                # Inspection type has a checklist, whose report this test skips
                request_type_id=self.env["aftersales.request.type"]
                .create({"name": "Inspection (no checklist)"})
                .id,
            )
        self.assertEqual(
            [
                warranty_job.service_category,
                contract_job.service_category,
                paid_job.service_category,
            ],
            ["free", "contract", "paid"],
        )
        history = self._history(lot)
        self.assertEqual(
            history.mapped("reference"), [warranty_job.name, contract_job.name, paid_job.name]
        )
        self.assertEqual(history.mapped("coverage"), ["free", "contract", "paid"])
        # company-local day of the finish: 2026-10-20 16:00 in Shanghai
        self.assertEqual(
            history.mapped("date"), [date(2025, 6, 10), date(2026, 5, 6), date(2026, 10, 20)]
        )
        self.assertEqual(
            history.mapped("job_type"), ["Repair", "Repair", "Inspection (no checklist)"]
        )
        self.assertEqual(history[0].parts, "1 × Test fan motor")
        self.assertEqual(history[2].parts, "2 × Test fan motor")
        self.assertFalse(history[1].parts)
        self.assertEqual(history.user_id, self.tech)
        self.assertEqual(history.mapped("description"), ["Fixed"] * 3)
        self.assertEqual(history.partner_id, self.customer)
        self.assertEqual(history.mapped("job_ref"), [warranty_job, contract_job, paid_job])
        # the card the history is printed with: the serial's certificate, also expired
        self.assertEqual(history.certificate_id, certificate)
        self.assertEqual(lot.aftersales_service_ids, history, "shown on the serial")
        self.assertEqual(lot.aftersales_service_count, 3)
        self.assertEqual(certificate.history_ids, history, "and on the certificate")

    def test_p5_uncovered_serial_without_certificate_has_a_history(self):
        """P5: a paid job on a serial that never had a warranty is recorded."""
        lot = self.new_lot()
        request = self.make_job(lot=lot, hours=(1.0,))
        self.assertEqual(request.service_category, "paid")
        line = self._history(lot)
        self.assertEqual(len(line), 1)
        self.assertFalse(line.certificate_id)
        self.assertEqual((line.coverage, line.free_of_charge), ("paid", False))
        self.assertEqual(line.company_id, request.company_id)

    def test_p5_line_after_warranty_end_is_printed(self):
        """P5: a job after the certificate expired is written, shown on the
        certificate and printed on its PDF with the earlier lines."""
        lot = self.new_lot()
        certificate = self.make_certificate(lot, date(2023, 1, 1))
        certificate._cron_expire_certificates()
        self.assertEqual(certificate.state, "expired")
        request = self.make_job(lot=lot, hours=(1.0,))
        self.assertEqual(request.service_category, "paid")
        line = self._history(lot)
        self.assertEqual((line.reference, line.certificate_id), (request.name, certificate))
        self.assertEqual(certificate.history_ids, line)
        report = self.env.ref("aftersales_warranty.action_report_warranty_certificate")
        html = str(report._render_qweb_html(report.id, certificate.ids)[0])
        self.assertIn(request.name, html)
        self.assertIn("Service History", html)

    def test_p5_workshop_repair_writes_its_line(self):
        """P5: a workshop repair done without a service request writes the
        serial's line with its parts; a repair of a request is on the
        request's line only."""
        lot = self.new_lot()
        self.env["stock.quant"]._update_available_quantity(
            self.product, self.warehouse.lot_stock_id, 1, lot_id=lot
        )
        repair = self.env["repair.order"].create(
            {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "lot_id": lot.id,
                "user_id": self.tech.id,
                "internal_notes": "<p>Compressor relay replaced.</p>",
                "move_ids": [
                    Command.create(
                        {
                            "product_id": self.part.id,
                            "product_uom_qty": 1,
                            "repair_line_type": "add",
                        }
                    )
                ],
            }
        )
        repair.action_validate()
        repair.action_repair_start()
        repair.action_repair_end()
        self.assertEqual(repair.state, "done")
        line = self._history(lot)
        self.assertEqual(len(line), 1)
        self.assertEqual(line.job_ref, repair)
        self.assertEqual(line.job_type, "Workshop Repair")
        self.assertEqual(line.description, "Compressor relay replaced.")
        self.assertEqual(line.parts, "1 × Test fan motor")
        self.assertEqual((line.user_id, line.coverage), (self.tech, "paid"))
        # the request's workshop repair: the request's line, once
        other = self.new_lot()
        request = self.make_job(lot=other, hours=(1.0,), parts=[(self.part, 1)])
        self.assertEqual(self._history(other).job_ref, request)

    def test_p5_no_second_line_for_a_job(self):
        """P5: closing again (a rerun) writes no second line; the database
        refuses a second line for the same job."""
        lot = self.new_lot()
        request = self.make_job(lot=lot, hours=(1.0,))
        self.assertEqual(len(self._history(lot)), 1)
        self.assertFalse(request._append_service_record())
        self.assertEqual(len(self._history(lot)), 1)
        with mute_logger("odoo.sql_db"), self.assertRaises(UniqueViolation):
            self.History.create(
                {
                    "lot_id": lot.id,
                    "description": "Copy",
                    "job_model": request._name,
                    "job_id": request.id,
                }
            )
            self.History.flush_model()

    def test_p5_portal_customer_sees_his_own_lines(self):
        """P5, X5: on the portal the customer sees his jobs on his serial,
        not those of its former owner, nor another customer's serials."""
        portal = make_portal_customers(self.env, "SH")
        lot, stranger_lot = self.new_lot(), self.new_lot()
        former = self.History.create(
            {"lot_id": lot.id, "partner_id": portal["customer_b"].id, "description": "Before"}
        )
        certificate = self.make_certificate(
            lot, date(2026, 1, 1), partner_id=portal["customer_a"].id
        )
        mine = self.History.create(
            {"lot_id": lot.id, "partner_id": portal["customer_a"].id, "description": "Mine"}
        )
        theirs = self.History.create(
            {"lot_id": stranger_lot.id, "partner_id": portal["customer_b"].id, "description": "B"}
        )
        seen = self.History.with_user(portal["user_a"]).search(
            [("id", "in", (former | mine | theirs).ids)]
        )
        self.assertEqual(seen, mine)
        self.assertEqual(certificate._aftersales_customer_history(), mine)
        self.assertEqual(certificate.sudo().history_ids, former | mine, "the serial's, inside")

    def test_p5_query_count_of_writing_lines(self):
        """P5: writing the lines of 20 jobs closing at once costs the queries
        of 5 (no query per job)."""

        def make_batch(size):
            requests = self.env["aftersales.service.request"]
            for _index in range(size):
                lot = self.new_lot()
                self.make_certificate(lot, date(2026, 1, 1))
                requests |= self.make_request(lot=lot, diagnosis="Cleaned")
            return requests

        assertQueriesConstant(
            self, make_batch, lambda requests: requests._append_service_record(), sizes=(5, 20)
        )

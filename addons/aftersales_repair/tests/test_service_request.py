# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import assertQueriesConstant

from .common import ServiceFixtures


@tagged("post_install", "-at_install")
class TestServiceRequest(ServiceFixtures, TransactionCase):
    """S2: the call register; W8: coverage decides the category; S4: the
    arrival deadline in working hours and the SLA status."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_service_fixtures()

    def test_register_by_serial_shows_coverage(self):
        request = self.make_request()
        self.assertTrue(request.name.startswith("SR/"), "X1: numbered")
        self.assertEqual(request.product_id, self.product, "product taken from the serial")
        self.assertEqual(request.service_category, "free", "W8: under warranty")
        self.assertEqual(request.certificate_id, self.certificate)
        self.assertIn(self.certificate.name, request.coverage_reason)
        self.assertEqual(request.state, "to_dispatch")
        other = self.make_request(lot=self.new_lot())
        self.assertEqual(other.service_category, "paid")

    def test_x4_clerk_in_english_stores_the_reason_in_chinese(self):
        """X4: the coverage reason is stored on the call in the company's
        language (zh_CN) although the clerk who registers it reads English."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env.company.partner_id.lang = "zh_CN"
        clerk = self.env["aftersales.service.request"].with_user(self.desk)
        self.desk.lang = "en_US"
        request = clerk.with_context(lang="en_US").create(
            {
                "partner_id": self.customer.id,
                "zone_id": self.zone.id,
                "lot_id": self.lots[0].id,
                "fault_description": "Does not cool",
                "date_call": datetime(2026, 11, 23, 1, 0),
            }
        )
        self.assertEqual(request.service_category, "free")
        self.assertIn("在保修期内", request.coverage_reason)
        no_product = clerk.with_context(lang="en_US").create(
            {"partner_id": self.customer.id, "zone_id": self.zone.id, "fault_description": "?"}
        )
        self.assertEqual(no_product.coverage_reason, "未提供产品：收费服务。")

    def test_another_customers_serial_is_not_covered(self):
        stranger = self.env["res.partner"].create({"name": "Stranger"})
        request = self.make_request(partner_id=stranger.id)
        self.assertEqual(request.service_category, "paid", "the warranty is the customer's")
        self.assertFalse(request.certificate_id)

    def test_call_day_is_the_local_day(self):
        # 23:30 UTC on 31 Dec 2025 is already 1 Jan 2026 in China: covered
        self.env.user.tz = "Asia/Shanghai"
        request = self.make_request(call=datetime(2025, 12, 31, 23, 30))
        self.assertEqual(request.service_category, "free")

    def test_customer_archive_counts_services(self):
        self.make_request()
        self.make_request(lot=self.new_lot())
        contact = self.env["res.partner"].create(
            {"name": "Site contact", "parent_id": self.customer.id}
        )
        self.assertEqual(contact.aftersales_request_count, 2, "W9: services in the archive")

    def test_desk_form_finds_customer_by_phone(self):
        self.customer.phone = "+86 571 8800 4321"
        found = self.env["res.partner"].name_search("8800 4321")
        self.assertIn(self.customer.id, [pid for pid, _name in found])
        form = Form(self.env["aftersales.service.request"].with_user(self.desk))
        form.partner_id = self.customer
        form.zone_id = self.zone
        form.lot_id = self.lots[0]
        form.fault_description = "Water leaking"
        self.assertEqual(form.service_category, "free")
        request = form.save()
        self.assertEqual(request.channel, "phone")

    def test_returning_caller_gets_his_zone(self):
        """Issue 15: the desk types fewer fields; a returning caller's zone is
        that of his last call (X1: the call is numbered all the same)."""
        self.make_request()
        form = Form(self.env["aftersales.service.request"].with_user(self.desk))
        form.partner_id = self.customer
        self.assertEqual(form.zone_id, self.zone)
        form.lot_id = self.lots[0]
        form.fault_description = "Noisy"
        self.assertTrue(form.save().name.startswith("SR/"))
        stranger = self.env["res.partner"].create({"name": "First call"})
        form = Form(self.env["aftersales.service.request"].with_user(self.desk))
        form.partner_id = stranger
        self.assertFalse(form.zone_id, "no last call, no guess")

    def test_only_manager_overrides_category(self):
        request = self.make_request()
        with self.assertRaisesRegex(UserError, "only a service manager"):
            request.with_user(self.desk).write({"service_category": "paid"})
        self.assertEqual(request.service_category, "free")
        request.with_user(self.manager).write({"service_category": "paid"})
        self.assertEqual(request.service_category, "paid")

    def test_unknown_serial_refused(self):
        lot = self.env["stock.lot"].create(
            {
                "name": "OTHER-PRODUCT-1",
                "product_id": self.env["product.product"]
                .create({"name": "Fan", "is_storable": True, "tracking": "serial"})
                .id,
            }
        )
        with self.assertRaises(UserError):
            self.make_request(lot=lot, product_id=self.product.id)

    def test_deadline_in_working_hours(self):
        # Monday 09:00 China: 6 working hours -> 09-12 (3h) + 13-16 (3h) = 16:00
        request = self.make_request(call=datetime(2026, 11, 23, 1, 0))
        self.assertEqual(request.sla_deadline, datetime(2026, 11, 23, 8, 0))
        # Friday 15:00 China: 2h Friday, 4h Monday morning -> Monday 12:00
        friday = self.make_request(call=datetime(2026, 11, 27, 7, 0))
        self.assertEqual(friday.sla_deadline, datetime(2026, 11, 30, 4, 0))

    def test_major_fault_round_the_clock(self):
        # Saturday 23:00 China, major fault: a 30-minute response and the
        # zone's 6 h arrival on the 7x24 calendar (T2)
        request = self.make_request(call=datetime(2026, 11, 28, 15, 0), is_major_fault=True)
        self.assertEqual(request.response_deadline, datetime(2026, 11, 28, 15, 30))
        self.assertEqual(request.sla_deadline, datetime(2026, 11, 28, 21, 0))

    def test_sla_status_and_search(self):
        request = self.make_request(call=datetime(2026, 11, 23, 1, 0))  # deadline 08:00 UTC
        Request = self.env["aftersales.service.request"]
        for now, status in (
            (datetime(2026, 11, 23, 2, 0), "on_track"),
            (datetime(2026, 11, 23, 7, 0), "at_risk"),
            (datetime(2026, 11, 23, 9, 0), "breached"),
        ):
            with patch.object(fields.Datetime, "now", lambda *a, n=now: n):
                request.invalidate_recordset(["sla_status"])
                self.assertEqual(request.sla_status, status)
                found = Request.search([("id", "=", request.id), ("sla_status", "in", [status])])
                self.assertEqual(found, request, f"searchable: {status}")
        request._write_process({"date_arrival": datetime(2026, 11, 23, 6, 0)})
        self.assertEqual(request.sla_status, "met")

    def _create_batch(self, count):
        # Without the chatter's creation messages, which cost queries per record
        # whatever the model (mail.thread), to measure this model's own work.
        return (
            self.env["aftersales.service.request"]
            .with_context(tracking_disable=True)
            .create(
                [
                    {
                        "partner_id": self.customer.id,
                        "zone_id": self.zone.id,
                        "lot_id": self.new_lot().id,
                        "fault_description": "batch",
                        "date_call": datetime(2026, 11, 23, 1, i),
                    }
                    for i in range(count)
                ]
            )
        )

    def test_registration_queries_grow_only_by_the_sequence(self):
        def register(lots):
            return (
                self.env["aftersales.service.request"]
                .with_context(tracking_disable=True)
                .create(
                    [
                        {
                            "partner_id": self.customer.id,
                            "zone_id": self.zone.id,
                            "lot_id": lot.id,
                            "fault_description": "batch",
                            "date_call": datetime(2026, 11, 23, 1, 0),
                        }
                        for lot in lots
                    ]
                )
            )

        # coverage and SLA batched: one sequence call per request, nothing more
        small, big = assertQueriesConstant(
            self,
            lambda count: [self.new_lot() for _i in range(count)],
            register,
            sizes=(3, 30),
            per_record=1,
        )
        self.assertEqual((len(small), len(big)), (3, 30))

    def test_sla_recomputation_queries_do_not_grow(self):
        """S4: deadlines recomputed without a query per request."""
        quiet = {"tracking_disable": True}

        def major_batch(count):
            batch = self._create_batch(count).with_context(**quiet)
            batch.write({"is_major_fault": True})
            return batch

        def not_major(batch):
            batch.write({"is_major_fault": False})
            return batch

        _small, big = assertQueriesConstant(self, major_batch, not_major, sizes=(3, 30))
        self.assertEqual(big[0].sla_deadline, datetime(2026, 11, 23, 8, 0))

    def test_technician_cannot_register(self):
        with self.assertRaises(AccessError):
            self.env["aftersales.service.request"].with_user(self.tech).create(
                {
                    "partner_id": self.customer.id,
                    "zone_id": self.zone.id,
                    "fault_description": "x",
                }
            )

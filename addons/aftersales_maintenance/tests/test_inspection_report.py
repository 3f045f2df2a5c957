# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import load_language
from odoo.addons.aftersales_repair.tests.common import SIGNATURE, ServiceFixtures

# Mon 2026-11-23 10:00 in Hangzhou (02:00 UTC): the arrival of the tests' visits.
ARRIVAL = datetime(2026, 11, 23, 2, 0)


class InspectionFixtures(ServiceFixtures):
    """An inspection checklist (a check, a measured pressure 1-2 bar whose
    item asks for a photo) and inspection jobs dispatched to ``tech``."""

    @classmethod
    def setup_inspection_fixtures(cls):
        cls.setup_service_fixtures()
        env = cls.env
        env.company.partner_id.lang = "en_US"
        cls.customer.lang = "en_US"
        cls.template = env["aftersales.checklist.template"].create(
            {
                "name": "Chiller inspection",
                "item_ids": [
                    Command.create({"name": "Compressor noise", "kind": "check", "sequence": 1}),
                    Command.create(
                        {
                            "name": "Water pressure",
                            "kind": "measure",
                            "uom": "bar",
                            "value_min": 1.0,
                            "value_max": 2.0,
                            "photo_required": True,
                            "sequence": 2,
                        }
                    ),
                ],
            }
        )
        cls.inspection_type = env.ref("aftersales_repair.request_type_inspection")

    @classmethod
    def make_job(cls, lot=None, technician=None, call=None, **vals):
        """An inspection job with the checklist, dispatched to ``technician``."""
        request = cls.make_request(
            lot=lot or cls.new_lot(),
            call=call or datetime(2026, 11, 23, 1, 0),
            request_type_id=cls.inspection_type.id,
            checklist_template_id=cls.template.id,
            fault_description="Planned inspection",
            **vals,
        )
        request.with_user(cls.supervisor).write({"user_id": (technician or cls.tech).id})
        return request

    def open_report(self, request, user=None):
        action = request.with_user(user or self.tech).action_open_inspection_report()
        return self.env[action["res_model"]].browse(action["res_id"])

    def fill(self, report, user=None, pressure=1.5, photo=True, sign=True):
        """The technician fills every line, photographs the pressure, the customer signs."""
        report = report.with_user(user or self.tech)
        check, measure = report.line_ids.sorted("sequence")
        check.write({"result": "ok"})
        vals = {"value_measured": pressure}
        if photo:
            vals["photo"] = SIGNATURE  # a real PNG
        measure.write(vals)
        report.write({"findings": "Slight noise", "recommendations": "Replace the bearing"})
        if sign:
            report.write({"customer_signature": SIGNATURE, "signed_by": "Wang Fang"})
        return report


@tagged("post_install", "-at_install")
class TestInspectionReport(InspectionFixtures, TransactionCase):
    """P2: the inspection report of a visit; W6: periodic inspections reported."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_inspection_fixtures()

    def _arrived_job(self, **kw):
        request = self.make_job(**kw)
        with freeze_time(ARRIVAL):
            request.with_user(request.user_id).action_arrive()
        return request

    def _submitted(self, **kw):
        request = self._arrived_job(**kw)
        with freeze_time(ARRIVAL):
            report = self.fill(self.open_report(request, request.user_id), user=request.user_id)
            report.with_user(request.user_id).action_submit()
        return report

    def test_p2_report_copies_the_checklist(self):
        """P2: the report made from the job carries the job's, contract's, serial's data and
        a copy of every checklist item with its range; a second click opens the same report."""
        request = self.make_job()
        report = self.open_report(request)
        self.assertEqual(report.request_id, request)
        self.assertEqual(report.user_id, self.tech)
        self.assertEqual(report.lot_id, request.lot_id)
        self.assertEqual(report.partner_id, self.customer)
        self.assertEqual(report.state, "draft")
        self.assertTrue(report.name.startswith("IR/"), report.name)
        self.assertEqual(report.line_ids.mapped("name"), ["Compressor noise", "Water pressure"])
        measure = report.line_ids.filtered(lambda line: line.kind == "measure")
        self.assertEqual((measure.value_min, measure.value_max, measure.uom), (1.0, 2.0, "bar"))
        self.assertTrue(measure.photo_required)
        self.assertEqual(self.open_report(request), report, "one report per visit")
        self.assertEqual(request.inspection_report_id, report)

    def test_p2_refused_without_arrival(self):
        """P2: no recorded arrival, no submission (the false-report basis)."""
        request = self.make_job()
        report = self.fill(self.open_report(request))
        with self.assertRaisesRegex(UserError, "arrival"):
            report.action_submit()
        self.assertEqual(report.state, "draft")
        self.assertFalse(report.date_submitted, "nothing half-written")

    def test_p2_refused_without_signature(self):
        """P2: the customer's signature (and name) is needed to submit."""
        request = self._arrived_job()
        with freeze_time(ARRIVAL):
            report = self.fill(self.open_report(request), sign=False)
            with self.assertRaisesRegex(UserError, "must sign"):
                report.action_submit()
            report.write({"customer_signature": SIGNATURE})
            with self.assertRaisesRegex(UserError, "must sign"):
                report.action_submit()
        self.assertEqual(report.state, "draft")

    def test_p2_refused_signed_before_arrival(self):
        """P2: a signature taken before the technician's arrival is refused."""
        request = self.make_job()
        with freeze_time("2026-11-23 01:30:00"):
            report = self.fill(self.open_report(request))
        with freeze_time(ARRIVAL):
            request.with_user(self.tech).action_arrive()
            with self.assertRaisesRegex(UserError, "before the technician arrived"):
                report.action_submit()
        self.assertEqual(report.state, "draft")

    def test_p2_refused_without_required_photo(self):
        """P2: an item asking for a photo needs one; a template asking for photos needs one."""
        request = self._arrived_job()
        with freeze_time(ARRIVAL):
            report = self.fill(self.open_report(request), photo=False)
            with self.assertRaisesRegex(UserError, "photo is required.*Water pressure"):
                report.action_submit()
        self.assertEqual(report.state, "draft")
        self.template.item_ids.photo_required = False
        self.template.photos_required = True
        request = self._arrived_job()
        with freeze_time(ARRIVAL):
            report = self.fill(self.open_report(request), photo=False)
            with self.assertRaisesRegex(UserError, "at least one photo"):
                report.action_submit()
            report.photo_ids = [
                Command.create({"name": "site.png", "datas": SIGNATURE, "mimetype": "image/png"})
            ]
            report.action_submit()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.evidence_photo_count, 1)

    def test_p2_refused_with_an_empty_line(self):
        """P2: every line needs its result."""
        request = self._arrived_job()
        with freeze_time(ARRIVAL):
            report = self.fill(self.open_report(request))
            report.line_ids.filtered(lambda line: line.kind == "check").result = False
            with self.assertRaisesRegex(UserError, "no result for “Compressor noise”"):
                report.action_submit()
        self.assertEqual(report.state, "draft")

    def test_p2_out_of_range_flagged(self):
        """P2: a measured value outside its range is flagged (result Not OK, counted); in
        range or at the bounds it is not; an unmeasured line is not."""
        report = self.open_report(self.make_job())
        measure = report.line_ids.filtered(lambda line: line.kind == "measure").with_user(self.tech)
        self.assertFalse(measure.out_of_range, "not measured yet")
        self.assertFalse(measure.result)
        measure.value_measured = 2.4
        self.assertTrue(measure.out_of_range)
        self.assertEqual(measure.result, "not_ok")
        self.assertEqual(report.out_of_range_count, 1)
        measure.value_measured = 2.0
        self.assertFalse(measure.out_of_range)
        self.assertEqual(measure.result, "ok")
        measure.value_measured = 0.0
        self.assertTrue(measure.value_recorded, "a measurement of 0 is one")
        self.assertTrue(measure.out_of_range)

    def test_p2_submit_records_evidence_and_locks(self):
        """P2: the submission records the evidence it had (arrival, signature time, photo
        count, out-of-range count); the report is then read-only, lines too; the job takes
        the signature and may be closed."""
        request = self._arrived_job()
        with freeze_time(ARRIVAL):
            report = self.fill(self.open_report(request), pressure=2.5)
            report.action_submit()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.evidence_date_arrival, ARRIVAL)
        self.assertEqual(report.evidence_date_signed, ARRIVAL)
        self.assertEqual(report.evidence_photo_count, 1)
        self.assertEqual(report.evidence_out_of_range_count, 1)
        self.assertEqual(report.submitted_by_id, self.tech)
        self.assertEqual(report.date_inspection, date(2026, 11, 23))
        self.assertTrue(report.pdf_to_send)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            report.with_user(self.tech).write({"findings": "Nothing"})
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            report.with_user(self.supervisor).write({"findings": "Nothing"})
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            report.line_ids[:1].with_user(self.tech).write({"result": "not_ok"})
        with self.assertRaises(UserError):
            report.action_submit()
        self.assertEqual(report.findings, "Slight noise")
        # the job: signed by the report's signature, closed with the report
        self.assertEqual(request.signed_by, "Wang Fang")
        request.with_user(self.tech).diagnosis = "Inspected, see the report"
        request.with_user(self.tech).action_close_on_site()
        self.assertEqual(request.state, "done")

    def test_p2_closing_needs_the_submitted_report(self):
        """P2: an inspection job with a checklist cannot be closed on site without its
        submitted report (the existing close rule)."""
        request = self._arrived_job()
        tech_request = request.with_user(self.tech)
        tech_request.write(
            {
                "diagnosis": "Inspected",
                "customer_signature": SIGNATURE,
                "signed_by": "Wang Fang",
            }
        )
        with self.assertRaisesRegex(UserError, "Submit the inspection report"):
            tech_request.action_close_on_site()
        self.open_report(request)
        with self.assertRaisesRegex(UserError, "Submit the inspection report"):
            tech_request.action_close_on_site()
        self.assertEqual(request.state, "on_site")

    def test_p2_bypass_by_write_refused(self):
        """P2/X6: state, submission and evidence fields cannot be written, imported or given
        on creation; a report cannot be created but from its job."""
        request = self._arrived_job()
        report = self.open_report(request)
        for vals in (
            {"state": "submitted"},
            {"date_submitted": ARRIVAL},
            {"evidence_date_arrival": ARRIVAL},
            {"evidence_photo_count": 3},
            {"date_signed": ARRIVAL},
        ):
            with self.assertRaisesRegex(UserError, "change only through its steps"):
                report.with_user(self.tech).write(vals)
            with self.assertRaisesRegex(UserError, "change only through its steps"):
                report.sudo().write(vals)
        self.assertEqual(report.state, "draft")
        with self.assertRaisesRegex(UserError, "made from its service request"):
            self.env["aftersales.inspection.report"].create({"request_id": request.id})
        with self.assertRaisesRegex(UserError, "change only through its steps"):
            report.with_context(tracking_disable=True).sudo().write({"state": "cancelled"})

    def test_p2_other_technician_refused(self):
        """P2: the technician of another job may neither make, fill nor submit the report;
        the desk only reads it; the zone's supervisor may fill and submit it."""
        request = self._arrived_job()
        with self.assertRaises(AccessError):
            request.with_user(self.tech2).action_open_inspection_report()
        report = self.open_report(request)
        with self.assertRaises(AccessError):
            report.with_user(self.tech2).write({"findings": "x"})
        with self.assertRaises(AccessError):
            report.with_user(self.desk).write({"findings": "x"})
        with freeze_time(ARRIVAL):
            self.fill(report)
            with self.assertRaises(AccessError):
                report.with_user(self.tech2).action_submit()
            with self.assertRaises(AccessError):
                report.with_user(self.desk).action_submit()
            self.assertEqual(report.state, "draft")
            report.with_user(self.supervisor).action_submit()
        self.assertEqual(report.state, "submitted")
        with self.assertRaises(AccessError):
            report.with_user(self.tech).action_cancel()
        report.with_user(self.supervisor).action_cancel()
        self.assertEqual(report.state, "cancelled")

    def test_p2_pdf_sent_after_the_click(self):
        """P2: the PDF is not rendered in the submit click; the scheduled job renders it,
        posts it with the message to the customer, once."""
        report = self._submitted()
        attachments = [("res_model", "=", report._name), ("res_id", "=", report.id)]
        pdfs = [*attachments, ("mimetype", "=", "application/pdf")]
        self.assertFalse(self.env["ir.attachment"].search(pdfs))
        report._cron_send_inspection_reports()
        pdf = self.env["ir.attachment"].search(pdfs)
        self.assertEqual(len(pdf), 1)
        self.assertFalse(report.pdf_to_send)
        message = report.message_ids.filtered(lambda m: pdf in m.attachment_ids)
        self.assertEqual(len(message), 1)
        self.assertIn(self.customer, message.partner_ids)
        self.assertIn(report.name, message.subject or message.body)
        report._cron_send_inspection_reports()
        self.assertEqual(len(self.env["ir.attachment"].search(pdfs)), 1, "safe to rerun")

    def test_p2_pdf_renders_checklist_marks_signature_local_time(self):
        """P2: the printed report holds the checklist, the out-of-range mark, the findings,
        the photo, the signature, and the company's local time (10:00 in Hangzhou)."""
        request = self._arrived_job()
        with freeze_time(ARRIVAL):
            report = self.fill(self.open_report(request), pressure=2.5)
            report.action_submit()
        html = (
            self.env["ir.actions.report"]
            .with_context(tz="America/New_York")
            ._render_qweb_html("aftersales_maintenance.action_report_inspection", report.ids)[0]
            .decode()
        )
        self.assertIn(report.name, html)
        self.assertIn("Water pressure", html)
        self.assertIn("Out of range", html)
        self.assertEqual(html.count("o_out_of_range_mark"), 1)
        self.assertIn("Replace the bearing", html)
        self.assertIn("Wang Fang", html)
        self.assertIn("10:00", html, "the company's clock")
        self.assertNotIn("02:00:00", html)
        self.assertGreaterEqual(html.count("data:image/png;base64"), 2, "photo and signature")

    def test_p2_pdf_in_the_customers_language(self):
        """P2/X4: a Chinese customer's report prints in Chinese (巡检报告, 测量值, 客户签字)."""
        load_language(self.env, ["aftersales_maintenance"])
        self.customer.lang = "zh_CN"
        report = self._submitted()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("aftersales_maintenance.action_report_inspection", report.ids)[0]
            .decode()
        )
        for text in ("巡检报告", "测量值", "客户签字", "发现的问题", "整改建议"):
            self.assertIn(text, html)

    def test_w6_p2_monthly_report_holds_that_month(self):
        """W6/P2 (篇九): the monthly report of a contract holds exactly that company-local
        month's submitted inspections of the contract: not a draft, not another contract's,
        not the next month's (an arrival at 23:30 UTC on 30 Nov is 1 Dec in Hangzhou)."""
        lot = self.new_lot()
        other_lot = self.new_lot()
        contracts = self.env["aftersales.maintenance.contract"].create(
            [
                {
                    "partner_id": self.customer.id,
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                    "lot_ids": [Command.set(lot_.ids)],
                }
                for lot_ in (lot, other_lot)
            ]
        )
        contracts.action_start()
        contract = contracts[0]
        november = self._submitted(lot=lot)
        self.assertEqual(november.contract_id, contract)
        self._submitted(lot=other_lot)  # another contract's
        draft = self.open_report(self._arrived_job(lot=lot))  # not submitted
        late = self.make_job(lot=lot, call=datetime(2026, 11, 30, 20, 0))
        with freeze_time("2026-11-30 23:30:00"):
            late.with_user(self.tech).action_arrive()
            december = self.fill(self.open_report(late))
            december.action_submit()
        self.assertEqual(december.date_inspection, date(2026, 12, 1))
        self.assertEqual(contract._inspection_reports_of_month(date(2026, 11, 15)), november)
        self.assertEqual(contract._inspection_reports_of_month(date(2026, 12, 1)), december)
        wizard = self.env["aftersales.inspection.month"].create(
            {"contract_id": contract.id, "month": date(2026, 11, 20)}
        )
        action = wizard.with_user(self.manager).action_print()
        self.assertEqual(action["data"]["month"], "2026-11-01")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "aftersales_maintenance.action_report_inspection_month",
                contract.ids,
                data=action["data"],
            )[0]
            .decode()
        )
        self.assertIn(f'data-report="{november.name}"', html)
        self.assertEqual(html.count("o_inspection_month_report"), 1)
        self.assertNotIn(december.name, html)
        self.assertNotIn(draft.name, html)
        self.assertIn("2026-11", html)

    def test_p2_form_on_the_job(self):
        """P2: the technician fills the report in its form (lines, signature)."""
        request = self._arrived_job()
        report = self.open_report(request)
        with freeze_time(ARRIVAL):
            with Form(report.with_user(self.tech)) as form:
                with form.line_ids.edit(1) as line:
                    line.value_measured = 0.5
                    line.photo = SIGNATURE
                with form.line_ids.edit(0) as line:
                    line.result = "ok"
                form.signed_by = "Wang Fang"
                form.customer_signature = SIGNATURE
            report.with_user(self.tech).action_submit()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.out_of_range_count, 1)

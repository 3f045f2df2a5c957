# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import itertools
from datetime import UTC, date

from freezegun import freeze_time

from odoo import sql_db
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import (
    UTC_NIGHT,
    assertQueriesConstant,
    make_user,
)

from .common import SurveyFixtures

# UTC_NIGHT: 23:30 UTC on 30 November, 07:30 on 1 December in China.
CHINA_TODAY = date(2026, 12, 1)


@tagged("post_install", "-at_install")
@freeze_time(UTC_NIGHT)
class TestReminders(SurveyFixtures, TransactionCase):
    """P4: the customer file's next maintenance and next call, and the use
    inquiries counted from the delivery (篇一 根据购买时间定期询问), create
    their follow-ups and notices by themselves. The clock stands where UTC's
    day (30 November) is not the company's (1 December in China)."""

    customers = itertools.count()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_fixtures()
        cls.Followup = cls.env["aftersales.followup"]
        cls.Inquiry = cls.env["aftersales.followup.inquiry"]
        cls.env["ir.config_parameter"].sudo().set_param("aftersales_survey.reminder_days", 7)
        cls.categ.aftersales_inquiry_months = "3, 6, 12"
        # no other category asks (the demo's air conditioners do): only the
        # fixtures' serials are due
        cls.env["product.category"].search(
            [("id", "!=", cls.categ.id), ("aftersales_inquiry_months", "!=", False)]
        ).aftersales_inquiry_months = False
        # no demo customer's file is due either
        cls.env["res.partner"].search(
            [
                "|",
                ("aftersales_next_maintenance", "!=", False),
                ("aftersales_next_call_date", "!=", False),
            ]
        ).write({"aftersales_next_maintenance": False, "aftersales_next_call_date": False})

    def _customer(self, email=True, **vals):
        number = next(self.customers)
        return self.env["res.partner"].create(
            {
                "name": f"Reminded customer {number}",
                "email": f"reminded{number}@example.com" if email else False,
                **vals,
            }
        )

    def _reminders(self, partner, reminder_type=None):
        domain = [("partner_id", "=", partner.id), ("reminder_type", "!=", False)]
        if reminder_type:
            domain.append(("reminder_type", "=", reminder_type))
        return self.Followup.search(domain)

    def _mails(self, followups):
        return self.env["mail.mail"].search(
            [("model", "=", "aftersales.followup"), ("res_id", "in", followups.ids)]
        )

    def _deliver(self, partner, start):
        """A serial of the fixtures' category delivered to ``partner`` on
        ``start`` (its warranty certificate)."""
        lot = self.new_lot()
        self.make_certificate(lot, start, partner_id=partner.id)
        return lot

    # -- next maintenance, next call ------------------------------------------

    def test_p4_maintenance_date_creates_one_call_and_one_mail(self):
        """P4: the next maintenance 7 days ahead creates one call, assigned to
        the account owner on the desk, and one e-mail to the customer; a
        rerun creates nothing."""
        customer = self._customer(
            aftersales_next_maintenance=date(2026, 12, 8),
            aftersales_maintenance_months=6,
            user_id=self.desk.id,
        )
        later = self._customer(aftersales_next_maintenance=date(2026, 12, 9))
        created = self.Followup._cron_remind()
        call = self._reminders(customer)
        self.assertEqual(len(call), 1)
        self.assertIn(call, created)
        self.assertEqual(
            (call.kind, call.reminder_type, call.reminder_date, call.notice),
            ("call", "maintenance", date(2026, 12, 8), "mail"),
        )
        self.assertEqual((call.date_planned, call.date_deadline), (CHINA_TODAY, date(2026, 12, 8)))
        self.assertEqual(call.user_id, self.desk, "the account owner on the desk calls")
        self.assertEqual(call.origin, "Maintenance Reminder of 2026-12-08")
        mail = self._mails(call)
        self.assertEqual(len(mail), 1, "one notice (and no assignment mail to the clerk)")
        self.assertEqual(mail.recipient_ids, customer)
        self.assertIn("2026-12-08", mail.body_html)
        self.assertFalse(self._reminders(later), "8 days ahead: not yet")
        self.assertFalse(self.Followup._cron_remind(), "a rerun creates nothing")
        self.assertEqual(len(self._reminders(customer)), 1)
        self.assertEqual(len(self._mails(call)), 1, "and sends nothing")

    def test_p4_call_date_without_email_plans_a_letter(self):
        """P4: a customer without e-mail is told by letter: a follow-up letter
        beside the call, for the desk (his account owner is not on it)."""
        customer = self._customer(
            email=False,
            aftersales_next_call_date=date(2026, 12, 3),
            aftersales_next_call_content="Offer the filter cleaning.",
            user_id=self.tech.id,
        )
        self.Followup._cron_remind()
        reminders = self._reminders(customer, "call")
        self.assertEqual(sorted(reminders.mapped("kind")), ["call", "letter"])
        call = reminders.filtered(lambda f: f.kind == "call")
        self.assertEqual(call.notice, "letter")
        self.assertEqual(call.content, "Offer the filter cleaning.")
        self.assertFalse(reminders.user_id, "a technician does not make calls: the desk's")
        self.assertFalse(self._mails(reminders))
        letter = reminders - call
        self.assertIn("We will call you around 2026-12-03", letter.content)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("aftersales_survey.report_followup_letter", letter.ids)[0]
            .decode()
        )
        self.assertIn("We will call you around 2026-12-03", html)
        self.assertIn(customer.name, html)
        self.Followup._cron_remind()
        self.assertEqual(len(self._reminders(customer)), 2, "never twice for the same date")

    def test_p4_cancelled_reminder_is_not_made_again(self):
        """P4: a reminder cancelled by the desk is not created again for the
        same date; a new date is reminded."""
        customer = self._customer(aftersales_next_call_date=date(2026, 12, 4))
        self.Followup._cron_remind()
        self._reminders(customer).with_user(self.desk).action_cancel()
        self.assertFalse(self.Followup._cron_remind())
        customer.aftersales_next_call_date = date(2026, 12, 6)
        self.Followup._cron_remind()
        self.assertEqual(
            sorted(self._reminders(customer).mapped("reminder_date")),
            [date(2026, 12, 4), date(2026, 12, 6)],
        )

    def test_p4_daily_action_at_the_company_hour(self):
        """P4: the daily action runs at 06:00 of the company's day and makes
        the reminders when run as the scheduler runs it."""
        cron = self.env.ref("aftersales_survey.ir_cron_remind")
        self.assertEqual(cron.aftersales_local_time, "06:00")
        local = (
            cron._aftersales_next_local_call()
            .replace(tzinfo=UTC)
            .astimezone(self.env.company._aftersales_tz())
        )
        self.assertEqual((local.date(), local.hour), (date(2026, 12, 2), 6))
        customer = self._customer(aftersales_next_maintenance=date(2026, 12, 2))
        cron.ir_actions_server_id.run()
        self.assertEqual(len(self._reminders(customer)), 1)

    def test_p4_past_date_is_not_reminded(self):
        """P4: a date already passed is not reminded (the file needs a new date)."""
        customer = self._customer(aftersales_next_maintenance=date(2026, 11, 30))
        self.Followup._cron_remind()
        self.assertFalse(self._reminders(customer))

    def test_p4_date_moves_on_after_the_call(self):
        """P4: the maintenance reminder made moves the next maintenance on by
        the customer's cycle; the next reminder comes for the new date only."""
        customer = self._customer(
            aftersales_next_maintenance=date(2026, 12, 5), aftersales_maintenance_months=6
        )
        self.Followup._cron_remind()
        call = self._reminders(customer).with_user(self.desk)
        call.write({"result": "satisfied", "content": "Visit agreed for the 5th."})
        call.action_done()
        self.assertEqual(customer.aftersales_next_maintenance, date(2027, 6, 5))
        self.assertFalse(self.Followup._cron_remind(), "June is far: nothing to remind")
        with freeze_time("2027-05-31 02:00:00"):  # 10:00 on 31 May in China
            self.Followup._cron_remind()
        reminders = self._reminders(customer)
        self.assertEqual(len(reminders), 2)
        self.assertEqual(max(reminders.mapped("reminder_date")), date(2027, 6, 5))

    def test_p4_date_set_in_the_call_is_kept(self):
        """P4: a date the clerk agreed in the reminder call itself is kept."""
        customer = self._customer(
            aftersales_next_maintenance=date(2026, 12, 5), aftersales_maintenance_months=6
        )
        self.Followup._cron_remind()
        call = self._reminders(customer).with_user(self.desk)
        call.write(
            {
                "result": "resolved",
                "content": "Moved to the 20th.",
                "file_next_maintenance": date(2026, 12, 20),
            }
        )
        call.action_done()
        self.assertEqual(customer.aftersales_next_maintenance, date(2026, 12, 20))

    def test_p4_company_local_day(self):
        """P4: at 23:30 UTC on 30 November it is 1 December in China: the
        reminders of 1 December's day are made (8 December is 7 days ahead
        in China, 8 in UTC)."""
        self.assertEqual(self.env.company._aftersales_today(), CHINA_TODAY)
        customer = self._customer(aftersales_next_maintenance=date(2026, 12, 8))
        buyer = self._customer()
        lot = self._deliver(buyer, date(2026, 9, 1))  # 3 months: 1 December
        self.Followup._cron_remind()
        self.assertEqual(len(self._reminders(customer)), 1)
        inquiry = self._reminders(buyer, "inquiry")
        self.assertEqual(inquiry.inquiry_ids.lot_id, lot)
        self.assertEqual(inquiry.date_planned, CHINA_TODAY)

    def test_p4_reminder_origin_is_the_process(self):
        """P4, X6: the reminder's origin is the daily action's: written or
        created directly, it is refused."""
        customer = self._customer(aftersales_next_maintenance=date(2026, 12, 5))
        self.Followup._cron_remind()
        call = self._reminders(customer).with_user(self.desk)
        with self.assertRaises(UserError):
            call.write({"reminder_date": date(2026, 12, 30)})
        with self.assertRaises(UserError):
            self.Followup.with_user(self.desk).create(
                {
                    "partner_id": customer.id,
                    "reminder_type": "maintenance",
                    "reminder_date": date(2026, 12, 30),
                }
            )
        with self.assertRaises(AccessError):
            self.Inquiry.with_user(self.desk).create(
                {"followup_id": call.id, "lot_id": self.lots[1].id, "sequence": 1, "count": 3}
            )

    # -- use inquiries -----------------------------------------------------------

    def test_p4_use_inquiries_3_6_12_months_grouped_never_twice(self):
        """P4 (篇一): serials delivered 3, 6 and 12 months ago are asked about
        today, one call per customer for all his serials, the k-th of 3;
        never twice for a serial and k; the next k comes at its own month."""
        first = self._customer()
        second = self._customer()
        three = self._deliver(first, date(2026, 9, 1))
        six = self._deliver(first, date(2026, 6, 1))
        twelve = self._deliver(second, date(2025, 12, 1))
        not_due = self._deliver(second, date(2026, 9, 2))
        self.Followup._cron_remind()
        call = self._reminders(first, "inquiry")
        self.assertEqual(len(call), 1, "one call for all his serials")
        self.assertEqual(call.kind, "call")
        lines = {line.lot_id: (line.sequence, line.count) for line in call.inquiry_ids}
        self.assertEqual(lines, {three: (1, 3), six: (2, 3)})
        self.assertIn(f"{three.name} (1 of 3)", call.origin)
        self.assertIn(f"{six.name} (2 of 3)", call.origin)
        other = self._reminders(second, "inquiry")
        self.assertEqual(other.inquiry_ids.lot_id, twelve)
        self.assertEqual(other.inquiry_ids.sequence, 3)
        self.assertNotIn(not_due, self.Inquiry.search([]).lot_id, "due tomorrow")
        self.assertFalse(self.Followup._cron_remind(), "a rerun asks nothing again")
        with freeze_time("2026-12-02 02:00:00"):  # 2 December in China
            self.Followup._cron_remind()
            self.Followup._cron_remind()
        self.assertEqual(
            self.Inquiry.search([("lot_id", "=", not_due.id)]).sequence,
            1,
            "asked once the next day",
        )
        with freeze_time("2027-03-01 02:00:00"):  # 1 March in China: 6 months after 1 September
            self.Followup._cron_remind()
        asked = self.Inquiry.search([("lot_id", "=", three.id)])
        self.assertEqual(sorted(asked.mapped("sequence")), [1, 2])
        self.assertEqual(len(self._reminders(first, "inquiry")), 2)

    def test_p4_customer_held_by_another_worker_is_left_to_it(self):
        """P4: two workers: customers another transaction holds locked (two
        demo customers, committed before the test, locked on their own
        connection) are skipped, the others reminded; the next run, once
        they are free, asks about their serials, once."""
        held = self.env.ref("aftersales_base.partner_huaxin_hotel") | self.env.ref(
            "aftersales_base.partner_greenfield_park"
        )
        free = self._customer()
        for partner in held | free:
            self._deliver(partner, date(2026, 9, 1))
        self.env.flush_all()
        locker = sql_db.db_connect(self.env.cr.dbname).cursor()
        self.addCleanup(locker.close)
        self.addCleanup(locker.rollback)
        locker.execute(
            "SELECT id FROM res_partner WHERE id = ANY(%s) FOR NO KEY UPDATE NOWAIT", [held.ids]
        )
        self.assertEqual(len(locker.fetchall()), 2)
        self.assertEqual(self.Followup._cron_remind().partner_id, free)
        locker.rollback()
        self.assertEqual(self.Followup._cron_remind().partner_id, held)
        self.assertFalse(self.Followup._cron_remind())

    def test_p4_category_inquiry_months_validated(self):
        """P4: the category's inquiry months are increasing whole months."""
        for text in ("6, 3", "3, x", "0, 3", "3, 3"):
            with self.subTest(text=text), self.assertRaises(ValidationError):
                self.categ.aftersales_inquiry_months = text
        self.categ.aftersales_inquiry_months = "1，2, 24"
        self.assertEqual(self.categ.aftersales_inquiry_count, 3)

    # -- cost, roles --------------------------------------------------------------

    def test_p4_query_count_constant(self):
        """P4: the daily action costs the same queries for 5 customers as for
        20 (a maintenance reminder with its e-mail and a use inquiry each)."""
        days = itertools.count(1)

        def make_batch(size):
            # each batch's date further on: the earlier batches are done
            day = next(days)
            with freeze_time(f"2026-12-{day:02d} 02:00:00"):
                reminded = date(2026, 12, day + 3)
            partners = self.env["res.partner"]
            for _i in range(size):
                customer = self._customer(aftersales_next_maintenance=reminded)
                self._deliver(customer, date(2026, 9, day))
                partners |= customer
            return day, partners

        def run(batch):
            day, partners = batch
            with freeze_time(f"2026-12-{day:02d} 02:00:00"):
                created = self.Followup._cron_remind()
            self.assertEqual(len(created), 2 * len(partners))
            return created

        assertQueriesConstant(self, make_batch, run, sizes=(5, 20))

    def test_p4_roles_see_reminders(self):
        """P4, X2: the desk and the supervisor see the reminders and the
        serials asked about; a technician and a portal customer do not."""
        customer = self._customer(aftersales_next_maintenance=date(2026, 12, 5))
        self._deliver(customer, date(2026, 9, 1))
        self.Followup._cron_remind()
        reminders = self._reminders(customer)
        self.assertEqual(len(reminders), 2)
        for user in (self.desk, self.supervisor, self.manager):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self.Followup.with_user(user).search([("id", "in", reminders.ids)]), reminders
                )
                self.assertTrue(reminders.with_user(user).inquiry_ids.lot_id)
        portal = make_user(self.env, "portal", login="as_rem_portal")
        for user in (self.tech, portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Followup.with_user(user).search([("id", "in", reminders.ids)])

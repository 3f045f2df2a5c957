# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""P4: reminders that act. Every day, at the company's hour, the customer
file's next maintenance and next call dates that come within the reminder
days create their follow-up call (and the customer's notice: an e-mail, or a
letter to send when he has no e-mail), and the serials delivered 3, 6, 12...
months ago (the category's use inquiries, 篇一 根据购买时间定期询问) one
use-inquiry call per customer."""

from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.aftersales_base.lang import in_company_lang
from odoo.addons.aftersales_base.roles import DESK

from .res_partner import REMINDER_FIELDS

# The reminder comes this many days before the customer file's date, unless
# the settings say otherwise.
REMINDER_DAYS = 7
# A use inquiry whose day the daily action missed (server down) is still made
# within this many days; older ones are let go.
INQUIRY_CATCHUP_DAYS = 7


class AftersalesFollowupInquiry(models.Model):
    """One serial a use-inquiry call asks about: the k-th of the M inquiries
    of its category, counted from its delivery (P4). A serial is asked about
    once for each k."""

    _name = "aftersales.followup.inquiry"
    _description = "Use Inquiry of a Serial"
    _order = "followup_id, id"

    followup_id = fields.Many2one(
        "aftersales.followup", required=True, index=True, ondelete="cascade", readonly=True
    )
    certificate_id = fields.Many2one(
        "aftersales.warranty.certificate", string="Warranty Certificate", readonly=True
    )
    lot_id = fields.Many2one("stock.lot", string="Serial Number", required=True, readonly=True)
    product_id = fields.Many2one(related="lot_id.product_id")
    date_delivery = fields.Date(string="Delivered On", readonly=True)
    sequence = fields.Integer(string="Inquiry", required=True, readonly=True)
    count = fields.Integer(string="Of", required=True, readonly=True)
    date_due = fields.Date(string="Due On", readonly=True)
    company_id = fields.Many2one(related="followup_id.company_id", store=True, index=True)

    _once_per_serial = models.UniqueIndex(
        "(lot_id, sequence)", "A serial is asked about its use once for each inquiry."
    )


class AftersalesFollowup(models.Model):
    _inherit = "aftersales.followup"

    # -- the daily action ----------------------------------------------------

    @api.model
    @in_company_lang
    def _cron_remind(self, batch_size=200):
        """P4: the reminders of the company's day (today in its time zone);
        safe to rerun: a customer file's date is reminded once, a serial's
        k-th use inquiry made once. Returns the follow-ups created."""
        company = self.env.company
        today = company._aftersales_today()
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("aftersales_survey.reminder_days", REMINDER_DAYS)
        )
        created = self.browse()
        partners = self.env["res.partner"]

        def dates_batch():
            nonlocal created
            batch, handled = self._remind_dates_batch(company, today, days, batch_size)
            created |= batch
            return handled

        partners._run_batches(dates_batch)
        due = self._inquiries_due(company, today)
        pending = sorted(due)

        def inquiry_batch():
            nonlocal created
            chunk = pending[:batch_size]
            del pending[:batch_size]
            batch, handled = self._inquiry_batch(company, today, due, chunk)
            created |= batch
            return handled

        partners._run_batches(inquiry_batch)
        return created

    def _reminder_env(self):
        # the clerk finds the day's calls in his list (Due Today): no
        # "assigned to you" e-mail for each (and no query per call for it)
        return self.with_context(mail_create_nolog=True, mail_auto_subscribe_no_notify=True)

    # -- next maintenance, next call -------------------------------------------

    @api.model
    def _reminder_domain(self, reminder_type, today, days):
        """The customers whose ``reminder_type`` date falls within the next
        ``days`` days and has no reminder yet (whatever became of it)."""
        field = REMINDER_FIELDS[reminder_type]

        def not_reminded(model, alias, query):
            return SQL(
                "NOT EXISTS (SELECT 1 FROM aftersales_followup f WHERE f.partner_id = %s "
                "AND f.reminder_type = %s AND f.reminder_date = %s)",
                SQL.identifier(alias, "id"),
                reminder_type,
                SQL.identifier(alias, field),
            )

        return Domain.AND(
            [
                Domain(field, ">=", today),
                Domain(field, "<=", today + timedelta(days=days)),
                Domain.custom(to_sql=not_reminded),
            ]
        )

    @api.model
    def _remind_dates_batch(self, company, today, days, limit):
        domain = Domain("company_id", "in", [False, company.id]) & Domain.OR(
            [self._reminder_domain(kind, today, days) for kind in REMINDER_FIELDS]
        )
        customers = self.env["res.partner"]._locked_batch(domain, limit)
        if not customers:
            return self.browse(), 0
        # what is due of each (locked, so still due: the domain again on them)
        due = []
        for reminder_type, field in REMINDER_FIELDS.items():
            found = customers.search(
                Domain("id", "in", customers.ids)
                & self._reminder_domain(reminder_type, today, days)
            )
            due += [(customer, reminder_type, customer[field]) for customer in found]
        desk_owners = self._reminder_owners(customers)
        vals_list = []
        for customer, reminder_type, day in due:
            vals = self._prepare_reminder_vals(customer, reminder_type, day, today, company)
            vals["user_id"] = desk_owners.get(customer.commercial_partner_id.id, False)
            vals["notice"] = "mail" if customer.email else "letter"
            vals_list.append(vals)
            if not customer.email:
                vals_list.append(
                    dict(
                        vals,
                        kind="letter",
                        notice=False,
                        content=self._reminder_letter_text(customer, reminder_type, day),
                    )
                )
        followups = self._reminder_env()._create_process(vals_list)
        mailed = followups.filtered(lambda f: f.notice == "mail")
        if mailed:
            template = self.env.ref("aftersales_survey.mail_template_followup_reminder")
            template.sudo().send_mail_batch(mailed.ids)
        return followups, len(customers)

    @api.model
    def _reminder_owners(self, customers):
        """{commercial partner id: user}: the customer's account owner when he
        is on the service desk (he makes the call); otherwise the desk's
        (no one in particular)."""
        owners = {}
        for commercial in customers.commercial_partner_id:
            user = commercial.user_id
            if user and user._has_group(DESK):
                owners[commercial.id] = user.id
        return owners

    @api.model
    def _reminder_letter_text(self, customer, reminder_type, day):
        """What the letter telling ``customer`` of his ``reminder_type`` date
        says, in his language (printed with the Customer Letter report)."""
        env = self.with_context(lang=customer.lang or self.env.context.get("lang")).env
        if reminder_type == "maintenance":
            body = env._(
                "The next maintenance of your equipment is due on %(date)s. We will call you "
                "to agree on the visit.",
                date=fields.Date.to_string(day),
            )
        else:
            body = env._(
                "We will call you around %(date)s about your equipment and our service.",
                date=fields.Date.to_string(day),
            )
        return env._("Dear %(name)s,", name=customer.name) + "\n\n" + body

    @api.model
    def _prepare_reminder_vals(self, customer, reminder_type, day, today, company):
        """The call reminding ``customer`` of his ``reminder_type`` date
        ``day``: planned today, due by that date."""
        if reminder_type == "maintenance":
            content = self.env._(
                "Maintenance due on %(date)s: agree on the visit with the customer.",
                date=fields.Date.to_string(day),
            )
        else:
            content = customer.aftersales_next_call_content or self.env._(
                "Service call planned in the customer file."
            )
        return {
            "kind": "call",
            "reminder_type": reminder_type,
            "reminder_date": day,
            "partner_id": customer.id,
            "date_planned": today,
            "date_deadline": max(day, today),
            "content": content,
            "company_id": (customer.company_id or company).id,
        }

    # -- use inquiries ---------------------------------------------------------

    @api.model
    def _inquiries_due(self, company, today):
        """{customer id: [(certificate, k, M, due day)]}: the serials delivered
        to each customer whose k-th use inquiry fell due within the catch-up
        days and was not made yet. A handful of queries however many serials:
        one search of the certificates over all (category, k) windows, one of
        the inquiries already made."""
        categs = self.env["product.category"].search([("aftersales_inquiry_months", "!=", False)])
        windows = []
        offsets = {}
        for categ in categs:
            offsets[categ.id] = categ._aftersales_inquiry_offsets()
            for months in set(offsets[categ.id]):
                # delivered between these days (a little wider than exact:
                # month ends, then checked exactly below)
                base = today - relativedelta(months=months)
                start = base - timedelta(days=INQUIRY_CATCHUP_DAYS + 3)
                end = base + timedelta(days=3)
                windows.append(
                    Domain("product_id.categ_id", "=", categ.id)
                    & Domain("date_start", ">=", start)
                    & Domain("date_start", "<=", end)
                )
        if not windows:
            return {}
        certs = self.env["aftersales.warranty.certificate"].search(
            Domain("state", "in", ("active", "expired"))
            & Domain("lot_id", "!=", False)
            & Domain("company_id", "=", company.id)
            & Domain.OR(windows)
        )
        made = {
            (line.lot_id.id, line.sequence)
            for line in self.env["aftersales.followup.inquiry"].search(
                [("lot_id", "in", certs.lot_id.ids)]
            )
        }
        due = defaultdict(list)
        for cert in certs:
            months_list = offsets[cert.product_id.categ_id.id]
            for number, months in enumerate(months_list, start=1):
                day = cert.date_start + relativedelta(months=months)
                if (
                    today - timedelta(days=INQUIRY_CATCHUP_DAYS) < day <= today
                    and (cert.lot_id.id, number) not in made
                ):
                    due[cert.commercial_partner_id.id].append((cert, number, len(months_list), day))
        return dict(due)

    @api.model
    def _inquiry_batch(self, company, today, due, customer_ids):
        """One use-inquiry call per customer of ``customer_ids`` (those this
        worker could lock) for all his serials due. Returns the calls and how
        many customers were handled."""
        if not customer_ids:
            return self.browse(), 0
        customers = self.env["res.partner"]._locked_batch(
            [("id", "in", customer_ids)], len(customer_ids)
        )
        if not customers:
            return self.browse(), 0
        # a rerun that another worker finished in between: made since
        lots = [cert.lot_id.id for cid in customers.ids for cert, *_rest in due[cid]]
        made = {
            (line.lot_id.id, line.sequence)
            for line in self.env["aftersales.followup.inquiry"].search([("lot_id", "in", lots)])
        }
        owners = self._reminder_owners(customers)
        vals_list = []
        for customer in customers:
            items = [item for item in due[customer.id] if (item[0].lot_id.id, item[1]) not in made]
            if not items:
                continue
            vals_list.append(
                {
                    "kind": "call",
                    "reminder_type": "inquiry",
                    "reminder_date": today,
                    "partner_id": customer.id,
                    "user_id": owners.get(customer.id, False),
                    "date_planned": today,
                    "date_deadline": today,
                    "content": self.env._(
                        "Ask how these products are used: %s.",
                        ", ".join(
                            f"{cert.product_id.display_name} {cert.lot_id.name}"
                            for cert, *_rest in items
                        ),
                    ),
                    "company_id": company.id,
                    "inquiry_ids": [
                        fields.Command.create(
                            {
                                "certificate_id": cert.id,
                                "lot_id": cert.lot_id.id,
                                "date_delivery": cert.date_start,
                                "sequence": number,
                                "count": count,
                                "date_due": day,
                            }
                        )
                        for cert, number, count, day in items
                    ],
                }
            )
        return self._reminder_env()._create_process(vals_list), len(customers)

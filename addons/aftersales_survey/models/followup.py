# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_base.lang import in_company_lang
from odoo.addons.aftersales_base.roles import DESK

from .followup_rule import KINDS
from .res_partner import CUSTOMER_FILE_FIELDS, REMINDER_FIELDS, REMINDER_TYPES

RESULTS = [
    ("satisfied", "Satisfied"),
    ("resolved", "Request Answered"),
    ("unresolved", "Request Unresolved"),
    ("no_answer", "No Answer"),
]
# An unresolved request goes to the supervisor within this many working days
# (V5, T1).
REPORT_DAYS = 2
# The customer file fields as shown on a "Customer File" follow-up.
FILE_FIELDS = {f"file_{name.removeprefix('aftersales_')}": name for name in CUSTOMER_FILE_FIELDS}


class AftersalesFollowup(models.Model):
    """A follow-up call or letter (V5, V6) as the registers of the seed keep
    them (跟踪服务电话记录表 / 信函登记表): who, when, which customer, what
    was said, what the customer asked for and the result. A "Customer File"
    follow-up is the filing of the customer (客户档案, V5): done when the
    customer's file on the partner is complete."""

    _name = "aftersales.followup"
    _description = "Follow-up Call or Letter"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.activity.mixin",
        "aftersales.numbered.mixin",
        "aftersales.process.mixin",
    ]
    _sequence_code = "aftersales.followup"
    # the reminder's origin is the daily reminders' own (P4): it keeps a
    # customer from being reminded twice of a date
    _process_fields = (
        "state",
        "date_done",
        "supervisor_reported",
        "reminder_type",
        "reminder_date",
        "notice",
    )
    _order = "date_planned, id"

    kind = fields.Selection(KINDS, default="call", required=True)
    rule_id = fields.Many2one("aftersales.followup.rule", readonly=True, index="btree_not_null")
    event_id = fields.Many2one("aftersales.followup.event", readonly=True, index="btree_not_null")
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True)
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    request_id = fields.Many2one(
        "aftersales.service.request", string="Service Request", index="btree_not_null"
    )
    user_id = fields.Many2one(
        "res.users", string="Made By", default=lambda self: self.env.user, tracking=True
    )
    date_planned = fields.Date(
        string="Planned On",
        required=True,
        default=lambda self: self.env.company._aftersales_today(),
    )
    date_deadline = fields.Date(
        string="Due By",
        required=True,
        default=lambda self: self.env.company._aftersales_today(),
    )
    date_done = fields.Datetime(string="Made On", readonly=True, copy=False)
    content = fields.Text(string="What Was Said")
    customer_request = fields.Text(string="Customer's Request")
    result = fields.Selection(RESULTS, tracking=True)
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="todo",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue")
    supervisor_reported = fields.Boolean(
        string="Reported to Supervisor",
        readonly=True,
        copy=False,
        help="The customer file was not completed in time and went to the supervisor.",
    )
    file_service_wish = fields.Text(
        string="Service the Customer Hopes For",
        compute="_compute_customer_file",
        inverse="_inverse_customer_file",
    )
    file_maintenance_months = fields.Integer(
        string="Maintenance Cycle (months)",
        compute="_compute_customer_file",
        inverse="_inverse_customer_file",
    )
    file_next_maintenance = fields.Date(
        string="Next Maintenance",
        compute="_compute_customer_file",
        inverse="_inverse_customer_file",
    )
    file_next_call_content = fields.Text(
        string="Next Service Call",
        compute="_compute_customer_file",
        inverse="_inverse_customer_file",
    )
    file_next_call_date = fields.Date(
        string="Next Call On",
        compute="_compute_customer_file",
        inverse="_inverse_customer_file",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    # P4: what a reminder that acts comes from
    reminder_type = fields.Selection(
        REMINDER_TYPES,
        string="Reminder",
        readonly=True,
        copy=False,
        help="The customer file's date (next maintenance, next call) or the periodic use "
        "inquiry this follow-up was created for by the daily reminders.",
    )
    reminder_date = fields.Date(
        string="Reminded Date",
        readonly=True,
        copy=False,
        help="The customer file's next maintenance or next call date this follow-up reminds "
        "of, or the day the use inquiry fell due.",
    )
    notice = fields.Selection(
        [("mail", "E-mail"), ("letter", "Letter")],
        string="Customer Notice",
        readonly=True,
        copy=False,
        help="How the customer was told of the reminder: an e-mail sent with the call, or a "
        "letter to print and send (a follow-up letter of its own) when he has no e-mail.",
    )
    inquiry_ids = fields.One2many(
        "aftersales.followup.inquiry", "followup_id", string="Serials Asked About", readonly=True
    )
    origin = fields.Char(compute="_compute_origin")

    _reminder_once = models.UniqueIndex(
        "(partner_id, reminder_type, reminder_date, kind) "
        "WHERE reminder_type IN ('maintenance', 'call')",
        "A customer is reminded once of each date, by one call and one notice.",
    )
    _rule_once_per_request = models.UniqueIndex(
        "(rule_id, request_id) WHERE rule_id IS NOT NULL AND request_id IS NOT NULL",
        "A follow-up rule plans one call per service request.",
    )
    _event_once_per_customer = models.UniqueIndex(
        "(event_id, partner_id, kind) WHERE event_id IS NOT NULL",
        "An event is announced once per customer by phone and once by letter.",
    )
    _window_order = models.Constraint(
        "CHECK(date_deadline >= date_planned)", "A follow-up is due after it is planned."
    )

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        for followup in self:
            today = followup.company_id._aftersales_today()
            followup.is_overdue = followup.state == "todo" and followup.date_deadline < today

    @api.depends(*(f"partner_id.commercial_partner_id.{name}" for name in CUSTOMER_FILE_FIELDS))
    def _compute_customer_file(self):
        for followup in self:
            customer = followup.partner_id.commercial_partner_id
            for fname, pname in FILE_FIELDS.items():
                followup[fname] = customer[pname]

    @api.depends("reminder_type", "reminder_date", "inquiry_ids", "rule_id", "event_id")
    def _compute_origin(self):
        labels = dict(self._fields["reminder_type"]._description_selection(self.env))
        for followup in self:
            if followup.reminder_type == "inquiry":
                lines = followup.inquiry_ids
                followup.origin = self.env._(
                    "%(label)s: %(serials)s",
                    label=labels["inquiry"],
                    serials=", ".join(
                        self.env._(
                            "%(serial)s (%(number)s of %(count)s)",
                            serial=line.lot_id.name,
                            number=line.sequence,
                            count=line.count,
                        )
                        for line in lines
                    ),
                )
            elif followup.reminder_type:
                followup.origin = self.env._(
                    "%(label)s of %(date)s",
                    label=labels[followup.reminder_type],
                    date=fields.Date.to_string(followup.reminder_date),
                )
            else:
                followup.origin = (followup.rule_id or followup.event_id).display_name or False

    def _inverse_customer_file(self):
        # The clerk files the customer without the right to edit contacts:
        # only the file's own fields are written, and only from a file to do
        # (or from a reminder to do: the next date agreed in that call, P4).
        for followup in self:
            customer = followup.partner_id.commercial_partner_id
            vals = {
                pname: followup[fname]
                for fname, pname in FILE_FIELDS.items()
                if followup[fname] != customer[pname]
            }
            if not vals:
                continue
            if not (followup.kind == "file" or followup.reminder_type) or followup.state != "todo":
                raise UserError(
                    self.env._("The customer file is filled in from a customer file to do.")
                )
            customer.sudo().write(vals)

    def _check_customer_file(self):
        self.ensure_one()
        missing = [
            self._fields[fname]._description_string(self.env)
            for fname in FILE_FIELDS
            if not self[fname]
        ]
        if missing:
            raise UserError(
                self.env._(
                    "Complete the customer file of %(customer)s first: %(missing)s.",
                    customer=self.partner_id.commercial_partner_id.display_name,
                    missing=", ".join(missing),
                )
            )

    def _set_state(self, state):
        """The one way a follow-up changes state (V5, V6, X6): from "to do",
        done (with what was said and its result, or the completed customer
        file) or cancelled, by the service desk (or an event's cancellation,
        which the desk or the manager makes)."""
        labels = {
            "done": self.env._("record the follow-up as done"),
            "cancelled": self.env._("cancel the follow-up"),
        }
        if state not in labels:
            raise UserError(self.env._("A follow-up is planned to do."))
        label = labels[state]
        for followup in self:
            if followup.state != "todo":
                if state == "done":
                    raise UserError(self.env._("%s is not to do any more.", followup.name))
                raise UserError(self.env._("Only a follow-up to do can be cancelled."))
        self._ensure_role(DESK, label)
        if state == "cancelled":
            self._write_process({"state": "cancelled"})
            return True
        for followup in self:
            if followup.kind == "file":
                followup._check_customer_file()
                continue
            if not followup.result:
                raise UserError(self.env._("Record the result of %s first.", followup.name))
            if followup.kind == "call" and followup.result != "no_answer" and not followup.content:
                raise UserError(self.env._("Write down what was said in %s.", followup.name))
        self._write_process({"state": "done", "date_done": fields.Datetime.now()})
        files = self.filtered(lambda f: f.kind == "file")
        files.partner_id.commercial_partner_id.sudo().write(
            {"aftersales_file_date": self.env.company._aftersales_today()}
        )
        self.filtered(lambda f: f.result == "unresolved")._report_to_supervisor()
        self._move_reminded_dates()
        return True

    def _move_reminded_dates(self):
        """P4: a maintenance reminder made moves the customer file's next
        maintenance on by the customer's maintenance cycle (from the date
        reminded, unless the clerk already set another date in the call)."""
        for followup in self.filtered(
            lambda f: f.kind == "call" and f.reminder_type == "maintenance"
        ):
            customer = followup.partner_id
            months = customer.aftersales_maintenance_months
            field = REMINDER_FIELDS["maintenance"]
            if months > 0 and customer[field] == followup.reminder_date:
                customer.sudo().write(
                    {field: followup.reminder_date + relativedelta(months=months)}
                )

    def action_done(self):
        return self._set_state("done")

    def action_cancel(self):
        return self._set_state("cancelled")

    def _report_to_supervisor(self, summary=None):
        """What the clerk could not answer, or a customer file not completed
        in time, goes to the supervisor, due within two days (V5)."""
        if not self:
            return
        deadlines = self.env["res.company"]._aftersales_plan_days_grouped(
            [
                (followup.company_id, followup.company_id._aftersales_today(), REPORT_DAYS)
                for followup in self
            ]
        )
        self._aftersales_schedule_activities(
            [
                {
                    "record": followup,
                    "user": (
                        followup.request_id.supervisor_id
                        or followup.company_id._aftersales_service_manager()
                    ),
                    "date_deadline": deadline,
                    "summary": summary or self.env._("Unresolved customer request"),
                    "note": followup.customer_request or followup.content or "",
                }
                for followup, deadline in zip(self, deadlines, strict=True)
            ]
        )

    # Planning (V5, V6) -----------------------------------------------------

    @api.model
    @in_company_lang
    def _cron_plan(self):
        """Plan the calls of every active rule for the jobs and calls that
        have reached them; idempotent (one follow-up per rule and request)."""
        company = self.env.company
        today = company._aftersales_today()
        horizon = today - timedelta(days=60)
        planned = self.browse()
        for rule in self.env["aftersales.followup.rule"].search([("active", "=", True)]):
            existing = self.search([("rule_id", "=", rule.id), ("request_id", "!=", False)])
            skip = set(existing.request_id.ids)
            if rule.trigger == "previous":
                bases = [
                    (f.request_id, f.partner_id, company._aftersales_date(f.date_done))
                    for f in self.search(
                        [
                            ("rule_id", "=", rule.previous_rule_id.id),
                            ("state", "=", "done"),
                            ("request_id", "!=", False),
                            ("date_done", ">=", company._aftersales_day_start(horizon)),
                        ]
                    )
                ]
            else:
                domain = [
                    ("state", "=", "done"),
                    ("date_done", ">=", company._aftersales_day_start(horizon)),
                ]
                if rule.trigger == "pickup":
                    domain.append(("receipt_id", "!=", False))
                bases = [
                    (r, r.partner_id, company._aftersales_date(r.date_done))
                    for r in self.env["aftersales.service.request"].search(domain)
                ]
            bases = [base for base in bases if base[0].id not in skip]
            windows = rule._windows([(rule, request.company_id, day) for request, _p, day in bases])
            vals_list = []
            for (request, partner, _day), (date_from, date_to) in zip(bases, windows, strict=True):
                if request.id in skip or date_from > today + timedelta(days=1):
                    continue  # planned already, or not yet: planned the day before
                skip.add(request.id)
                vals_list.append(
                    self._prepare_planned_followup_vals(rule, request, partner, date_from, date_to)
                )
            planned |= self.with_context(mail_create_nolog=True).create(vals_list)
        self._report_overdue_files()
        return planned

    @api.model
    def _prepare_planned_followup_vals(self, rule, request, partner, date_from, date_to):
        """The follow-up ``rule`` plans for ``partner`` after the job
        ``request``, due between ``date_from`` and ``date_to``."""
        return {
            "kind": rule.kind,
            "rule_id": rule.id,
            "request_id": request.id,
            "partner_id": partner.id,
            "user_id": rule.user_id.id,
            "date_planned": date_from,
            "date_deadline": date_to,
            "content": rule.content,
            "company_id": request.company_id.id,
        }

    @api.model
    def _report_overdue_files(self):
        """A customer file not completed within its two days goes to the
        supervisor, once (V5)."""
        overdue = self.search(
            [
                ("kind", "=", "file"),
                ("state", "=", "todo"),
                ("date_deadline", "<", self.env.company._aftersales_today()),
                ("supervisor_reported", "=", False),
            ]
        )
        overdue._report_to_supervisor(self.env._("Customer file overdue"))
        overdue._write_process({"supervisor_reported": True})
        return overdue

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_date, plaintext2html

from odoo.addons.aftersales_base.lang import in_company_lang

from .service_request import OPEN_STATES
from .service_request import AftersalesServiceRequest as ServiceRequest

SAME_DAY_REASON_LIMIT = 1000
SAME_DAY_MESSAGE_LIMIT = 2000


class AftersalesServiceRequest(models.Model):
    """Same-day resolution (T4, 篇九): a call not solved the (company's local)
    day it came in needs the reason and a promised date, the customer is told
    in writing, and an evening reminder asks for them when nobody gave them."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited
    # Written only by the promise step and the reminder (X6).
    _process_fields = (
        *ServiceRequest._process_fields,
        "same_day_reason",
        "date_promised_resolution",
        "date_promise_given",
        "same_day_reminded",
        "is_solved_same_day",
    )

    same_day_reason = fields.Text(
        string="Reason Not Solved Same Day", readonly=True, copy=False, tracking=True
    )
    date_promised_resolution = fields.Date(
        string="Promised Resolution Date", readonly=True, copy=False, tracking=True
    )
    date_promise_given = fields.Datetime(
        string="Customer Told At", readonly=True, copy=False, tracking=True
    )
    same_day_reminded = fields.Boolean(
        string="Reminded Not Solved Today", readonly=True, copy=False
    )
    is_solved_same_day = fields.Boolean(
        string="Solved Same Day",
        compute="_compute_is_solved_same_day",
        store=True,
        precompute=True,
        help="Done before the end of the company's local day of the call.",
    )
    is_unsolved_same_day = fields.Boolean(
        string="Not Solved Same Day",
        compute="_compute_is_unsolved_same_day",
        search="_search_is_unsolved_same_day",
        help="Received and not solved on the company's local day of the call: still open, "
        "or done on a later day. Cancelled requests are not counted.",
    )

    @api.depends("state", "date_done", "date_call", "company_id")
    def _compute_is_solved_same_day(self):
        day_ends = {}  # (company, call day) -> end of that local day, naive UTC
        for request in self:
            if request.state != "done" or not (request.date_done and request.date_call):
                request.is_solved_same_day = False
                continue
            company = request.company_id
            day = company._aftersales_date(request.date_call)
            if (company, day) not in day_ends:
                day_ends[company, day] = company._aftersales_day_bounds(day)[1]
            request.is_solved_same_day = request.date_done < day_ends[company, day]

    @api.depends("state", "is_solved_same_day", "date_call")
    def _compute_is_unsolved_same_day(self):
        now = fields.Datetime.now()
        for request in self:
            request.is_unsolved_same_day = bool(
                request.state != "cancelled"
                and not request.is_solved_same_day
                and request.date_call
                and request.date_call <= now
            )

    def _search_is_unsolved_same_day(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        unsolved = Domain(
            [
                ("state", "!=", "cancelled"),
                ("is_solved_same_day", "=", False),
                ("date_call", "<=", fields.Datetime.now()),
            ]
        )
        wanted = {bool(v) for v in value}
        if operator == "not in":
            wanted = {True, False} - wanted
        if wanted == {True, False}:
            return Domain.TRUE
        if not wanted:
            return Domain.FALSE
        return unsolved if True in wanted else ~unsolved

    @api.constrains("same_day_reason")
    def _check_same_day_reason_length(self):
        for request in self:
            if len(request.same_day_reason or "") > SAME_DAY_REASON_LIMIT:
                raise ValidationError(
                    self.env._(
                        "The reason of %(name)s is %(length)s characters long: at most "
                        "%(limit)s are accepted.",
                        name=request.name,
                        length=len(request.same_day_reason),
                        limit=SAME_DAY_REASON_LIMIT,
                    )
                )

    # -- the promise step ---------------------------------------------------
    def action_not_solved_today(self):
        """Opens the "Not Solved Today" wizard (reason, promised date, the
        message to the customer)."""
        self.ensure_one()
        self._ensure_can_promise()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Not Solved Today"),
            "res_model": "aftersales.same.day.promise",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    def _ensure_can_promise(self):
        """The technician of the job, the desk, a supervisor or a manager;
        an open request only."""
        self._ensure_desk_or_own_job(self.env._("promise its resolution date"))
        for request in self:
            if request.state not in OPEN_STATES:
                raise UserError(
                    self.env._("%s is closed: it needs no promised date.", request.name)
                )
        return True

    def _prepare_same_day_message(self, reason, date_promised):
        """The message to the customer, in the customer's language."""
        self.ensure_one()
        request = self.with_context(lang=self.partner_id.lang or self.env.lang)
        return request.env._(
            "Dear customer,\n\nwe could not solve your service request %(name)s today. "
            "Reason: %(reason)s\nWe will solve it by %(date)s at the latest.\n\n"
            "We apologise for the inconvenience.",
            name=self.name,
            reason=(reason or "").strip(),
            date=format_date(request.env, date_promised) if date_promised else "",
        )

    def _check_same_day_promise(self, reason, date_promised, message):
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason why the request is not solved today."))
        if len(reason) > SAME_DAY_REASON_LIMIT:
            raise UserError(
                self.env._(
                    "The reason is %(length)s characters long: at most %(limit)s are accepted.",
                    length=len(reason),
                    limit=SAME_DAY_REASON_LIMIT,
                )
            )
        if not date_promised:
            raise UserError(self.env._("Give the date by which the request will be solved."))
        date_promised = fields.Date.to_date(date_promised)
        for request in self:
            today = request.company_id._aftersales_today()
            if date_promised < today:
                raise UserError(
                    self.env._(
                        "The promised date of %(name)s (%(date)s) is in the past: today is "
                        "%(today)s.",
                        name=request.name,
                        date=format_date(self.env, date_promised),
                        today=format_date(self.env, today),
                    )
                )
        if len(message or "") > SAME_DAY_MESSAGE_LIMIT:
            raise UserError(
                self.env._(
                    "The message to the customer is %(length)s characters long: at most "
                    "%(limit)s are accepted.",
                    length=len(message),
                    limit=SAME_DAY_MESSAGE_LIMIT,
                )
            )
        return reason, date_promised

    def action_promise_resolution(self, reason, date_promised, message=None):
        """Not solved today (T4): records the reason and the promised date
        and tells the customer in writing (a message sent to the customer,
        kept in the chatter). Given again, the new promise replaces the old
        one; the tracking keeps the history."""
        self._ensure_can_promise()
        reason, date_promised = self._check_same_day_promise(reason, date_promised, message)
        now = fields.Datetime.now()
        self._write_process(
            {
                "same_day_reason": reason,
                "date_promised_resolution": date_promised,
                "date_promise_given": now,
            }
        )
        for request in self:
            text = (message or "").strip() or request._prepare_same_day_message(
                reason, date_promised
            )
            request.message_post(
                body=plaintext2html(text),
                partner_ids=request.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.activity_feedback(
            ["aftersales_repair.mail_activity_same_day_promise"],
            feedback=self.env._("Reason and promised date given."),
            only_automated=False,
        )
        return True

    # -- the evening reminder -----------------------------------------------
    @api.model
    def _same_day_today_domain(self):
        """The calls received today, each company's today."""
        parts = []
        for company in self.env["res.company"].sudo().search([("active", "=", True)]):
            start, end = company._aftersales_day_bounds(company._aftersales_today())
            parts.append(
                Domain(
                    [
                        ("company_id", "=", company.id),
                        ("date_call", ">=", start),
                        ("date_call", "<", end),
                    ]
                )
            )
        return Domain.OR(parts)

    @api.model
    def _remind_same_day_batch(self, today_domain, limit):
        requests = self._locked_batch(
            today_domain
            & Domain(
                [
                    ("state", "in", OPEN_STATES),
                    ("date_promise_given", "=", False),
                    ("same_day_reminded", "=", False),
                ]
            ),
            limit,
        )
        if not requests:
            return 0
        summary = self.env._("Not solved today: give the reason and the promised date")
        today = {c: c._aftersales_today() for c in requests.company_id}
        self._aftersales_schedule_activities(
            [
                {
                    "record": request,
                    "user": request.user_id
                    or request.supervisor_id
                    or request.company_id._aftersales_service_manager(),
                    "summary": summary,
                    "date_deadline": today[request.company_id],
                }
                for request in requests
            ],
            activity_type="aftersales_repair.mail_activity_same_day_promise",
        )
        requests._write_process({"same_day_reminded": True})
        return len(requests)

    @api.model
    @in_company_lang
    def _cron_remind_same_day(self, batch_size=500):
        """In the evening (company's local time): today's calls still open
        and without a promise get an activity for their technician, or the
        zone's supervisor when nobody is dispatched. Once per request."""
        today_domain = self._same_day_today_domain()
        return self._run_batches(lambda: self._remind_same_day_batch(today_domain, batch_size))

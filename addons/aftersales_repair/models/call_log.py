# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import UTC

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from odoo.addons.aftersales_base.roles import DESK

CALL_TYPES = [
    ("consultation", "Consultation"),
    ("repair", "Repair"),
    ("complaint", "Complaint"),
    ("other", "Other"),
]
CALL_STATES = [("open", "Open"), ("done", "Answered"), ("converted", "Converted")]
# The steps of a call (X6): from a state, the states _set_state may move it to.
CALL_TRANSITIONS = {
    "open": ("done", "converted"),
    "done": ("open", "converted"),
    "converted": (),
}
# Free text of a call: bounded (what is said on the phone fits in these).
CALL_TEXT_LIMITS = {
    "caller_name": 200,
    "caller_phone": 64,
    "question": 4000,
    "answer": 4000,
}


def phone_key(number):
    """The national digits of a phone number (I5): "+86 138-0000-0000",
    "0086 13800000000" and "13800000000" give "13800000000"; a landline's
    trunk 0 goes too ("0571-8888 8888" and "+86 571 8888 8888" give
    "57188888888"). Empty for a text without digits."""
    digits = re.sub(r"\D", "", number or "")
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) > 11:
        digits = digits[2:]
    return digits.lstrip("0")


class AftersalesCallLog(models.Model):
    """The hotline log (I5, 7×24 guidance): every inbound call logged in
    seconds by the clerk who took it (who called, found by the phone number;
    what kind of call; what was asked and answered; how long), numbered;
    turned into a service request (or, with complaints installed, into a
    complaint) in one click, once. A call to be called back carries a
    "call back" activity for its clerk, or the clerk's deputy when he is
    absent."""

    _name = "aftersales.call.log"
    _description = "Hotline Call"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.activity.mixin",
        "aftersales.batch.mixin",
        "aftersales.numbered.mixin",
        "aftersales.process.mixin",
    ]
    _sequence_code = "aftersales.call.log"
    _order = "date_received desc, id desc"
    _check_company_auto = True
    _process_fields = ("state", "request_id")

    state = fields.Selection(
        CALL_STATES,
        default="open",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Clerk",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
    )
    date_received = fields.Datetime(
        string="Received At", required=True, index=True, default=fields.Datetime.now
    )
    date_received_local = fields.Char(
        string="Received (Company Time)", compute="_compute_date_received_local"
    )
    call_day = fields.Date(
        string="Day",
        compute="_compute_call_day",
        store=True,
        index=True,
        help="The day of the call in the company's time zone.",
    )
    call_hour = fields.Integer(
        string="Hour",
        compute="_compute_call_day",
        store=True,
        aggregator=False,
        help="The hour of the call in the company's time zone (0-23).",
    )
    caller_phone = fields.Char(string="Caller's Phone", tracking=True)
    caller_name = fields.Char(string="Caller's Name")
    partner_id = fields.Many2one(
        "res.partner",
        string="Caller",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="Found by the phone number (phone or mobile, written in any way).",
    )
    call_type = fields.Selection(
        CALL_TYPES, string="Type", required=True, default="consultation", tracking=True
    )
    question = fields.Text(string="Asked")
    answer = fields.Text(string="Answered")
    duration = fields.Float(string="Duration (min)", help="Length of the call in minutes.")
    callback_date = fields.Date(
        string="Call Back On",
        tracking=True,
        help="Schedules a call-back for the clerk (his deputy when he is absent).",
    )
    request_id = fields.Many2one(
        "aftersales.service.request",
        string="Service Request",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )

    _duration_positive = models.Constraint(
        "CHECK(duration IS NULL OR duration >= 0)", "A call's duration cannot be negative."
    )

    # -- computes -------------------------------------------------------------
    @api.depends("date_received", "company_id")
    def _compute_date_received_local(self):
        for call in self:
            company = call.company_id or self.env.company
            call.date_received_local = company._aftersales_format_datetime(call.date_received)

    @api.depends("date_received", "company_id")
    def _compute_call_day(self):
        for call in self:
            if not call.date_received:
                call.call_day = False
                call.call_hour = 0
                continue
            company = call.company_id or self.env.company
            local = call.date_received.replace(tzinfo=UTC).astimezone(company._aftersales_tz())
            call.call_day = local.date()
            call.call_hour = local.hour

    @api.depends("caller_phone")
    def _compute_partner_id(self):
        keys = {call.caller_phone: phone_key(call.caller_phone) for call in self}
        found = self.env["res.partner"]._aftersales_find_by_phones(
            [key for key in keys.values() if key]
        )
        for call in self:
            key = keys[call.caller_phone]
            if key and found.get(key):
                call.partner_id = found[key]
            elif not call.partner_id:
                call.partner_id = False

    # -- rules ----------------------------------------------------------------
    @api.constrains(*CALL_TEXT_LIMITS)
    def _check_text_limits(self):
        for call in self:
            for name, limit in CALL_TEXT_LIMITS.items():
                if call[name] and len(call[name]) > limit:
                    raise ValidationError(
                        self.env._(
                            "%(field)s is limited to %(limit)s characters.",
                            field=self._fields[name].get_description(self.env)["string"],
                            limit=limit,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        calls = super().create(vals_list)
        calls.filtered("callback_date")._schedule_callbacks()
        return calls

    def write(self, vals):
        result = super().write(vals)
        if vals.get("callback_date"):
            self._schedule_callbacks()
        return result

    # -- follow-ups and deputies -----------------------------------------------
    def _callback_summary(self):
        return self.env._("Call back")

    def _schedule_callbacks(self):
        """One open "call back" activity per call, for its clerk or, when he
        is absent, his deputy (I5); a new date moves the open one."""
        call_type = self.env.ref("mail.mail_activity_data_call")
        takers = self.env["hr.employee"]._aftersales_followup_users(
            [(call.company_id, call.user_id) for call in self]
        )
        open_activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", call_type.id),
                ]
            )
        )
        by_call = {activity.res_id: activity for activity in open_activities}
        entries = []
        for call in self:
            user = takers.get((call.company_id, call.user_id), call.user_id)
            activity = by_call.get(call.id)
            if activity:
                activity.write({"date_deadline": call.callback_date, "user_id": user.id})
                continue
            entries.append(
                {
                    "record": call,
                    "user": user,
                    "summary": call._callback_summary(),
                    "date_deadline": call.callback_date,
                }
            )
        self._aftersales_schedule_activities(entries, "mail.mail_activity_data_call")
        return True

    @api.model
    def _cron_reassign_followups(self, batch_size=500):
        """Daily (I5): the open call-backs of clerks who are absent today
        (marked absent, or on validated time off) go to their deputies;
        batched, locked, rerun-safe (a reassigned call-back is no longer
        the absent clerk's)."""
        call_type = self.env.ref("mail.mail_activity_data_call")
        Activity = self.env["mail.activity"].sudo()
        holders = Activity._read_group(
            [("res_model", "=", self._name), ("activity_type_id", "=", call_type.id)],
            ["user_id"],
        )
        users = self.env["res.users"].browse([user.id for (user,) in holders])
        if not users:
            return 0
        companies = users.sudo().company_ids
        takers = self.env["hr.employee"]._aftersales_followup_users(
            [(company, user) for company in companies for user in users]
        )
        takers = {key: taker for key, taker in takers.items() if taker != key[1]}
        if not takers:
            return 0
        by_company = {}
        for company, user in takers:
            by_company.setdefault(company.id, []).append(user.id)
        activity_domain = Domain.OR(
            Domain("company_id", "=", company_id)
            & Domain(
                "activity_ids",
                "any",
                [("user_id", "in", user_ids), ("activity_type_id", "=", call_type.id)],
            )
            for company_id, user_ids in by_company.items()
        )
        Call = self.sudo()

        def process_batch():
            calls = Call._locked_batch(activity_domain, batch_size)
            if not calls:
                return 0
            activities = Activity.search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", calls.ids),
                    ("activity_type_id", "=", call_type.id),
                ]
            )
            companies_of = {call.id: call.company_id for call in calls}
            moved = {}
            for activity in activities:
                taker = takers.get((companies_of[activity.res_id], activity.user_id))
                if taker:
                    moved.setdefault(taker, Activity)
                    moved[taker] |= activity
            for taker, group in moved.items():
                group.with_context(mail_activity_quick_update=True).write({"user_id": taker.id})
            return len(calls)

        return Call._run_batches(process_batch)

    # -- steps ----------------------------------------------------------------
    def _set_state(self, state, target=None):
        """The one way a call changes step (I5, X6): open ⇄ answered, and
        open or answered → converted (once, linked to what it became). Only
        the service desk (and above) does it."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        self._ensure_role(DESK, self.env._("change the step of a call"))
        for call in self:
            if state not in CALL_TRANSITIONS[call.state]:
                if call.state == "converted":
                    raise UserError(
                        self.env._(
                            "%(call)s was already turned into %(what)s: a call is converted once.",
                            call=call.name,
                            what=call._converted_to().display_name,
                        )
                    )
                raise UserError(
                    self.env._(
                        "%(call)s is “%(state)s”: it cannot become “%(new)s”.",
                        call=call.name,
                        state=labels[call.state],
                        new=labels.get(state, state),
                    )
                )
        vals = {"state": state}
        if target is not None:
            vals[self._conversion_fields()[target._name]] = target.id
        self._write_process(vals)
        if state == "done":
            self.activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_call")
            ).sudo().action_feedback(feedback=self.env._("Answered"))
        return True

    def _conversion_fields(self):
        """{model: field of the call pointing at what it became}."""
        return {"aftersales.service.request": "request_id"}

    def _converted_to(self):
        """What the call became (a service request; a complaint in the
        complaints bridge)."""
        self.ensure_one()
        return self.request_id

    def action_done(self):
        return self._set_state("done")

    def action_reopen(self):
        return self._set_state("open")

    def _request_values(self):
        """A service request filled from the call (I5): the caller, his
        zone, what he said, when he called."""
        self.ensure_one()
        values = {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "channel": "phone",
            "date_call": self.date_received,
            "fault_description": self.question or "",
            "call_log_id": self.id,
        }
        if self.partner_id:
            zone = self.env["aftersales.service.request"]._partner_zones(
                self.partner_id, self.company_id
            )[self.partner_id]
            if zone:
                values["zone_id"] = zone.id
        return values

    def _ensure_convertible(self):
        self._ensure_role(DESK, self.env._("turn a call into a service request or complaint"))
        for call in self:
            if call.state == "converted":
                call._set_state("converted")  # raises the "already converted" message
        return True

    def action_create_request(self):
        """One click: the call becomes a service request, prefilled. When
        all it needs is known, the request is registered at once; otherwise
        its form opens prefilled and saving it converts the call."""
        self.ensure_one()
        self._ensure_convertible()
        values = self._request_values()
        Request = self.env["aftersales.service.request"]
        if values.get("partner_id") and values.get("zone_id") and values["fault_description"]:
            request = Request.create([values])
            return request._get_records_action(name=self.env._("Service Request"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Service Request"),
            "res_model": Request._name,
            "view_mode": "form",
            "target": "current",
            "context": {f"default_{key}": value for key, value in values.items() if value},
        }

    def action_view_request(self):
        self.ensure_one()
        return self.request_id._get_records_action(name=self.env._("Service Request"))


class AftersalesCallLogSource(models.AbstractModel):
    """A document a hotline call is turned into (I5): it points back at the
    call, converted by the document's creation; the link is written by that
    step only. The document declares the unique index on ``call_log_id``."""

    _name = "aftersales.call.log.source"
    _description = "Registered From a Hotline Call"

    call_log_id = fields.Many2one(
        "aftersales.call.log",
        string="Hotline Call",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        # the call comes from the values or from the prefilled form's
        # defaults; either way the call is converted by its own step
        default_call = self.env.context.get("default_call_log_id")
        vals_list = [dict(vals) for vals in vals_list]
        call_ids = [vals.pop("call_log_id", default_call) or False for vals in vals_list]
        given = [call_id for call_id in call_ids if call_id]
        calls = self.env["aftersales.call.log"].browse(given)
        if calls:
            if len(set(given)) != len(given):
                raise UserError(self.env._("A hotline call is turned into one document only."))
            calls._ensure_convertible()
        records = (
            super(AftersalesCallLogSource, self.with_context(default_call_log_id=False))
            .create(vals_list)
            .with_env(self.env)
        )
        for record, call_id in zip(records, call_ids, strict=True):
            if call_id:
                record._write_process({"call_log_id": call_id})
                calls.browse(call_id)._set_state("converted", target=record)
        return records

    def write(self, vals):
        if "call_log_id" in vals and not self._process_write_allowed():
            raise self._process_error({"call_log_id"})
        return super().write(vals)


class AftersalesServiceRequest(models.Model):
    """A request registered from a hotline call points back at it (I5)."""

    _name = "aftersales.service.request"
    _inherit = ["aftersales.service.request", "aftersales.call.log.source"]

    _call_log_uniq = models.UniqueIndex(
        "(call_log_id) WHERE call_log_id IS NOT NULL",
        "A hotline call is turned into one service request only.",
    )

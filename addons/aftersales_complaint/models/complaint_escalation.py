# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.aftersales_base.lang import in_company_lang
from odoo.addons.aftersales_base.roles import EXECUTIVE

from .complaint import CLOSED_STATES


# One concept per file: the complaint's register is in complaint.py.
class AftersalesComplaint(models.Model):
    """Timeliness (C11): each step has a deadline in working hours; a step
    past it escalates once to the service manager, or to the executives for
    a serious complaint; a serious complaint reaches the executives at once;
    the service manager personally contacts every complaining customer."""

    _inherit = "aftersales.complaint"  # pylint: disable=consider-merging-classes-inherited

    date_stage_start = fields.Datetime(string="Step Started", readonly=True, copy=False)
    stage_deadline = fields.Datetime(
        string="Step Deadline", readonly=True, copy=False, index=True, tracking=True
    )
    stage_escalated = fields.Boolean(readonly=True, copy=False)
    escalation_count = fields.Integer(readonly=True, copy=False)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    late_user_ids = fields.Many2many(
        "res.users",
        "aftersales_complaint_late_user_rel",
        "complaint_id",
        "user_id",
        string="Let It Run Late",
        readonly=True,
        copy=False,
        help="Owners of steps that ran past their deadline (C8).",
    )
    executive_notified = fields.Boolean(readonly=True, copy=False)

    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for complaint in self:
            complaint.is_overdue = bool(
                complaint.stage_deadline
                and complaint.state not in CLOSED_STATES
                and complaint.stage_deadline < now
            )

    def _search_is_overdue(self, operator, value):
        # Odoo hands a boolean search over as ``in`` (``not in`` is derived).
        if operator != "in":
            return NotImplemented
        overdue = Domain("state", "not in", CLOSED_STATES) & Domain(
            "stage_deadline", "<", fields.Datetime.now()
        )
        if True in value and False in value:
            return Domain.TRUE
        # ``~`` negates the whole condition, not only its first term.
        return overdue if True in value else ~overdue

    def _stage_values(self, state, start):
        """Deadline values of each complaint entering ``state`` at ``start``,
        planned on the time base of its company (T1)."""
        if state in CLOSED_STATES:
            return {cid: {"stage_deadline": False, "stage_escalated": False} for cid in self.ids}
        deadlines = self._stage_deadlines(state, dict.fromkeys(self, start))
        return {
            complaint.id: {
                "date_stage_start": start,
                "stage_escalated": False,
                "stage_deadline": deadlines[complaint],
            }
            for complaint in self
        }

    def _stage_deadlines(self, state, starts):
        """``{complaint: deadline}`` of the step ``state`` begun at
        ``starts[complaint]``, on the working time of the complaint's company
        (its calendar, public holidays and make-up days, T1): one batch per
        calendar and company, whatever the number of complaints."""
        hours = (
            self.env["aftersales.complaint.stage.deadline"]
            .sudo()
            .search([("state", "=", state)], limit=1)
            .hours
        )
        result = dict.fromkeys(starts, False)
        batches = {}
        for complaint, start in starts.items():
            company = complaint.company_id
            calendar = company.resource_calendar_id
            if hours and calendar and start:
                batches.setdefault((calendar, company), []).append(complaint)
        for (calendar, company), complaints in batches.items():
            ends = calendar._aftersales_plan_hours_batch(
                [(starts[complaint], hours) for complaint in complaints], company
            )
            result.update(zip(complaints, ends, strict=True))
        return result

    @api.model
    def _recompute_stage_deadlines(self, company, date_from):
        """The working time of ``company`` changed from its local day
        ``date_from`` on (a public holiday, a make-up day or a closure was
        entered, changed or removed): the open complaints whose step deadline
        falls after it get the deadline the step has now, counted from the
        step's start (T1). Closed complaints keep theirs; an escalation
        already made stands. One plan per step, one log for all."""
        complaints = self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("state", "not in", CLOSED_STATES),
                ("date_stage_start", "!=", False),
                ("stage_deadline", ">=", company._aftersales_day_start(date_from)),
            ]
        )
        moved = self.browse()
        for state, group in complaints.grouped("state").items():
            deadlines = group._stage_deadlines(state, {c: c.date_stage_start for c in group})
            with group._process_writing():
                for complaint, deadline in deadlines.items():
                    if complaint.stage_deadline != deadline:
                        complaint.with_context(tracking_disable=True).stage_deadline = deadline
                        moved |= complaint
        if moved:
            body = self.env._("Step deadline moved: the working time changed (public holidays).")
            moved._message_log_batch(dict.fromkeys(moved.ids, body))
        return moved

    def _set_state(self, state, values=None):
        result = super()._set_state(state, values)
        self._apply_stage_values(state, fields.Datetime.now())
        return result

    def _apply_stage_values(self, state, start):
        """The deadline of the step just entered (part of the transition)."""
        values = self._stage_values(state, start)
        groups = {}
        for complaint in self:
            key = tuple(sorted(values[complaint.id].items()))
            groups.setdefault(key, self.browse())
            groups[key] |= complaint
        for key, complaints in groups.items():
            complaints._write_process(dict(key))

    @api.model_create_multi
    def create(self, vals_list):
        complaints = super().create(vals_list)
        for complaint in complaints:
            complaint._apply_stage_values(complaint.state, complaint.date_received)
        complaints._assign_service_manager()
        complaints.filtered(lambda c: c.severity == "serious")._notify_executives()
        return complaints

    def write(self, vals):
        # the complaint's one write(): decided fields stay as decided (C3,
        # C5, C6, C8), a complaint turned serious goes to the executives (C11)
        self._check_decided_fields(vals)
        result = super().write(vals)
        if vals.get("severity") == "serious":
            self.filtered(lambda c: not c.executive_notified)._notify_executives()
        return result

    def _assign_service_manager(self):
        """C11: the service manager personally contacts every complaining
        customer: a 'contact the customer' activity for each complaint."""
        self._aftersales_schedule_activities(
            [
                {
                    "record": complaint,
                    "user": complaint.company_id.sudo()._aftersales_service_manager(),
                    "summary": self.env._("Contact the customer"),
                }
                for complaint in self
            ],
            activity_type="mail.mail_activity_data_call",
        )

    def _notify_executives(self):
        """C11/V4: a serious complaint goes to the executives at once."""
        if not self:
            return
        executives = (
            self.env.ref(EXECUTIVE).sudo().user_ids.filtered(lambda u: not u.share and u.active)
        )
        self._aftersales_schedule_activities(
            [
                {
                    "record": complaint,
                    "user": user,
                    "summary": self.env._("Serious complaint"),
                }
                for complaint in self
                for user in executives
                if complaint.company_id in user.company_ids
            ]
        )
        for complaint in self:
            complaint.message_post(
                body=self.env._("Serious complaint: reported to the executives at once."),
                partner_ids=executives.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
        self.sudo()._write_process({"executive_notified": True})

    # -- the scheduled escalation -----------------------------------------
    def _step_owner(self):
        self.ensure_one()
        return self.user_id or self.company_id.sudo()._aftersales_service_manager()

    @api.model
    def _escalate_overdue_batch(self, now, limit):
        complaints = self._locked_batch(
            [
                ("state", "not in", CLOSED_STATES),
                ("stage_escalated", "=", False),
                ("stage_deadline", "<", now),
            ],
            limit,
        )
        if not complaints:
            return 0
        executives = self.env.ref(EXECUTIVE).sudo().user_ids.filtered(lambda u: not u.share)
        activities = []
        for complaint in complaints:
            if complaint.severity == "serious":
                targets = executives.filtered(lambda u, c=complaint: c.company_id in u.company_ids)
            else:
                targets = complaint.company_id.sudo()._aftersales_service_manager()
            activities += [
                {
                    "record": complaint,
                    "user": user,
                    "summary": self.env._("Complaint step overdue"),
                }
                for user in targets
            ]
        self._aftersales_schedule_activities(activities)
        # Whoever owned the late step is remembered for the penalties (C8).
        for owner, group in complaints.grouped(lambda c: c._step_owner()).items():
            group.with_context(tracking_disable=True)._write_process(
                {"late_user_ids": [fields.Command.link(owner.id)]}
            )
        for count, group in complaints.grouped("escalation_count").items():
            group._write_process({"stage_escalated": True, "escalation_count": count + 1})
        body = self.env._("Step past its deadline: escalated.")
        complaints._message_log_batch(dict.fromkeys(complaints.ids, body))
        return len(complaints)

    @api.model
    @in_company_lang
    def _cron_escalate_overdue(self, batch_size=500):
        now = fields.Datetime.now()
        return self._run_batches(lambda: self._escalate_overdue_batch(now, batch_size))

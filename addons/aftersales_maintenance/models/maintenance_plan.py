# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.aftersales_base.lang import in_company_lang
from odoo.addons.aftersales_base.roles import MANAGER, SUPERVISOR

INTERVAL_UNITS = [
    ("day", "Days"),
    ("week", "Weeks"),
    ("month", "Months"),
    ("per_year", "Times per Year"),
    ("months_list", "Months after the Start (list)"),
]
PLAN_STATES = [("running", "Running"), ("ended", "Ended")]
# the jobs of a plan that are cancelled when the plan ends early: not started
NOT_STARTED = ("to_approve", "to_dispatch", "dispatched")
# a bound to the due dates a plan walks through (a daily plan over 30 years)
MAX_DUES = 11000


def parse_months(text):
    """The months of a list such as "1, 6, 18": sorted, without repeats;
    ValueError on anything but positive whole numbers."""
    months = set()
    for part in (text or "").replace("，", ",").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or int(part) <= 0:
            raise ValueError(part)
        months.add(int(part))
    return sorted(months)


class AftersalesMaintenancePlan(models.Model):
    """A maintenance plan (P1, P3: 保养计划): the visits a contract, a serial
    or a warranty certificate promises, at an interval (every N days, weeks or
    months, N times a year) or at listed months after the start (return
    visits). A daily scheduled action creates each visit ``lead_days`` before
    its due date as a normal service request, dispatched by the normal
    dispatch. The due dates a plan has reached (``date_last_due``), and its
    state, are written only by its steps and by the scheduled action."""

    _name = "aftersales.maintenance.plan"
    _description = "Maintenance Plan"
    _inherit = [
        "mail.thread",
        "aftersales.batch.mixin",
        "aftersales.numbered.mixin",
        "aftersales.process.mixin",
    ]
    _sequence_code = "aftersales.maintenance.plan"
    _process_fields = ("state", "date_last_due")
    _order = "date_next, id"
    _check_company_auto = True

    title = fields.Char(
        string="Description", translate=True, tracking=True, help="E.g. Half-yearly inspection."
    )
    active = fields.Boolean(default=True, tracking=True)
    state = fields.Selection(
        PLAN_STATES, default="running", required=True, readonly=True, copy=False, tracking=True
    )
    contract_id = fields.Many2one(
        "aftersales.maintenance.contract",
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    certificate_id = fields.Many2one(
        "aftersales.warranty.certificate",
        string="Warranty Certificate",
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
        help="A plan of return visits or inspections during this warranty (P3).",
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        index=True,
        tracking=True,
        compute="_compute_from_origin",
        store=True,
        readonly=False,
        precompute=True,
    )
    product_id = fields.Many2one(related="lot_id.product_id", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        compute="_compute_from_origin",
        store=True,
        readonly=False,
        precompute=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        compute="_compute_from_origin",
        store=True,
        readonly=False,
        precompute=True,
    )
    request_type_id = fields.Many2one(
        "aftersales.request.type",
        string="Job Type",
        required=True,
        tracking=True,
        default=lambda self: self.env.ref(
            "aftersales_maintenance.request_type_maintenance", raise_if_not_found=False
        ),
    )
    interval_unit = fields.Selection(
        INTERVAL_UNITS, string="Every", required=True, default="month", tracking=True
    )
    interval_number = fields.Integer(
        string="Interval",
        required=True,
        default=6,
        tracking=True,
        help="Every N days / weeks / months, or N times per year.",
    )
    visit_months = fields.Char(
        string="Months after the Start",
        tracking=True,
        help="Visits at these months after the start, e.g. 1, 6, 18 (return visits).",
    )
    date_start = fields.Date(
        string="Start Date",
        required=True,
        tracking=True,
        compute="_compute_from_origin",
        store=True,
        readonly=False,
        precompute=True,
        help="The first visit is due on this day (for an interval plan), then one every "
        "interval from it.",
    )
    date_end = fields.Date(
        string="End Date",
        tracking=True,
        compute="_compute_from_origin",
        store=True,
        readonly=False,
        precompute=True,
        help="No visit is due after this day (the contract's or the warranty's end).",
    )
    lead_days = fields.Integer(
        string="Lead Time (days)",
        default=14,
        tracking=True,
        help="The job is created this many days before its due date.",
    )
    checklist_template_id = fields.Many2one(
        "aftersales.checklist.template",
        string="Inspection Checklist",
        check_company=True,
        compute="_compute_checklist_template_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Preferred Technician",
        tracking=True,
        domain="[('share', '=', False)]",
        help="The jobs are dispatched to him when he serves the zone and is certified for "
        "the product; else they wait on the dispatch board.",
    )
    zone_id = fields.Many2one(
        "aftersales.zone",
        tracking=True,
        check_company=True,
        compute="_compute_zone_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    date_last_due = fields.Date(
        string="Last Due Date Reached",
        readonly=True,
        copy=False,
        help="The scheduled action has created (or passed) the jobs due up to this day.",
    )
    date_next = fields.Date(
        string="Next Due Date", compute="_compute_date_next", store=True, index=True
    )
    date_next_job = fields.Date(
        string="Next Job Created On",
        compute="_compute_date_next",
        store=True,
        index=True,
        help="The day the job of the next due date is created (lead time before it).",
    )
    upcoming_dates = fields.Char(string="Upcoming Due Dates", compute="_compute_upcoming")
    job_ids = fields.One2many(
        "aftersales.service.request", "maintenance_plan_id", string="Planned Jobs"
    )
    job_count = fields.Integer(compute="_compute_job_count")
    predecessor_id = fields.Many2one(
        "aftersales.maintenance.plan",
        readonly=True,
        copy=False,
        index=True,
        help="The plan of the previous contract term this one continues.",
    )

    _interval_positive = models.Constraint(
        "CHECK(interval_number > 0)", "The interval of a plan must be positive."
    )
    _lead_positive = models.Constraint(
        "CHECK(lead_days >= 0)", "The lead time of a plan cannot be negative."
    )
    _dates_order = models.Constraint(
        "CHECK(date_end IS NULL OR date_end >= date_start)",
        "A maintenance plan cannot end before it starts.",
    )
    _origin_given = models.Constraint(
        "CHECK(contract_id IS NOT NULL OR lot_id IS NOT NULL OR certificate_id IS NOT NULL)",
        "A maintenance plan is for a contract, a serial number or a warranty certificate.",
    )

    # -- defaults from the contract / certificate ---------------------------
    @api.depends("contract_id", "certificate_id")
    def _compute_from_origin(self):
        for plan in self:
            origin = plan.contract_id or plan.certificate_id
            if not origin:
                continue
            if not plan.partner_id:
                plan.partner_id = origin.partner_id
            plan.company_id = origin.company_id
            if not plan.date_start:
                plan.date_start = origin.date_start
            if not plan.date_end:
                plan.date_end = origin.date_end
            if not plan.lot_id:
                lots = plan.certificate_id.lot_id or plan.contract_id.lot_ids
                plan.lot_id = lots if len(lots) == 1 else False

    @api.depends("request_type_id", "company_id")
    def _compute_checklist_template_id(self):
        for plan in self:
            if not plan.checklist_template_id and plan.request_type_id:
                plan.checklist_template_id = plan.request_type_id._checklist_for_company(
                    plan.company_id
                )

    @api.depends("partner_id", "company_id")
    def _compute_zone_id(self):
        requests = self.env["aftersales.service.request"]
        for company, plans in (
            self.filtered(lambda p: p.partner_id and not p.zone_id).grouped("company_id").items()
        ):
            zones = requests._partner_zones(plans.partner_id, company)
            for plan in plans:
                plan.zone_id = zones.get(plan.partner_id) or False

    # -- the due dates -------------------------------------------------------
    def _due_date(self, k):
        """The ``k``-th due date of the plan (0 is the first), always counted
        from the start, so that a plan from 31 January is due on 28/29
        February, 31 March, 30 April... (months of 28 to 31 days)."""
        self.ensure_one()
        start, number = self.date_start, self.interval_number
        if self.interval_unit == "day":
            return start + timedelta(days=k * number)
        if self.interval_unit == "week":
            return start + timedelta(weeks=k * number)
        if self.interval_unit == "month":
            return start + relativedelta(months=k * number)
        if self.interval_unit == "per_year":
            if 12 % number == 0:
                return start + relativedelta(months=k * (12 // number))
            years, rest = divmod(k, number)
            return start + relativedelta(years=years) + timedelta(days=round(rest * 365 / number))
        months = self._visit_months()
        return start + relativedelta(months=months[k]) if k < len(months) else None

    def _visit_months(self):
        self.ensure_one()
        try:
            return parse_months(self.visit_months)
        except ValueError:
            return []

    def _due_dates(self, after=None, until=None, limit=MAX_DUES, bounded=True):
        """The due dates of the plan after ``after`` (excluded), up to
        ``until`` and the plan's end (included; ``bounded=False``: past its
        end), at most ``limit``."""
        self.ensure_one()
        dates = []
        if not self.date_start:
            return dates
        for k in range(MAX_DUES):
            due = self._due_date(k)
            if due is None or (bounded and self.date_end and due > self.date_end):
                break
            if until and due > until:
                break
            if after and due <= after:
                continue
            dates.append(due)
            if len(dates) >= limit:
                break
        return dates

    @api.depends(
        "state",
        "date_start",
        "date_end",
        "interval_unit",
        "interval_number",
        "visit_months",
        "lead_days",
        "date_last_due",
    )
    def _compute_date_next(self):
        for plan in self:
            nexts = plan._due_dates(after=plan.date_last_due, limit=1)
            plan.date_next = nexts[0] if nexts and plan.state == "running" else False
            plan.date_next_job = (
                plan.date_next - timedelta(days=plan.lead_days) if plan.date_next else False
            )

    @api.depends("date_next")
    def _compute_upcoming(self):
        for plan in self:
            dates = plan._due_dates(after=plan.date_last_due, limit=6) if plan.date_next else []
            plan.upcoming_dates = ", ".join(fields.Date.to_string(d) for d in dates)

    @api.depends("job_ids")
    def _compute_job_count(self):
        counts = dict(
            self.env["aftersales.service.request"]._read_group(
                [("maintenance_plan_id", "in", self.ids)], ["maintenance_plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.job_count = counts.get(plan, 0)

    @api.constrains("interval_unit", "visit_months")
    def _check_visit_months(self):
        for plan in self:
            if plan.interval_unit != "months_list":
                continue
            try:
                months = parse_months(plan.visit_months)
            except ValueError as error:
                raise ValidationError(
                    self.env._(
                        "“%(value)s” is not a number of months: list the months after the "
                        "start as whole numbers, e.g. 1, 6, 18.",
                        value=error.args[0],
                    )
                ) from None
            if not months:
                raise ValidationError(
                    self.env._("List the months after the start of the visits, e.g. 1, 6, 18.")
                )

    def _compute_display_name(self):
        for plan in self:
            plan.display_name = " ".join(filter(None, [plan.name, plan.title])) or plan.name

    # -- the steps (X6) ----------------------------------------------------------
    def _set_state(self, state, extra_vals=None):
        """The one way a plan changes state: a supervisor or a service
        manager ends it (its contract's or certificate's steps end it as
        the suite's own code); an ended plan does not start again."""
        if state != "ended":
            raise UserError(self.env._("A maintenance plan is running from its creation."))
        label = self.env._("end the maintenance plan")
        self._ensure_state(("running",), label)
        self._ensure_role((SUPERVISOR, MANAGER), label)
        self._write_process(dict(extra_vals or {}, state="ended"))
        return True

    def action_end(self):
        """End the plan today: no more jobs; its jobs not started yet are
        cancelled through their own step."""
        self._set_state("ended")
        self._cancel_future_jobs(self.env._("The maintenance plan %s ended."))
        return True

    def _cancel_future_jobs(self, reason):
        """Cancels, through the request's own step, the planned jobs of
        ``self`` not started yet, each with a note saying why (``reason``
        formatted with the plan's number)."""
        jobs = self.job_ids.filtered(lambda j: j.state in NOT_STARTED)
        if not jobs:
            return jobs
        jobs.sudo().with_context(tracking_disable=True)._set_state("cancelled")
        jobs.sudo()._message_log_batch(
            {job.id: reason % job.maintenance_plan_id.name for job in jobs}
        )
        return jobs

    def action_view_jobs(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "aftersales_maintenance.action_planned_jobs"
        )
        action["domain"] = [("maintenance_plan_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # -- the scheduled action ---------------------------------------------------
    def _prepare_job_vals(self, due):
        """The service request of the visit due on ``due``."""
        self.ensure_one()
        env = self.with_context(lang=self.company_id._aftersales_lang()).env
        kind = self.request_type_id.name
        description = env._(
            "%(kind)s planned by %(plan)s, due on %(due)s.",
            kind=kind,
            plan=self.display_name,
            due=fields.Date.to_string(due),
        )
        vals = {
            "maintenance_plan_id": self.id,
            "date_due": due,
            "request_type_id": self.request_type_id.id,
            "channel": "plan",
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "fault_description": description,
            "checklist_template_id": self.checklist_template_id.id,
        }
        if self.zone_id:
            vals["zone_id"] = self.zone_id.id
        if self.lot_id:
            vals["lot_id"] = self.lot_id.id
            vals["product_id"] = self.lot_id.product_id.id
        if self.contract_id:
            vals["contract_id"] = self.contract_id.id
            vals["service_category"] = "contract"
        elif self.certificate_id:
            vals["certificate_id"] = self.certificate_id.id
            vals["service_category"] = "free"
        return vals

    @api.model
    def _generate_batch(self, today, limit):
        """Creates the jobs of at most ``limit`` plans whose next job is due
        to be created (``lead_days`` before its due date) by ``today``; a
        due date already in the past when it is reached is skipped (noted
        on the plan), not created late. The plans are locked (SKIP LOCKED:
        another worker's plans are left to it) and a unique index on (plan,
        due date) makes a second job impossible however often and on however
        many workers this runs. The same queries for 1 or ``limit`` plans.
        Returns how many plans were handled."""
        plans = self._locked_batch(
            [
                ("state", "=", "running"),
                ("date_next_job", "!=", False),
                ("date_next_job", "<=", today),
                "|",
                ("certificate_id", "=", False),
                ("certificate_id.state", "=", "active"),
            ],
            limit,
        )
        if not plans:
            return 0
        plans = plans.sudo()
        vals_list, reached, skipped = [], {}, {}
        for plan in plans:
            dues = plan._due_dates(
                after=plan.date_last_due, until=today + timedelta(days=plan.lead_days)
            )
            for due in dues:
                if due < today:
                    skipped.setdefault(plan.id, []).append(due)
                else:
                    vals_list.append(plan._prepare_job_vals(due))
            reached[plan] = dues[-1] if dues else plan.date_next
        jobs = (
            self.env["aftersales.service.request"]
            .sudo()
            .with_context(mail_create_nolog=True, tracking_disable=True)
            ._create_process(vals_list)
        )
        for plan in plans:
            plan._write_process({"date_last_due": reached[plan]})
        jobs._dispatch_to_preferred()
        if skipped:
            plans.browse(list(skipped))._message_log_batch(
                {
                    plan_id: self.env._(
                        "Due dates already past when the plan reached them, no job created: %s",
                        ", ".join(fields.Date.to_string(d) for d in dates),
                    )
                    for plan_id, dates in skipped.items()
                }
            )
        return len(plans)

    @api.model
    @in_company_lang
    def _cron_generate_jobs(self, batch_size=200):
        today = self.env.company._aftersales_today()
        return self._run_batches(lambda: self._generate_batch(today, batch_size))

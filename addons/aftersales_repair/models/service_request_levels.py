# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from typing import NamedTuple

from odoo import api, fields, models
from odoo.fields import Domain

SLA_STATUSES = [
    ("on_track", "On Track"),
    ("at_risk", "At Risk"),
    ("breached", "Breached"),
    ("met", "Met"),
]
# The share of a level's time after which a request not yet served is at risk.
AT_RISK_SHARE = 0.75


class ServiceLevel(NamedTuple):
    """The fields of one service level of a request."""

    deadline: str
    warning: str
    met_at: str
    met: str
    status: str
    escalated: str


# T2: the three service levels of a request. The arrival level keeps the
# sla_* names it had (S4): the scorecards and reports read them.
LEVELS = {
    "response": ServiceLevel(
        "response_deadline",
        "response_warning_at",
        "date_responded",
        "response_met",
        "response_status",
        "response_escalated",
    ),
    "arrival": ServiceLevel(
        "sla_deadline", "sla_warning_at", "date_arrival", "sla_met", "sla_status", "sla_escalated"
    ),
    "resolution": ServiceLevel(
        "resolution_deadline",
        "resolution_warning_at",
        "date_resolved",
        "resolution_met",
        "resolution_status",
        "resolution_escalated",
    ),
}
DEADLINE_FIELDS = tuple(f for level in LEVELS.values() for f in (level.deadline, level.warning))
# A step that records the first of these moments also meets the level:
# arriving is a contact with the customer, the job done is its resolution.
MEETS_ON_THE_WAY = {"date_arrival": "date_responded", "date_done": "date_resolved"}


class AftersalesServiceRequest(models.Model):
    """The three service levels of a request (T2): response (the first
    contact with the customer), arrival (S4) and resolution, each with its
    deadline on the time base (T1: the zone's or the contract's hours, 7×24
    for a major fault), the moment it is at risk, the moment it was met and
    its status. The deadlines are fixed at the call: a later change of the
    zone or the contract applies to the next calls; holidays entered later
    move the deadlines of the open requests only (resource_calendar.py)."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited

    # -- response ------------------------------------------------------------
    response_deadline = fields.Datetime(
        compute="_compute_level_deadlines", store=True, precompute=True, index=True
    )
    response_warning_at = fields.Datetime(
        string="Response At Risk From",
        compute="_compute_level_deadlines",
        store=True,
        precompute=True,
    )
    date_responded = fields.Datetime(
        string="Responded At",
        readonly=True,
        copy=False,
        tracking=True,
        help="The first contact with the customer: the Contacted step, a message sent to "
        "the customer from the chatter, or the arrival, whichever came first.",
    )
    response_met = fields.Boolean(compute="_compute_levels_met", store=True, precompute=True)
    response_status = fields.Selection(
        SLA_STATUSES,
        compute="_compute_level_statuses",
        search="_search_response_status",
    )
    response_escalated = fields.Boolean(readonly=True, copy=False)
    # -- arrival (S4) ------------------------------------------------------------
    sla_deadline = fields.Datetime(
        string="Arrival Deadline",
        compute="_compute_level_deadlines",
        store=True,
        precompute=True,
        index=True,
    )
    sla_warning_at = fields.Datetime(
        string="Arrival At Risk From",
        compute="_compute_level_deadlines",
        store=True,
        precompute=True,
    )
    date_arrival = fields.Datetime(string="Arrived At", tracking=True, copy=False)
    sla_met = fields.Boolean(
        string="Arrival Met", compute="_compute_levels_met", store=True, precompute=True
    )
    sla_status = fields.Selection(
        SLA_STATUSES,
        string="Arrival Status",
        compute="_compute_level_statuses",
        search="_search_sla_status",
    )
    sla_escalated = fields.Boolean(string="Arrival Escalated", readonly=True, copy=False)
    # -- resolution --------------------------------------------------------------
    resolution_deadline = fields.Datetime(
        compute="_compute_level_deadlines",
        store=True,
        precompute=True,
        index=True,
        help="Working hours from the call; for a product taken to the workshop, the end "
        "of the day its repair is promised for.",
    )
    resolution_warning_at = fields.Datetime(
        string="Resolution At Risk From",
        compute="_compute_level_deadlines",
        store=True,
        precompute=True,
    )
    date_resolved = fields.Datetime(
        string="Resolved At",
        readonly=True,
        copy=False,
        tracking=True,
        help="The job done on site, or the workshop's repair completed.",
    )
    resolution_met = fields.Boolean(compute="_compute_levels_met", store=True, precompute=True)
    resolution_status = fields.Selection(
        SLA_STATUSES,
        compute="_compute_level_statuses",
        search="_search_resolution_status",
    )
    resolution_escalated = fields.Boolean(readonly=True, copy=False)

    # -- deadlines ---------------------------------------------------------------
    def _service_level_terms(self, major_hours, round_the_clock):
        """``(calendar, {level: hours})`` this request is served on: the
        contract's promise where it makes one, else the zone's; a major fault
        round the clock and answered within the major-fault response time."""
        self.ensure_one()
        zone = self.zone_id.sudo()
        contract = self.contract_id.sudo()
        hours = {
            "response": contract.sla_response_hours or zone.response_sla_hours,
            "arrival": contract.sla_arrival_hours or zone.arrival_sla_hours,
            "resolution": contract.sla_resolution_hours or zone.resolution_sla_hours,
        }
        calendar = contract.sla_calendar_id or zone.resource_calendar_id
        if self.is_major_fault and round_the_clock:
            calendar = round_the_clock
            hours["response"] = min(hours["response"], major_hours)
        return calendar, hours

    @api.depends(
        "date_call",
        "is_major_fault",
        "zone_id",
        "contract_id",
        "company_id",
        "repair_id.aftersales_date_promised",
    )
    def _compute_level_deadlines(self):
        """The three levels' deadlines and warning times, planned on the time
        base one calendar (and company) at a time: no query per request."""
        major_hours = (
            int(
                self.env["ir.config_parameter"]
                .sudo()
                .get_param("aftersales_repair.major_response_minutes", 30)
            )
            / 60
        )
        round_the_clock = self.env["resource.calendar"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id(
                "aftersales_repair.resource_calendar_7x24", raise_if_not_found=False
            )
        )
        planned = defaultdict(list)  # (calendar, company) -> [(request, level, hours)]
        for request in self:
            for name in DEADLINE_FIELDS:
                request[name] = False
            if not (request.date_call and request.zone_id):
                continue
            calendar, hours = request._service_level_terms(major_hours, round_the_clock)
            for level, level_hours in hours.items():
                planned[calendar, request.company_id].append((request, level, level_hours))
        for (calendar, company), jobs in planned.items():
            pairs = [(request.date_call, hours) for request, _level, hours in jobs]
            pairs += [(request.date_call, hours * AT_RISK_SHARE) for request, _l, hours in jobs]
            moments = calendar._aftersales_plan_hours_batch(pairs, company=company or None)
            for (request, level, _hours), deadline, warning in zip(
                jobs, moments[: len(jobs)], moments[len(jobs) :], strict=True
            ):
                request[LEVELS[level].deadline] = deadline
                request[LEVELS[level].warning] = warning
        self._apply_workshop_promise()

    def _apply_workshop_promise(self):
        """A product taken to the workshop is resolved by the end of the day
        its repair is promised for (the company's day); at risk that day."""
        level = LEVELS["resolution"]
        for request in self:
            promised = request.repair_id.aftersales_date_promised
            if promised:
                start, end = request.company_id._aftersales_day_bounds(promised)
                request[level.deadline] = end
                request[level.warning] = start

    def _recompute_level_deadlines(self):
        """Plans the deadlines of ``self`` again (the time base changed), and
        what depends on them (met flags), in one batch."""
        for name in DEADLINE_FIELDS:
            self.env.add_to_compute(self._fields[name], self)
        self.modified(DEADLINE_FIELDS)
        self.flush_recordset()
        return True

    # -- met and status ------------------------------------------------------------
    @api.depends(*(f for level in LEVELS.values() for f in (level.deadline, level.met_at)))
    def _compute_levels_met(self):
        for request in self:
            for level in LEVELS.values():
                met_at, deadline = request[level.met_at], request[level.deadline]
                request[level.met] = bool(met_at and deadline and met_at <= deadline)

    def _level_status(self, level, now):
        """on_track / at_risk / breached / met of one level, at ``now``."""
        self.ensure_one()
        deadline = self[level.deadline]
        if not deadline or self.state == "cancelled":
            return False
        if self[level.met_at]:
            return "met" if self[level.met] else "breached"
        if now > deadline:
            return "breached"
        if self[level.warning] and now >= self[level.warning]:
            return "at_risk"
        return "on_track"

    @api.depends_context("uid")
    @api.depends(
        "state",
        *(
            f
            for level in LEVELS.values()
            for f in (level.deadline, level.warning, level.met_at, level.met)
        ),
    )
    def _compute_level_statuses(self):
        now = fields.Datetime.now()
        for request in self:
            for level in LEVELS.values():
                request[level.status] = request._level_status(level, now)

    @api.model
    def _level_status_domain(self, level, operator, value):
        """The requests whose ``level`` has one of the statuses ``value``."""
        if operator not in ("in", "not in"):
            return NotImplemented
        now = fields.Datetime.now()
        base = Domain(level.deadline, "!=", False) & Domain("state", "!=", "cancelled")
        pending = base & Domain(level.met_at, "=", False)
        served = base & Domain(level.met_at, "!=", False)
        by_status = {
            "met": served & Domain(level.met, "=", True),
            "breached": (served & Domain(level.met, "=", False))
            | (pending & Domain(level.deadline, "<", now)),
            "at_risk": pending
            & Domain(level.deadline, ">=", now)
            & Domain(level.warning, "<=", now),
            "on_track": pending & Domain(level.warning, ">", now),
        }
        domain = Domain.OR(by_status[v] for v in value if v in by_status)
        return domain if operator == "in" else ~domain

    def _search_response_status(self, operator, value):
        return self._level_status_domain(LEVELS["response"], operator, value)

    def _search_sla_status(self, operator, value):
        return self._level_status_domain(LEVELS["arrival"], operator, value)

    def _search_resolution_status(self, operator, value):
        return self._level_status_domain(LEVELS["resolution"], operator, value)

    # -- the steps that meet a level (X6) --------------------------------------------
    def _set_state(self, new_state, extra_vals=None):
        """A step that records the arrival also records the response, one that
        closes the job also its resolution, unless they came earlier: a level
        is met once, never moved later."""
        vals = dict(extra_vals or {})
        implied = {
            target: vals[source] for source, target in MEETS_ON_THE_WAY.items() if vals.get(source)
        }
        if not implied:
            return super()._set_state(new_state, vals)
        for missing, requests in self.grouped(
            lambda r: tuple(name for name in implied if not r[name])
        ).items():
            super(AftersalesServiceRequest, requests)._set_state(
                new_state, dict(vals, **{name: implied[name] for name in missing})
            )
        return True

    def _record_level_met(self, field_name, moment=None):
        """Step: ``field_name`` (date_responded, date_resolved) of the open
        requests of ``self`` that have none yet becomes ``moment``."""
        pending = self.filtered(
            lambda r: not r[field_name] and r.state not in ("done", "cancelled")
        )
        if pending:
            pending._write_process({field_name: moment or fields.Datetime.now()})
        return pending

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from .service_request_levels import LEVELS

BREACH_CAUSES = [
    ("customer_unavailable", "Customer not available"),
    ("waiting_parts", "Waiting for parts"),
    ("technician_overloaded", "Technician overloaded"),
    ("travel", "Travel / traffic"),
    ("wrong_diagnosis", "Wrong diagnosis"),
    ("holiday_missing", "Holiday not in the calendar"),
    ("other", "Other"),
]
BREACH_FIELDS = ("sla_breach_cause", "sla_breach_note")
BREACH_NOTE_LIMIT = 500
BREACH_ACTIVITY = "aftersales_repair.mail_activity_type_breach_cause"


# One concept per file: the request's register, dispatch, visit and
# escalations extend the same model from their own files.
class AftersalesServiceRequest(models.Model):
    """Why a service level was breached (T3): the job's technician, its
    zone's supervisor or a service manager says it; the analysis groups the
    breaches by it. A job closed with a breached level and no cause leaves
    the supervisor an activity asking for it (the closing itself is not
    held up: the customer is waiting for the technician to leave)."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited

    sla_breach_cause = fields.Selection(
        BREACH_CAUSES, string="Breach Cause", tracking=True, copy=False
    )
    sla_breach_note = fields.Char(string="Breach Note", tracking=True, copy=False)
    sla_any_breached = fields.Boolean(
        string="Service Level Breached",
        compute="_compute_sla_any_breached",
        search="_search_sla_any_breached",
    )
    can_give_breach_cause = fields.Boolean(compute="_compute_can_give_breach_cause")

    @api.depends_context("uid")
    def _compute_sla_any_breached(self):
        for request in self:
            request.sla_any_breached = bool(request._sla_breached_levels())

    def _search_sla_any_breached(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        breached = Domain.OR(Domain(level.status, "in", ["breached"]) for level in LEVELS.values())
        positive = (operator == "in") == (True in value)
        return breached if positive else ~breached

    @api.depends_context("uid")
    @api.depends("user_id", "zone_id.supervisor_id")
    def _compute_can_give_breach_cause(self):
        for request in self:
            request.can_give_breach_cause = (
                request.user_id == self.env.user or request._is_zone_dispatcher()
            )

    @api.constrains("sla_breach_note")
    def _check_breach_note(self):
        for request in self:
            if len(request.sla_breach_note or "") > BREACH_NOTE_LIMIT:
                raise ValidationError(
                    self.env._(
                        "The breach note of %(name)s is %(length)s characters long: at most "
                        "%(limit)s are accepted.",
                        name=request.name,
                        length=len(request.sla_breach_note),
                        limit=BREACH_NOTE_LIMIT,
                    )
                )

    def _sla_breached_levels(self):
        """The levels of the request that are breached now (labels' keys)."""
        self.ensure_one()
        return [name for name, level in LEVELS.items() if self[level.status] == "breached"]

    def _ensure_breach_cause_allowed(self, vals):
        """The job's technician, its zone's supervisor or a service manager
        gives the cause, and only of a breached level (X6: whatever the client)."""
        self._ensure_own_job(self.env._("give the breach cause"))
        if vals.get("sla_breach_cause"):
            unbreached = self.filtered(lambda r: not r._sla_breached_levels())
            if unbreached:
                raise UserError(
                    self.env._(
                        "No service level of %s is breached: there is no breach cause to give.",
                        ", ".join(unbreached.mapped("display_name")),
                    )
                )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        # a new request has breached nothing its technician could explain yet
        given = any(vals.get(name) for vals in vals_list for name in BREACH_FIELDS)
        if given and not self._process_write_allowed():
            raise UserError(
                self.env._(
                    "The breach cause is given on a registered request whose service level "
                    "is breached, by its technician or supervisor."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        given = set(BREACH_FIELDS).intersection(vals)
        if given and not self._in_step():
            self._ensure_breach_cause_allowed(vals)
        result = super().write(vals)
        if vals.get("sla_breach_cause"):
            # the supervisor's "give the cause" activity is answered
            self.sudo().activity_feedback([BREACH_ACTIVITY], only_automated=False)
        return result

    def _set_state(self, new_state, extra_vals=None):
        result = super()._set_state(new_state, extra_vals)
        if new_state == "done":
            self._ask_breach_cause()
        return result

    def _ask_breach_cause(self):
        """An activity for the supervisor of each closed job with a breached
        level and no cause (one batch of activities for the batch of jobs)."""
        level_field = self.env["aftersales.sla.report"]._fields["level"]
        labels = dict(level_field._description_selection(self.env))
        entries = []
        for request in self.filtered(lambda r: not r.sla_breach_cause):
            levels = request._sla_breached_levels()
            if not levels:
                continue
            entries.append(
                {
                    "record": request,
                    "user": (
                        request.supervisor_id or request.company_id._aftersales_service_manager()
                    ),
                    "summary": self.env._("Give the cause of the breached service level"),
                    "note": self.env._(
                        "Breached: %s.", ", ".join(labels[level] for level in levels)
                    ),
                }
            )
        return self._aftersales_schedule_activities(entries, activity_type=BREACH_ACTIVITY)

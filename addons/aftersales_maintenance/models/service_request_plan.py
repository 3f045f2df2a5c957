# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.aftersales_repair.models.service_request_levels import LEVELS

PLANNED_JOB_SEQUENCE = "aftersales.service.request.planned"


class AftersalesServiceRequest(models.Model):
    """A planned job (P1, P3): a normal service request that a maintenance
    plan created for one of its due dates. Its plan and due date are written
    only by the plan's scheduled action; its deadlines are the due date's
    (the end of the company's day), so that an overdue planned job escalates
    like any other request. Planned jobs are numbered by their own sequence
    (PM/2026/0001)."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited

    @property
    def _process_fields(self):
        # whatever the other modules made of the request's step fields, plus
        # the plan's: only the plan's scheduled action writes them (X6)
        return (*super()._process_fields, "maintenance_plan_id", "date_due")

    maintenance_plan_id = fields.Many2one(
        "aftersales.maintenance.plan",
        readonly=True,
        copy=False,
        index=True,
        ondelete="restrict",
    )
    date_due = fields.Date(
        string="Due Date",
        readonly=True,
        copy=False,
        index=True,
        help="The day the plan's visit is due: the job's arrival and resolution deadline.",
    )
    channel = fields.Selection(
        selection_add=[("plan", "Maintenance Plan")], ondelete={"plan": "set default"}
    )

    _plan_due_uniq = models.UniqueIndex(
        "(maintenance_plan_id, date_due) WHERE maintenance_plan_id IS NOT NULL",
        "A maintenance plan has one job per due date.",
    )

    @api.model
    def _aftersales_sequence_code(self, vals):
        if vals.get("maintenance_plan_id"):
            return PLANNED_JOB_SEQUENCE
        return super()._aftersales_sequence_code(vals)

    @api.depends("date_due")
    def _compute_level_deadlines(self):
        """A planned job is due on its due date: arrived and resolved by the
        end of that (company's) day, at risk from its start; the customer is
        contacted (the appointment confirmed) before the day begins."""
        res = super()._compute_level_deadlines()
        for request in self.filtered("date_due"):
            start, end = request.company_id._aftersales_day_bounds(request.date_due)
            for level in ("arrival", "resolution"):
                request[LEVELS[level].deadline] = end
                request[LEVELS[level].warning] = start
            response = LEVELS["response"]
            request[response.deadline] = start
            request[response.warning] = start - timedelta(days=1)
        return res

    def _dispatch_to_preferred(self):
        """Dispatch each planned job of ``self`` through the normal dispatch
        step to its plan's preferred technician when he serves the job's zone
        and is certified for its product; the others wait on the dispatch
        board. Queries per technician, not per job."""
        waiting = self.filtered(
            lambda r: r.state == "to_dispatch" and r.maintenance_plan_id.user_id
        )
        if not waiting:
            return self.browse()
        assignable = waiting._assignable_technicians_by_request()
        by_technician = {}
        for request in waiting:
            technician = request.maintenance_plan_id.user_id
            if technician in assignable[request]:
                by_technician[technician] = by_technician.get(technician, self.browse()) | request
        dispatched = self.browse()
        for technician, requests in by_technician.items():
            requests._dispatch(technician)
            dispatched |= requests
        return dispatched

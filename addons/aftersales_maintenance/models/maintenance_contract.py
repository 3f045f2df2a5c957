# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesMaintenanceContract(models.Model):
    """A contract's planned visits are its maintenance plans (P1, W6): when a
    contract with inspections per year starts, an Inspection plan (N times a
    year over its term) sends a technician for them (the W6 inspection rows
    stay the contract's register); a renewed contract's successor continues its predecessor's plans
    for the new term; a cancelled contract ends its plans and cancels their
    jobs not started yet."""

    _inherit = "aftersales.maintenance.contract"

    maintenance_plan_ids = fields.One2many(
        "aftersales.maintenance.plan",
        "contract_id",
        string="Maintenance Plans",
        context={"active_test": False},
    )
    planned_job_ids = fields.One2many(
        "aftersales.service.request",
        "contract_id",
        string="Planned Jobs",
        domain=[("maintenance_plan_id", "!=", False)],
        readonly=True,
    )
    planned_job_count = fields.Integer(compute="_compute_planned_job_count")

    @api.depends("planned_job_ids")
    def _compute_planned_job_count(self):
        counts = dict(
            self.env["aftersales.service.request"]._read_group(
                [("contract_id", "in", self.ids), ("maintenance_plan_id", "!=", False)],
                ["contract_id"],
                ["__count"],
            )
        )
        for contract in self:
            contract.planned_job_count = counts.get(contract, 0)

    def _plan_inspections(self):
        """As well as the W6 inspection rows (the contract's register of the
        promised inspections, which the warranty module's views, portal and
        tests read): the plans that send somebody. The predecessor's plans
        continue for this term; else an Inspection plan of
        ``inspections_per_year``."""
        inspections = super()._plan_inspections()
        vals_list = []
        for contract in self:
            previous = contract.predecessor_id.maintenance_plan_ids.filtered("active")
            if previous:
                vals_list += [plan._prepare_continued_plan_vals(contract) for plan in previous]
            elif contract.inspections_per_year:
                vals_list.append(contract._prepare_inspection_plan_vals())
        if vals_list:
            self.env["aftersales.maintenance.plan"].sudo().create(vals_list)
        return inspections

    def _prepare_inspection_plan_vals(self):
        self.ensure_one()
        return {
            "contract_id": self.id,
            "title": self.env._("Inspections (%s a year)", self.inspections_per_year),
            "request_type_id": self.env.ref("aftersales_repair.request_type_inspection").id,
            "interval_unit": "per_year",
            "interval_number": self.inspections_per_year,
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "date_start": self.date_start,
            "date_end": self.date_end,
        }

    def action_cancel(self):
        """P1: the contract's plans end and their jobs not started yet are
        cancelled through the request's own step, each with a note."""
        res = super().action_cancel()
        plans = self.maintenance_plan_ids.filtered(lambda p: p.state == "running")
        if plans:
            plans.sudo()._set_state("ended")
            plans._cancel_future_jobs(
                self.env._("Cancelled: the contract of the maintenance plan %s was cancelled.")
            )
            self._message_log_batch(
                {
                    contract.id: self.env._(
                        "Maintenance plans ended: %s",
                        ", ".join(
                            contract.maintenance_plan_ids.filtered(
                                lambda p: p.state == "ended"
                            ).mapped("name")
                        ),
                    )
                    for contract in self
                    if contract.maintenance_plan_ids
                }
            )
        return res

    def action_view_planned_jobs(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "aftersales_maintenance.action_planned_jobs"
        )
        action["domain"] = [
            ("contract_id", "=", self.id),
            ("maintenance_plan_id", "!=", False),
        ]
        action["context"] = {"create": False}
        return action


class AftersalesMaintenancePlan(models.Model):
    _inherit = "aftersales.maintenance.plan"

    def _prepare_continued_plan_vals(self, contract):
        """This plan continued on ``contract`` (the successor of its own):
        the same visits, for the new term, keeping the rhythm (the first due
        date of the new term follows the last of this one)."""
        self.ensure_one()
        start = contract.date_start
        dues = self._due_dates(until=self.date_end)
        if dues and self.interval_unit != "months_list":
            # the next due date after this plan's last one, in the new term
            following = self._due_dates(after=dues[-1], limit=1, bounded=False)
            if following and following[0] >= start:
                start = following[0]
        return {
            "contract_id": contract.id,
            "predecessor_id": self.id,
            "date_start": start,
            "date_end": contract.date_end,
            "title": self.title,
            "request_type_id": self.request_type_id.id,
            "interval_unit": self.interval_unit,
            "interval_number": self.interval_number,
            "visit_months": self.visit_months,
            "lead_days": self.lead_days,
            "checklist_template_id": self.checklist_template_id.id,
            "user_id": self.user_id.id,
            "zone_id": self.zone_id.id,
            "lot_id": self.lot_id.id,
            "partner_id": contract.partner_id.id,
            "company_id": contract.company_id.id,
        }

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .maintenance_plan import parse_months


class AftersalesWarrantyPolicy(models.Model):
    """Proactive visits during the warranty (P3, 篇五 回访, 篇八 巡检): return
    visits at given months after the warranty's start, and inspections N
    times a year. Each certificate of the policy gets them as maintenance
    plans when it is activated (one generator for all planned visits)."""

    _inherit = "aftersales.warranty.policy"

    return_visit_months = fields.Char(
        string="Return Visits (months after the start)",
        help="E.g. 1, 6, 18: a return visit one, six and eighteen months after the "
        "warranty starts (none after it ends).",
    )
    inspections_per_year = fields.Integer(
        string="Inspections per Year",
        default=0,
        help="E.g. 2: an inspection twice a year during the warranty.",
    )

    _inspections_positive = models.Constraint(
        "CHECK(inspections_per_year >= 0)",
        "The number of inspections per year cannot be negative.",
    )

    @api.constrains("return_visit_months")
    def _check_return_visit_months(self):
        for policy in self:
            try:
                parse_months(policy.return_visit_months)
            except ValueError as error:
                raise ValidationError(
                    self.env._(
                        "“%(value)s” is not a number of months: list the months of the return "
                        "visits as whole numbers, e.g. 1, 6, 18.",
                        value=error.args[0],
                    )
                ) from None

    def _prepare_certificate_plans_vals(self, certificate):
        """The plans of ``certificate``'s proactive visits."""
        self.ensure_one()
        common = {
            "certificate_id": certificate.id,
            "partner_id": certificate.partner_id.id,
            "company_id": certificate.company_id.id,
            "lot_id": certificate.lot_id.id,
            "date_start": certificate.date_start,
            "date_end": certificate.date_end,
        }
        vals_list = []
        if parse_months(self.return_visit_months):
            vals_list.append(
                dict(
                    common,
                    title=self.env._("Return visits"),
                    request_type_id=self.env.ref(
                        "aftersales_maintenance.request_type_return_visit"
                    ).id,
                    interval_unit="months_list",
                    interval_number=1,
                    visit_months=self.return_visit_months,
                )
            )
        if self.inspections_per_year:
            vals_list.append(
                dict(
                    common,
                    title=self.env._("Inspections (%s a year)", self.inspections_per_year),
                    request_type_id=self.env.ref("aftersales_repair.request_type_inspection").id,
                    interval_unit="per_year",
                    interval_number=self.inspections_per_year,
                )
            )
        return vals_list


class AftersalesWarrantyCertificate(models.Model):
    """A certificate's proactive visits (P3) are plans made when it is
    activated, ending with it: none after its end date, and a voided
    certificate's plans end and their jobs not started are cancelled."""

    _inherit = "aftersales.warranty.certificate"

    maintenance_plan_ids = fields.One2many(
        "aftersales.maintenance.plan", "certificate_id", string="Planned Visits"
    )

    def _set_state(self, state):
        res = super()._set_state(state)
        if state == "active":
            self._create_visit_plans()
        elif state == "void":
            plans = self.sudo().maintenance_plan_ids.filtered(lambda p: p.state == "running")
            if plans:
                plans._set_state("ended")
                plans._cancel_future_jobs(
                    self.env._("Cancelled: the warranty of the maintenance plan %s was voided.")
                )
        return res

    def _create_visit_plans(self):
        vals_list = []
        for certificate in self.sudo():
            if certificate.maintenance_plan_ids.filtered(lambda p: p.state == "running"):
                continue
            if certificate.policy_id:
                vals_list += certificate.policy_id._prepare_certificate_plans_vals(certificate)
        return self.env["aftersales.maintenance.plan"].sudo().create(vals_list)

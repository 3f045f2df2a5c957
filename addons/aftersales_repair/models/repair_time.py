# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .service_request import SERVICE_CATEGORIES

# General administrative work without a customer job (I6, 篇三 §1.4).
ADMIN_KINDS = [
    ("inspection", "Workshop Inspection"),
    ("parts", "Parts Management"),
    ("tools", "Tool Upkeep"),
    ("training", "Training"),
    ("other", "Other"),
]


class AftersalesRepairTime(models.Model):
    """A time line (S1, S8): who worked how long on which job, in which
    service category. A line belongs to a workshop repair card (修护卡) or
    directly to an on-site service request; the lines of a repair belong to
    its request too, so the job is billed (S10) and reported (S12) from one
    set of lines. General administrative work (I6: workshop inspection,
    parts management, tool upkeep, training) has no job: its line carries
    the kind of work instead, is counted in the daily reports and never
    billed."""

    _name = "aftersales.repair.time"
    _description = "Job Time Line"
    _order = "date desc, id desc"

    repair_id = fields.Many2one("repair.order", index=True, ondelete="cascade")
    request_id = fields.Many2one(
        "aftersales.service.request",
        string="Service Request",
        compute="_compute_request_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        ondelete="cascade",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Technician",
        required=True,
        index=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(
        required=True, index=True, default=lambda self: self.env.company._aftersales_today()
    )
    hours = fields.Float(required=True)
    description = fields.Char(required=True)
    service_category = fields.Selection(
        SERVICE_CATEGORIES,
        compute="_compute_service_category",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    admin_kind = fields.Selection(
        ADMIN_KINDS,
        string="Administrative Work",
        help="General administrative work without a customer job (I6).",
    )
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, precompute=True, index=True
    )

    _hours_positive = models.Constraint("CHECK(hours > 0)", "Time spent must be positive.")
    # I6 (issue 17): a line without a job is administrative work of a kind.
    _on_a_job = models.Constraint(
        "CHECK(repair_id IS NOT NULL OR request_id IS NOT NULL "
        "OR (service_category = 'admin' AND admin_kind IS NOT NULL))",
        "A time line belongs to a repair or a service request, or is general "
        "administrative work of a kind (inspection, parts, tools, training, other).",
    )

    @api.depends("repair_id")
    def _compute_request_id(self):
        for line in self:
            if line.repair_id:
                line.request_id = line.repair_id.aftersales_request_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not (vals.get("repair_id") or vals.get("request_id") or vals.get("admin_kind")):
                raise ValidationError(
                    self.env._(
                        "Choose the repair or service request this time was spent on, or the "
                        "kind of general administrative work."
                    )
                )
        return super().create(vals_list)

    @api.depends("repair_id", "request_id", "admin_kind")
    def _compute_service_category(self):
        for line in self:
            request = line.request_id or line.repair_id.aftersales_request_id
            if not request and not line.repair_id and line.admin_kind:
                line.service_category = "admin"  # I6: work without a job
                continue
            line.service_category = request.service_category or line.service_category or "paid"

    @api.depends("repair_id.company_id", "request_id.company_id")
    def _compute_company_id(self):
        for line in self:
            line.company_id = (
                line.repair_id.company_id or line.request_id.company_id or self.env.company
            )

    @api.constrains("request_id", "repair_id", "service_category", "admin_kind")
    def _check_admin_work(self):
        """I6: a kind of administrative work is administrative work."""
        for line in self:
            if line.admin_kind and line.service_category != "admin":
                raise ValidationError(
                    self.env._(
                        "A time line with a kind of administrative work is of the type "
                        "General Administrative Work."
                    )
                )

    @api.constrains("request_id", "repair_id")
    def _check_same_job(self):
        for line in self:
            request = line.repair_id.aftersales_request_id
            if line.repair_id and request and line.request_id != request:
                raise ValidationError(
                    self.env._("The time line of %s belongs to its request.", line.repair_id.name)
                )

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

REQUEST_STATES = [
    ("to_approve", "To Approve"),
    ("to_dispatch", "To Dispatch"),
    ("dispatched", "Dispatched"),
    ("on_site", "On Site"),
    ("in_repair", "In Workshop"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
OPEN_STATES = ("to_approve", "to_dispatch", "dispatched", "on_site", "in_repair")
SERVICE_CATEGORIES = [
    ("paid", "Paid"),
    ("contract", "Contract"),
    ("free", "Free (warranty)"),
    ("admin", "General Administrative Work"),
]
SLA_STATUSES = [
    ("on_track", "On Track"),
    ("at_risk", "At Risk"),
    ("breached", "Breached"),
    ("met", "Met"),
]
# The share of the SLA after which a request not yet reached is at risk.
AT_RISK_SHARE = 0.75


class AftersalesServiceRequest(models.Model):
    """A service call as the service desk registers it while the customer is
    on the phone (S2, 叫修登记簿), and the service voucher (服务凭证) that goes to
    the supervisor for dispatch (S3). Its arrival SLA runs in working hours
    (S4); the technician's visit, the carry-in repair and the sign-off are in
    the other service_request_*.py files."""

    _name = "aftersales.service.request"
    _description = "Service Request"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.batch.mixin",
        "aftersales.numbered.mixin",
    ]
    _sequence_code = "aftersales.service.request"
    # Customers write on their own requests from the portal.
    _mail_post_access = "read"
    _order = "priority desc, sla_deadline, id desc"
    _check_company_auto = True

    state = fields.Selection(
        REQUEST_STATES,
        default="to_dispatch",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Dispatch First")], default="0", tracking=True
    )
    request_type_id = fields.Many2one(
        "aftersales.request.type",
        required=True,
        default=lambda self: self.env.ref(
            "aftersales_repair.request_type_repair", raise_if_not_found=False
        ),
    )
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("letter", "Letter"),
            ("email", "E-mail"),
            ("visit", "Visit"),
            ("portal", "Portal"),
        ],
        default="phone",
        required=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    service_address = fields.Text(
        compute="_compute_service_address", store=True, readonly=False, precompute=True
    )
    zone_id = fields.Many2one("aftersales.zone", required=True, tracking=True, check_company=True)
    supervisor_id = fields.Many2one(related="zone_id.supervisor_id", store=True)
    product_id = fields.Many2one(
        "product.product",
        compute="_compute_product_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        index=True,
        tracking=True,
        domain="[('product_id', '=?', product_id)]",
    )
    fault_description = fields.Text(required=True)
    is_major_fault = fields.Boolean(
        string="Major Fault", tracking=True, help="Answered round the clock (S4)."
    )
    date_call = fields.Datetime(
        string="Received At", required=True, default=fields.Datetime.now, index=True
    )
    date_planned = fields.Datetime(string="Planned Visit", tracking=True)
    # Coverage (W8), decided at registration
    service_category = fields.Selection(
        SERVICE_CATEGORIES,
        compute="_compute_coverage",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Set from the serial's warranty or contract; only a service manager overrides it.",
    )
    coverage_reason = fields.Char(compute="_compute_coverage", store=True, precompute=True)
    certificate_id = fields.Many2one(
        "aftersales.warranty.certificate",
        compute="_compute_coverage",
        store=True,
        precompute=True,
    )
    contract_id = fields.Many2one(
        "aftersales.maintenance.contract",
        compute="_compute_coverage",
        store=True,
        precompute=True,
    )
    # Arrival SLA (S4)
    sla_deadline = fields.Datetime(
        string="Arrival Deadline",
        compute="_compute_sla",
        store=True,
        precompute=True,
        index=True,
    )
    sla_warning_at = fields.Datetime(compute="_compute_sla", store=True, precompute=True)
    date_arrival = fields.Datetime(string="Arrived At", tracking=True, copy=False)
    sla_met = fields.Boolean(compute="_compute_sla_met", store=True)
    sla_status = fields.Selection(
        SLA_STATUSES,
        string="SLA Status",
        compute="_compute_sla_status",
        search="_search_sla_status",
    )
    sla_escalated = fields.Boolean(readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users",
        string="Technician",
        tracking=True,
        index=True,
        copy=False,
        domain="[('id', 'in', available_technician_ids)]",
    )
    available_technician_ids = fields.Many2many(
        "res.users", compute="_compute_available_technician_ids"
    )
    date_dispatched = fields.Datetime(readonly=True, copy=False)
    date_done = fields.Datetime(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    is_aftersales_manager = fields.Boolean(compute="_compute_is_aftersales_manager")

    _arrival_after_call = models.Constraint(
        "CHECK(date_arrival IS NULL OR date_arrival >= date_call)",
        "A visit cannot be before the call.",
    )

    @api.depends("partner_id")
    def _compute_service_address(self):
        for request in self:
            request.service_address = request.partner_id._display_address(without_company=True)

    @api.depends("lot_id")
    def _compute_product_id(self):
        for request in self:
            if request.lot_id:
                request.product_id = request.lot_id.product_id

    @api.depends("lot_id", "product_id", "partner_id", "date_call")
    def _compute_coverage(self):
        """W8, for the whole batch of requests in the coverage's few queries."""
        answerable = self.filtered(lambda r: r.lot_id or (r.product_id and r.partner_id))
        answers = self.env["aftersales.coverage"]._lookup_many(
            [
                (
                    request.lot_id,
                    request.product_id,
                    request.partner_id,
                    request._call_day(),
                )
                for request in answerable
            ]
        )
        for request, answer in zip(answerable, answers, strict=True):
            request.service_category = answer["category"]
            request.coverage_reason = answer["reason"]
            request.certificate_id = answer["certificate"]
            request.contract_id = answer["contract"]
        for request in self - answerable:
            request.service_category = "paid"
            request.coverage_reason = self.env._("No product given: paid service.")
            request.certificate_id = request.contract_id = False

    def _call_day(self):
        """The day of the call in the company's time zone, not in UTC."""
        self.ensure_one()
        return self.company_id._aftersales_date(self.date_call or fields.Datetime.now())

    @api.depends(
        "date_call",
        "is_major_fault",
        "zone_id.arrival_sla_hours",
        "zone_id.resource_calendar_id",
    )
    def _compute_sla(self):
        """The deadline in working hours of the zone's calendar; a major fault
        gets the response time on the 7×24 calendar. No query per request: each
        calendar's working intervals are read once for the batch."""
        major_minutes = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("aftersales_repair.major_response_minutes", 30)
        )
        round_the_clock = self.env.ref("aftersales_repair.resource_calendar_7x24")
        planned = {}  # calendar -> [(request, hours)]
        for request in self:
            request.sla_deadline = request.sla_warning_at = False
            if not (request.date_call and request.zone_id):
                continue
            if request.is_major_fault:
                calendar, hours = round_the_clock, major_minutes / 60
            else:
                calendar = request.zone_id.resource_calendar_id
                hours = request.zone_id.arrival_sla_hours
            planned.setdefault(calendar, []).append((request, hours))
        for calendar, jobs in planned.items():
            pairs = [(r.date_call, h) for r, h in jobs]
            pairs += [(r.date_call, h * AT_RISK_SHARE) for r, h in jobs]
            moments = calendar._aftersales_plan_hours_batch(pairs)
            for (request, _hours), deadline, warning in zip(
                jobs, moments[: len(jobs)], moments[len(jobs) :], strict=True
            ):
                request.sla_deadline = deadline
                request.sla_warning_at = warning

    @api.depends("date_arrival", "sla_deadline")
    def _compute_sla_met(self):
        for request in self:
            request.sla_met = bool(
                request.date_arrival
                and request.sla_deadline
                and request.date_arrival <= request.sla_deadline
            )

    @api.depends_context("uid")
    @api.depends("date_arrival", "sla_deadline", "sla_warning_at", "state")
    def _compute_sla_status(self):
        now = fields.Datetime.now()
        for request in self:
            if not request.sla_deadline or request.state == "cancelled":
                request.sla_status = False
            elif request.date_arrival:
                request.sla_status = "met" if request.sla_met else "breached"
            elif now > request.sla_deadline:
                request.sla_status = "breached"
            elif now >= request.sla_warning_at:
                request.sla_status = "at_risk"
            else:
                request.sla_status = "on_track"

    def _search_sla_status(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        now = fields.Datetime.now()
        not_reached = [("date_arrival", "=", False), ("state", "!=", "cancelled")]
        by_status = {
            "met": [("date_arrival", "!=", False), ("sla_met", "=", True)],
            "breached": Domain.OR(
                [
                    [("date_arrival", "!=", False), ("sla_met", "=", False)],
                    [*not_reached, ("sla_deadline", "<", now)],
                ]
            ),
            "at_risk": [
                *not_reached,
                ("sla_deadline", ">=", now),
                ("sla_warning_at", "<=", now),
            ],
            "on_track": [*not_reached, ("sla_warning_at", ">", now)],
        }
        domain = Domain.OR(Domain(by_status[v]) for v in value if v in by_status)
        return domain if operator == "in" else ~domain

    @api.depends("zone_id", "product_id")
    def _compute_available_technician_ids(self):
        for request in self:
            request.available_technician_ids = request._assignable_technicians()

    @api.depends_context("uid")
    def _compute_is_aftersales_manager(self):
        is_manager = self.env.user.has_group("aftersales_warranty.group_aftersales_manager")
        for request in self:
            request.is_aftersales_manager = is_manager

    @api.constrains("lot_id", "product_id")
    def _check_lot_product(self):
        for request in self:
            if request.lot_id and request.lot_id.product_id != request.product_id:
                raise ValidationError(
                    self.env._(
                        "Serial %(lot)s is not a serial of %(product)s.",
                        lot=request.lot_id.name,
                        product=request.product_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        default_type = self.env.ref(
            "aftersales_repair.request_type_repair", raise_if_not_found=False
        )
        for vals in vals_list:
            if "request_type_id" not in vals and default_type:
                vals["request_type_id"] = default_type.id
        type_ids = {vals.get("request_type_id") for vals in vals_list} - {None, False}
        approving = (
            self.env["aftersales.request.type"]
            .browse(list(type_ids))
            .filtered("requires_approval")
            .ids
        )
        for vals in vals_list:
            if "state" not in vals and vals.get("request_type_id") in approving:
                vals["state"] = "to_approve"
        requests = super().create(vals_list)
        requests._check_category_override_rights(
            [vals.get("service_category") for vals in vals_list]
        )
        return requests

    def write(self, vals):
        if "service_category" in vals:
            self._check_category_override_rights([vals["service_category"]] * len(self), vals)
        return super().write(vals)

    def _check_category_override_rights(self, asked, vals=None):
        """Only a service manager sets a category other than the coverage's
        (checked before anything is written)."""
        if self.env.su or self.env.user.has_group("aftersales_warranty.group_aftersales_manager"):
            return
        vals = vals or {}
        lot = self.env["stock.lot"].browse(vals.get("lot_id"))
        questions = [
            (
                lot if "lot_id" in vals else request.lot_id,
                request.product_id,
                request.partner_id,
                request._call_day(),
            )
            for request in self
        ]
        answers = self.env["aftersales.coverage"]._lookup_many(questions)
        for request, category, answer in zip(self, asked, answers, strict=True):
            if category and category != answer["category"]:
                raise UserError(
                    self.env._(
                        "The coverage of %(name)s says %(expected)s; only a service "
                        "manager can change the service category.",
                        name=request.name,
                        expected=dict(SERVICE_CATEGORIES)[answer["category"]],
                    )
                )

    def _compute_access_url(self):
        for request in self:
            request.access_url = f"/my/service-requests/{request.id}"

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Service Voucher - %s", self.name)

    def action_notify_planned_visit(self):
        """Tell the customer when the technician comes (S2)."""
        without = self.filtered(lambda r: not r.date_planned)
        if without:
            raise UserError(
                self.env._(
                    "Agree the visit time with the customer first (%s).",
                    ", ".join(without.mapped("name")),
                )
            )
        template = self.env.ref("aftersales_repair.mail_template_planned_visit")
        for request in self:
            request.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        return True

    def action_cancel(self):
        if self.filtered(lambda r: r.state in ("done", "cancelled")):
            raise UserError(self.env._("A closed request cannot be cancelled."))
        self.write({"state": "cancelled"})
        return True

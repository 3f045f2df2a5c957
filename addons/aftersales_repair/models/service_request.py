# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aftersales_base.roles import DESK, MANAGER, SUPERVISOR

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
# The steps of a request (X6): from a state, the states its one transition
# method (_set_state) may move it to. A state to itself is a reassignment.
TRANSITIONS = {
    "to_approve": ("to_dispatch", "cancelled"),
    "to_dispatch": ("dispatched", "cancelled"),
    "dispatched": ("dispatched", "to_dispatch", "on_site", "cancelled"),
    "on_site": ("on_site", "done", "in_repair", "cancelled"),
    "in_repair": ("done",),
    "done": (),
    "cancelled": (),
}
# Free text that goes into the voucher and the receipt PDFs: bounded (issue 12).
TEXT_LIMITS = {
    "fault_description": 4000,
    "diagnosis": 4000,
    "service_address": 1000,
    "signed_by": 200,
    "discount_reason": 500,
}


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
        "aftersales.mail.intake.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.activity.mixin",
        "aftersales.batch.mixin",
        "aftersales.numbered.mixin",
        "aftersales.process.mixin",
    ]
    _sequence_code = "aftersales.service.request"
    # Written only by the request's steps (X6): _set_state, the dispatch, the
    # signature, the discount decision, the cash confirmation, the scheduled
    # escalation and the voucher filing.
    _process_fields = (
        "state",
        "date_arrival",
        "date_done",
        "date_dispatched",
        "customer_signature",
        "signed_by",
        "date_signed",
        "sla_escalated",
        "date_responded",
        "response_escalated",
        "date_resolved",
        "resolution_escalated",
        "voucher_to_file",
        "repair_id",
        "receipt_id",
        "discount_state",
        "discount_user_id",
        "discount_date",
        "discount_approved_by_id",
        "billing_state",
        "cash_state",
        "cash_payment_id",
    )
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
        related="partner_id.commercial_partner_id", store=True, index=True, precompute=True
    )
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    service_address = fields.Text(
        compute="_compute_service_address", store=True, readonly=False, precompute=True
    )
    # I1: a request received by e-mail may wait for its zone (the desk's
    # "To Triage" list); it is dispatched only with one (_set_state).
    zone_id = fields.Many2one("aftersales.zone", tracking=True, check_company=True, index=True)
    supervisor_id = fields.Many2one(related="zone_id.supervisor_id", store=True, precompute=True)
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
    # The three service levels (response, arrival, resolution: T2) are in
    # service_request_levels.py.
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
    _name_company_uniq = models.UniqueIndex(
        "(name, company_id) WHERE name != '/'",
        "A service request number is unique in its company.",
    )

    @api.onchange("partner_id")
    def _onchange_partner_zone(self):
        """The zone of the customer's address, else of his last call (issue
        15: one field fewer for the desk); the desk still may change it."""
        for request in self:
            if not request.partner_id or request.zone_id:
                continue
            company = request.company_id or self.env.company
            request.zone_id = request._partner_zones(request.partner_id, company)[
                request.partner_id
            ]

    @api.model
    def _partner_zones(self, partners, company):
        """{partner: zone} for ``partners`` calling ``company``: the Service
        Zone of the partner or of its company (address), else the zone of the
        company's last request of the same customer; an archived zone is no
        answer. A few queries for the whole batch."""
        partners = partners.with_company(company)
        result = {
            partner: partner.aftersales_zone_id or partner.commercial_partner_id.aftersales_zone_id
            for partner in partners
        }
        unknown = partners.filtered(lambda p: not result[p])
        if unknown:
            last = dict(
                self.sudo()._read_group(
                    [
                        ("commercial_partner_id", "in", unknown.commercial_partner_id.ids),
                        ("company_id", "=", company.id),
                    ],
                    ["commercial_partner_id"],
                    ["id:max"],
                )
            )
            last_requests = self.sudo().browse(last.values())
            for partner in unknown:
                request = last_requests.filtered(
                    lambda r, p=partner: r.commercial_partner_id == p.commercial_partner_id
                )
                result[partner] = request.zone_id
        return {
            partner: zone.with_env(self.env)
            if zone.sudo().active and zone.sudo().company_id == company
            else zone.browse()
            for partner, zone in result.items()
        }

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
            request.coverage_reason = request.with_context(
                lang=request.company_id._aftersales_lang()
            ).env._("No product given: paid service.")
            request.certificate_id = request.contract_id = False

    def _call_day(self):
        """The day of the call in the company's time zone, not in UTC."""
        self.ensure_one()
        return self.company_id._aftersales_date(self.date_call or fields.Datetime.now())

    @api.depends_context("uid")
    def _compute_is_aftersales_manager(self):
        is_manager = self.env.user.has_group("aftersales_base.group_aftersales_manager")
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

    @api.constrains("date_planned", "date_call")
    def _check_date_planned(self):
        for request in self:
            if (
                request.date_planned
                and request.date_call
                and request.date_planned < request.date_call
            ):
                raise ValidationError(
                    self.env._(
                        "The planned visit of %(name)s cannot be before the call (%(call)s).",
                        name=request.name,
                        call=fields.Datetime.to_string(request.date_call),
                    )
                )

    @api.constrains(*TEXT_LIMITS)
    def _check_text_limits(self):
        """Free text printed on the voucher stays a page, not a book (issue 12)."""
        for request in self:
            for fname, limit in TEXT_LIMITS.items():
                if len(request[fname] or "") > limit:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(name)s is %(length)s characters long: at most "
                            "%(limit)s are accepted.",
                            field=self._fields[fname].get_description(self.env)["string"],
                            name=request.name,
                            length=len(request[fname]),
                            limit=limit,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        # The caller's state, if any, is checked by the process mixin (X6);
        # the initial step is the request type's, never the caller's.
        self._check_process_vals_list(vals_list)
        # the xmlid's id (cached), without env.ref's query to check it exists
        default_type = self.env["aftersales.request.type"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id(
                "aftersales_repair.request_type_repair", raise_if_not_found=False
            )
        )
        vals_list = [dict(vals) for vals in vals_list]
        self._derive_zone(vals_list)
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
        # The suite's own steps and module data (demo history) keep the state
        # and technician they give; anybody else starts at the first step, and
        # a technician given at registration is a dispatch, decided by its step.
        keep = self._in_step() or self._process_write_allowed()
        technicians = []
        for vals in vals_list:
            if vals.get("request_type_id") in approving and not (keep and "state" in vals):
                vals["state"] = "to_approve"
            technicians.append(False if keep else vals.pop("user_id", False))
        with self._process_writing():
            requests = super().create(vals_list)
        requests._check_category_override_rights(
            [vals.get("service_category") for vals in vals_list]
        )
        for request, technician in zip(requests, technicians, strict=True):
            if technician:
                request._dispatch(self.env["res.users"].browse(technician))
        return requests

    @api.model
    def _derive_zone(self, vals_list):
        """Give a request without a zone its company's zone when the company
        has only one; else say clearly what is missing and where to set it
        up (issue 15), instead of the database's NOT NULL error. One grouped
        query for the whole batch."""
        missing = [vals for vals in vals_list if not vals.get("zone_id")]
        if not missing:
            return
        default_company = self.env.company.id
        # the customer's zone (address, else last call), per company
        by_company = {}
        for vals in missing:
            if vals.get("partner_id"):
                by_company.setdefault(vals.get("company_id") or default_company, set()).add(
                    vals["partner_id"]
                )
        partner_zones = {}
        for company_id, partner_ids in by_company.items():
            zones_of = self._partner_zones(
                self.env["res.partner"].browse(list(partner_ids)),
                self.env["res.company"].browse(company_id),
            )
            for partner, zone in zones_of.items():
                partner_zones[company_id, partner.id] = zone.id
        for vals in missing:
            company_id = vals.get("company_id") or default_company
            vals["zone_id"] = partner_zones.get((company_id, vals.get("partner_id")), False)
        missing = [vals for vals in missing if not vals["zone_id"]]
        if not missing:
            return
        company_ids = {vals.get("company_id") or default_company for vals in missing}
        zones = dict(
            self.env["aftersales.zone"]
            .sudo()
            ._read_group(
                [("company_id", "in", list(company_ids))], ["company_id"], ["id:array_agg"]
            )
        )
        for vals in missing:
            company = self.env["res.company"].browse(vals.get("company_id") or default_company)
            zone_ids = zones.get(company, [])
            if len(zone_ids) == 1:
                vals["zone_id"] = zone_ids[0]
            elif vals.get("channel") == "email":
                # I1: a mail whose zone is unknown waits in the desk's triage list.
                continue
            elif not zone_ids:
                raise ValidationError(
                    self.env._(
                        "No service zone exists in %(company)s yet: a service request needs "
                        "one. A service manager creates it in After-Sales > Configuration > "
                        "Service Zones (see the Setup Checklist).",
                        company=company.sudo().name,
                    )
                )
            else:
                raise ValidationError(
                    self.env._(
                        "Choose the service zone of the request: %(company)s has %(count)s "
                        "zones (After-Sales > Configuration > Service Zones).",
                        company=company.sudo().name,
                        count=len(zone_ids),
                    )
                )

    @api.model
    def default_get(self, fields):
        values = super().default_get(fields)
        if "zone_id" in fields and not values.get("zone_id"):
            company_id = values.get("company_id") or self.env.company.id
            zones = self.env["aftersales.zone"].search([("company_id", "=", company_id)], limit=2)
            if len(zones) == 1:
                values["zone_id"] = zones.id
        return values

    def _in_step(self):
        """A transition method of the request is writing (see the process mixin)."""
        return self._in_process_step()

    def write(self, vals):
        """The one write() of the request: plain fields are written; the
        technician (dispatch) and the signature go through their steps, which
        check who does what and when; process fields are refused (X6). The
        caller's ``vals`` is never changed (Odoo retries a write after a
        serialization failure with the same dict)."""
        if self._in_step():
            return super().write(vals)
        vals = dict(vals)
        if vals.get("cash_amount") and "cash_date" not in vals:
            vals["cash_date"] = self.env.company._aftersales_today()
        assign = "user_id" in vals
        user = self.env["res.users"].browse(vals.pop("user_id", False) or [])
        sign = {k: vals.pop(k) for k in ("customer_signature", "signed_by") if k in vals}
        if "service_category" in vals:
            self._check_category_override_rights([vals["service_category"]] * len(self), vals)
        if sign:
            self._check_can_sign(sign)
        res = super().write(vals) if vals or not (assign or sign) else True
        if vals.get("cash_amount"):
            self._record_cash_collected()
        if "discount" in vals:
            # the discount's step: approved within the giver's authority (S10)
            self._check_discount_authority()
        if assign:
            self._dispatch(user)
        if sign:
            self._sign(sign)
        return res

    # -- the one transition method (X6) -------------------------------------
    def _set_state(self, new_state, extra_vals=None):
        """Moves every request of ``self`` to ``new_state``: checks the step
        (TRANSITIONS) and the role of the user for it, then writes the state
        with ``extra_vals`` (the step's other process fields). Callers check
        the step's own invariants (diagnosis, signature...) before."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        self._check_zone_for(new_state)
        for request in self:
            if new_state not in TRANSITIONS[request.state]:
                raise UserError(
                    self.env._(
                        "%(name)s is “%(state)s”: it cannot become “%(new)s”.",
                        name=request.display_name,
                        state=labels[request.state],
                        new=labels[new_state],
                    )
                )
            request._ensure_transition_role(request.state, new_state)
        self._write_process(dict(extra_vals or {}, state=new_state))
        return True

    def _check_zone_for(self, new_state):
        """I1: a request without zone (received by e-mail, to triage) waits
        or is cancelled; it is dispatched only once the desk gave its zone."""
        if new_state in ("to_approve", "to_dispatch", "cancelled"):
            return True
        without = self.filtered(lambda r: not r.zone_id)
        if without:
            raise UserError(
                self.env._(
                    "%(names)s has no service zone yet: choose its zone (To Triage list) "
                    "before dispatching it.",
                    names=", ".join(without.mapped("display_name")),
                )
            )
        return True

    def _is_zone_dispatcher(self):
        """The user dispatches the requests of ``self``: a service manager
        any zone, a supervisor only the zones he supervises (S3)."""
        user = self.env.user
        if self.env.su or user.has_group(MANAGER):
            return True
        return user.has_group(SUPERVISOR) and all(
            request.zone_id.supervisor_id == user for request in self
        )

    def _ensure_zone_dispatcher(self, action):
        """The user is the supervisor of every request's zone, or a service
        manager (S3): a supervisor without a zone dispatches nothing."""
        for request in self:
            if not request._is_zone_dispatcher():
                raise AccessError(
                    self.env._(
                        "Only the supervisor of the %(zone)s zone or a service manager may "
                        "%(action)s %(name)s.",
                        zone=request.zone_id.name,
                        action=action,
                        name=request.name,
                    )
                )
        return True

    def _ensure_own_job(self, action):
        """The technician of the job, or its zone's dispatcher."""
        for request in self:
            if request.user_id != self.env.user and not request._is_zone_dispatcher():
                raise AccessError(
                    self.env._(
                        "Only the technician of %(name)s or its supervisor may %(action)s.",
                        name=request.name,
                        action=action,
                    )
                )
        return True

    def _ensure_desk_or_own_job(self, action):
        """The service desk (and the roles above it), or the technician of
        the job: who speaks to the customer of a request."""
        self.check_access("write")
        if self.env.su or self.env.user.has_group(DESK):
            return True
        for request in self:
            if request.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the service desk, a supervisor or the technician of %(name)s "
                        "may %(action)s.",
                        name=request.name,
                        action=action,
                    )
                )
        return True

    def _ensure_transition_role(self, old_state, new_state):
        self.ensure_one()
        if self.env.su:
            return True
        if new_state == "cancelled":
            if old_state in ("to_approve", "to_dispatch"):
                return self._ensure_role(DESK, self.env._("cancel a request"))
            return self._ensure_zone_dispatcher(self.env._("cancel"))
        if old_state == "to_approve":
            return self._ensure_zone_dispatcher(self.env._("approve"))
        if new_state in ("dispatched", "to_dispatch") or old_state == new_state:
            return self._ensure_zone_dispatcher(self.env._("dispatch"))
        if old_state == "in_repair":
            # the product is handed back over the counter, or by the technician
            if self.user_id == self.env.user:
                return True
            return self._ensure_role(DESK, self.env._("return a repaired product"))
        return self._ensure_own_job(self.env._("record the visit"))

    def _check_category_override_rights(self, asked, vals=None):
        """Only a service manager sets a category other than the coverage's
        (checked before anything is written)."""
        if self.env.su or self.env.user.has_group("aftersales_base.group_aftersales_manager"):
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

    @api.model
    def get_import_templates(self):
        """X1, X6 (issue 15): the open service requests of the previous system.
        They go through the rules of the form: numbered by the sequence, at
        the first step, deadlines planned from the received date (an old call
        is already breached), a technician given in the file dispatched by
        the dispatch step (the zone's supervisor or a service manager, a
        technician of the zone certified for the product)."""
        return [
            {
                "label": self.env._("Import Template for Open Service Requests"),
                "template": "/aftersales_repair/static/xls/aftersales_service_request.csv",
            },
            {
                "label": self.env._("Import Template for Open Service Requests (Excel)"),
                "template": "/aftersales_repair/static/xls/aftersales_service_request.xlsx",
            },
        ]

    def _compute_access_url(self):
        for request in self:
            request.access_url = f"/my/service-requests/{request.id}"

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Service Voucher - %s", self.name)

    def action_notify_planned_visit(self):
        """Tell the customer when the technician comes (S2): the desk, the
        supervisor or the job's technician, who may write on the request."""
        self._ensure_desk_or_own_job(self.env._("tell the customer of the visit"))
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
        """The desk or the supervisor before dispatch, the zone's supervisor
        (or a manager) after; never the technician (X6)."""
        if self.filtered(lambda r: r.state in ("done", "cancelled")):
            raise UserError(self.env._("A closed request cannot be cancelled."))
        return self._set_state("cancelled")

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, float_is_zero

from odoo.addons.aftersales_base.roles import MANAGER

ACCOUNTANT = "account.group_account_invoice"
BILLING_STATES = [
    ("none", "Not Billed"),
    ("to_invoice", "To Invoice"),
    ("invoiced", "Invoiced"),
    ("paid", "Paid"),
]
DISCOUNT_STATES = [
    ("none", "No Discount"),
    ("to_approve", "Awaiting Approval"),
    ("approved", "Approved"),
]
CASH_STATES = [("none", "None"), ("to_confirm", "To Confirm"), ("confirmed", "Received")]


class AftersalesServiceRequest(models.Model):
    """Billing of a job (S1, S10) in Odoo's invoicing: labour at the standard
    rate (the labour product's price × the hours of the time lines) and the
    parts of the workshop repair at list price, on a customer invoice
    (account.move). A free or administrative job is not invoiced, its cost is
    recorded; a contract job bills only what the contract does not cover; a
    warranty claim bills the customer's share (W4). Cash collected on site
    becomes a registered payment once the accountant confirms it; a discount
    beyond the giver's authority waits for a manager."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited

    time_ids = fields.One2many("aftersales.repair.time", "request_id", string="Time Lines")
    hours = fields.Float(
        string="Hours Spent", compute="_compute_hours", store=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    invoice_ids = fields.One2many(
        "account.move", "aftersales_request_id", string="Invoices", readonly=True
    )
    billing_state = fields.Selection(
        BILLING_STATES,
        compute="_compute_billing_state",
        store=True,
        index=True,
        tracking=True,
    )
    amount_standard = fields.Monetary(
        string="Value at Standard Rates",
        compute="_compute_amounts",
        help="Labour and parts at list price, before discount and split.",
    )
    amount_billable = fields.Monetary(
        string="To Bill (untaxed)",
        compute="_compute_amounts",
        help="What the customer pays, untaxed: the billable lines after the "
        "discount and the customer's share.",
    )
    cost_amount = fields.Monetary(
        string="Cost of the Job",
        compute="_compute_amounts",
        help="Hours at the labour product's cost and parts at their cost.",
    )
    company_share_amount = fields.Monetary(
        string="Borne by the Company",
        compute="_compute_amounts",
        help="The part of the value at standard rates that the customer does "
        "not pay (free, contract-covered, or the company's liability share).",
    )
    # Discount authority (S10)
    discount = fields.Float(string="Discount (%)", tracking=True, copy=False)
    discount_reason = fields.Char(copy=False)
    discount_state = fields.Selection(
        DISCOUNT_STATES, default="none", required=True, readonly=True, copy=False, tracking=True
    )
    discount_user_id = fields.Many2one(
        "res.users", string="Discount Given By", readonly=True, copy=False
    )
    discount_date = fields.Date(readonly=True, copy=False)
    discount_approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    blocked_reason = fields.Text(
        compute="_compute_blocked_reason",
        help="What stops the next step of the job, and who can unblock it.",
    )
    # Cash collected on site (S10)
    cash_amount = fields.Monetary(string="Cash Collected", tracking=True, copy=False)
    cash_user_id = fields.Many2one("res.users", string="Collected By", tracking=True, copy=False)
    cash_date = fields.Date(string="Collected On", copy=False)
    cash_payment_id = fields.Many2one("account.payment", readonly=True, copy=False)
    cash_state = fields.Selection(
        CASH_STATES,
        compute="_compute_cash_state",
        store=True,
        precompute=True,
        index=True,
        string="Cash",
    )

    _discount_range = models.Constraint(
        "CHECK(discount >= 0 AND discount <= 100)", "A discount is between 0 and 100 %."
    )
    _cash_positive = models.Constraint(
        "CHECK(cash_amount IS NULL OR cash_amount >= 0)", "Cash collected cannot be negative."
    )

    @api.depends("time_ids.hours")
    def _compute_hours(self):
        for request in self:
            request.hours = sum(request.time_ids.mapped("hours"))

    @api.depends(
        "state",
        "service_category",
        "liability",
        "customer_share",
        "contract_id",
        "time_ids.hours",
        "time_ids.service_category",
        "repair_id.move_ids.product_uom_qty",
        "invoice_ids.state",
        "invoice_ids.payment_state",
    )
    def _compute_billing_state(self):
        for request in self:
            invoices = request.invoice_ids.filtered(lambda m: m.state != "cancel")
            if invoices:
                paid = all(m.payment_state in ("paid", "in_payment") for m in invoices)
                posted = all(m.state == "posted" for m in invoices)
                request.billing_state = "paid" if paid and posted else "invoiced"
            elif request.state == "done" and any(
                line["billed"] for line in request.sudo()._billing_lines()
            ):
                request.billing_state = "to_invoice"
            else:
                request.billing_state = "none"

    @api.depends_context("uid")
    @api.depends(
        "billing_state",
        "discount_state",
        "discount",
        "discount_user_id",
        "state",
        "zone_id.supervisor_id",
        "suggested_technician_id",
    )
    def _compute_blocked_reason(self):
        """Issue 15: say on the form why a step is blocked before anyone looks
        for its button (the dispatch waits for the zone's supervisor, an
        approval or a certified technician; the invoice waits for a
        discount's approval)."""
        for request in self:
            reason = request._dispatch_blocked_reason()
            if request.billing_state == "to_invoice" and request.discount_state == "to_approve":
                reason = self.env._(
                    "Invoicing waits: the %(discount)s %% discount given by %(user)s is beyond "
                    "their authority. A service manager approves it (Approve Discount); then "
                    "the accountant creates the invoice.",
                    discount=request.discount,
                    user=request.discount_user_id.sudo().name or self.env._("someone"),
                )
            request.blocked_reason = reason

    @api.depends("cash_amount", "cash_payment_id")
    def _compute_cash_state(self):
        for request in self:
            if request.cash_payment_id:
                request.cash_state = "confirmed"
            elif request.cash_amount:
                request.cash_state = "to_confirm"
            else:
                request.cash_state = "none"

    @api.depends("time_ids.hours", "discount", "customer_share", "repair_id")
    def _compute_amounts(self):
        for request in self:
            lines = request.sudo()._billing_lines()
            standard = sum(line["qty"] * line["price"] for line in lines)
            billable = sum(
                line["qty"] * line["price"] * (1 - line["discount"] / 100)
                for line in lines
                if line["billed"]
            )
            request.amount_standard = standard
            request.amount_billable = request.currency_id.round(billable)
            request.cost_amount = request.currency_id.round(
                sum(line["qty"] * line["cost"] for line in lines)
            )
            request.company_share_amount = request.currency_id.round(standard - billable)

    # What is billed ---------------------------------------------------------

    def _customer_share(self):
        """The percentage of the billable lines that the customer pays."""
        self.ensure_one()
        if self.service_category == "admin":
            return 0.0
        if self.liability:
            return self.customer_share
        return 0.0 if self.service_category == "free" else 100.0

    def _is_billed_product(self, product):
        """A contract job bills what its contract excludes, and what it does
        not list when it lists the covered items; otherwise all is billed."""
        self.ensure_one()
        if self.service_category != "contract":
            return True
        contract = self.contract_id
        if product in contract.excluded_product_ids:
            return True
        if contract.covered_product_ids:
            return product not in contract.covered_product_ids
        return False

    def _billing_lines(self):
        """The job at standard rates: one labour line for the billable hours,
        one line per part of the workshop repair. Each says its list price,
        its cost, whether it is billed, and the discount on the invoice line
        that applies the commercial discount and the customer's share."""
        self.ensure_one()
        labour = self.env.ref("aftersales_repair.product_aftersales_labour")
        pricelist = self.partner_id.property_product_pricelist
        share = self._customer_share()
        line_discount = 100.0 - (100.0 - self.discount) * share / 100.0
        hours = sum(line.hours for line in self.time_ids if line.service_category != "admin")
        items = []
        if hours:
            items.append((labour, hours, self.env._("Labour, %s", self.name)))
        for move in self.repair_id.move_ids:
            if move.repair_line_type == "add" and move.state != "cancel":
                items.append((move.product_id, move.product_uom_qty, move.product_id.display_name))
        lines = []
        for product, qty, label in items:
            price = (
                pricelist._get_product_price(product, qty, currency=self.currency_id)
                if pricelist
                else product.lst_price
            )
            lines.append(
                {
                    "product": product,
                    "name": label,
                    "qty": qty,
                    "price": price,
                    "cost": product.standard_price,
                    "billed": bool(share) and self._is_billed_product(product),
                    "discount": line_discount,
                }
            )
        return lines

    def _prepare_invoice_vals(self):
        self.ensure_one()
        lines = [line for line in self.sudo()._billing_lines() if line["billed"]]
        if not lines:
            raise UserError(
                self.env._(
                    "Nothing of %s is billed to the customer: its cost is recorded on the job.",
                    self.name,
                )
            )
        return {
            "move_type": "out_invoice",
            "partner_id": self.partner_id.id,
            "invoice_origin": self.name,
            "aftersales_request_id": self.id,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": line["product"].id,
                        "name": line["name"],
                        "quantity": line["qty"],
                        "price_unit": line["price"],
                        "discount": line["discount"],
                    }
                )
                for line in lines
            ],
        }

    def _check_accountant(self):
        if not self.env.su and not self.env.user.has_group(ACCOUNTANT):
            raise AccessError(self.env._("Only an accountant invoices jobs and confirms cash."))

    def action_create_invoice(self):
        """The customer invoice of a finished paid job (draft: the accountant
        checks and posts it as usual)."""
        self._check_accountant()
        for request in self:
            if request.state != "done":
                raise UserError(self.env._("%s is not finished yet.", request.name))
            if request.service_category == "admin":
                raise UserError(
                    self.env._("%s is administrative work: it is not invoiced.", request.name)
                )
            if not request._customer_share():
                raise UserError(
                    self.env._(
                        "%s is a free job: it is not invoiced, its cost is recorded.",
                        request.name,
                    )
                )
            if request.discount_state == "to_approve":
                raise UserError(
                    self.env._("The discount on %s waits for a manager's approval.", request.name)
                )
            if request.invoice_ids.filtered(lambda m: m.state != "cancel"):
                raise UserError(self.env._("%s is already invoiced.", request.name))
        invoices = self.env["account.move"]
        for request in self:
            invoices |= (
                self.env["account.move"]
                .with_company(request.company_id)
                .create(request._prepare_invoice_vals())
            )
        return self._action_view_moves(invoices)

    def _action_view_moves(self, invoices):
        action = self.env["ir.actions.actions"]._for_xml_id("account.action_move_out_invoice_type")
        if len(invoices) == 1:
            action.update(views=[(False, "form")], res_id=invoices.id, view_mode="form")
        else:
            action["domain"] = [("id", "in", invoices.ids)]
        action["context"] = {"default_move_type": "out_invoice"}
        return action

    def action_view_invoices(self):
        self.ensure_one()
        return self._action_view_moves(self.invoice_ids)

    # Cash collected on site -------------------------------------------------

    def _record_cash_collected(self):
        """Who collected the cash (the job's technician), when it is entered
        (called by the request's write())."""
        for request in self.filtered(lambda r: r.cash_amount and not r.cash_user_id):
            request.cash_user_id = request.user_id or self.env.user
        return True

    def action_confirm_cash(self):
        """The accountant received the cash the technician collected: it is
        registered as a payment in the company's cash journal and reconciled
        with the job's invoice."""
        self._check_accountant()
        for request in self:
            if request.cash_payment_id:
                raise UserError(self.env._("The cash of %s is already received.", request.name))
            if float_is_zero(request.cash_amount, precision_rounding=request.currency_id.rounding):
                raise UserError(self.env._("No cash was collected on %s.", request.name))
            invoice = request.invoice_ids.filtered(
                lambda m: m.state == "posted" and m.payment_state not in ("paid", "in_payment")
            )[:1]
            if not invoice:
                raise UserError(
                    self.env._("Post the invoice of %s before the cash is received.", request.name)
                )
            if (
                float_compare(
                    request.cash_amount,
                    invoice.amount_residual,
                    precision_rounding=request.currency_id.rounding,
                )
                > 0
            ):
                raise UserError(
                    self.env._(
                        "%(amount)s collected on %(job)s is more than the invoice's "
                        "amount due (%(due)s).",
                        amount=request.cash_amount,
                        job=request.name,
                        due=invoice.amount_residual,
                    )
                )
            journal = self.env["account.journal"].search(
                [
                    *self.env["account.journal"]._check_company_domain(request.company_id),
                    ("type", "=", "cash"),
                ],
                limit=1,
            )
            if not journal:
                raise UserError(self.env._("The company has no cash journal."))
            wizard = (
                self.env["account.payment.register"]
                .with_context(active_model="account.move", active_ids=invoice.ids)
                .create(request._prepare_cash_payment_vals(journal))
            )
            payment = wizard._create_payments()
            request.sudo()._write_process({"cash_payment_id": payment.id})
            request.message_post(
                body=self.env._(
                    "Cash received from %(tech)s: %(amount)s.",
                    tech=request.cash_user_id.name,
                    amount=request.cash_amount,
                )
            )
        return True

    def _prepare_cash_payment_vals(self, journal):
        """The payment (register) of the cash collected on site."""
        self.ensure_one()
        return {
            "amount": self.cash_amount,
            "journal_id": journal.id,
            "payment_date": self.cash_date or self.company_id._aftersales_today(),
            "communication": self.name,
        }

    # Discount authority -----------------------------------------------------

    def _margin(self):
        """The job's margin in % of what the customer pays (cost as recorded)."""
        self.ensure_one()
        if float_is_zero(self.amount_billable, precision_rounding=self.currency_id.rounding):
            return -100.0
        return (self.amount_billable - self.cost_amount) / self.amount_billable * 100

    def _check_discount_authority(self):
        """A discount within the giver's authority is approved at once;
        beyond it, it waits for a manager (S10)."""
        today = self.env.company._aftersales_today()
        is_manager = self.env.user.has_group(MANAGER)
        for request in self:
            if not request.discount:
                vals = {"discount_state": "none", "discount_user_id": False}
            elif is_manager or request._within_authority(today):
                vals = {"discount_state": "approved", "discount_approved_by_id": self.env.uid}
            else:
                vals = {"discount_state": "to_approve", "discount_approved_by_id": False}
                request.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=request.company_id.sudo()._aftersales_service_manager().id,
                    summary=self.env._("Approve a %s %% discount", request.discount),
                )
            if request.discount:
                vals.update(discount_user_id=self.env.uid, discount_date=today)
            request.sudo()._write_process(vals)

    def _within_authority(self, today):
        self.ensure_one()
        authority = (
            self.env["aftersales.discount.authority"]
            .sudo()
            ._for_user(self.env.user, self.company_id)
        )
        if not authority or self.discount > authority.max_discount:
            return False
        monday = today - timedelta(days=today.weekday())  # ISO week
        given = self.sudo().search_count(
            [
                ("id", "!=", self.id),
                ("discount_user_id", "=", self.env.uid),
                ("discount", ">", 0),
                ("discount_date", ">=", monday),
                ("discount_date", "<=", today),
            ]
        )
        if given >= authority.max_jobs_per_week:
            return False
        return self._margin() >= authority.margin_floor

    def action_approve_discount(self):
        """The discount's one approval step (S10): a service manager only."""
        if not self.env.su and not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only an after-sales manager approves discounts."))
        if self.filtered(lambda r: r.discount_state != "to_approve"):
            raise UserError(self.env._("Only a discount awaiting approval is approved."))
        self.check_access("write")
        self.sudo()._write_process(
            {"discount_state": "approved", "discount_approved_by_id": self.env.uid}
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

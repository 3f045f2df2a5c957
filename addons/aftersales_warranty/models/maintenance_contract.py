# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.aftersales_base.roles import MANAGER

CONTRACT_STATES = [
    ("draft", "Draft"),
    ("running", "Running"),
    ("expiring", "Expiring"),
    ("expired", "Expired"),
    ("renewed", "Renewed"),
    ("cancelled", "Cancelled"),
]
OPEN_STATES = ("running", "expiring")
SALESMAN = "sales_team.group_sale_salesman"


class AftersalesMaintenanceContract(models.Model):
    """A maintenance contract (W5, W6): the customer's equipment serviced for a
    fee over a period, with planned inspections, invoiced through Odoo, and
    renewed through a CRM opportunity before it ends."""

    _name = "aftersales.maintenance.contract"
    _description = "Maintenance Contract"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.activity.mixin",
        "aftersales.batch.mixin",
        "aftersales.numbered.mixin",
        "aftersales.process.mixin",
    ]
    _sequence_code = "aftersales.maintenance.contract"
    _process_fields = ("state", "predecessor_id", "successor_id", "renewal_lead_id")
    _order = "date_end desc, id desc"

    state = fields.Selection(
        CONTRACT_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True, index=True)
    fee = fields.Monetary(tracking=True)
    is_free_maintenance = fields.Boolean(
        string="Free Maintenance",
        help="A free maintenance period (e.g. given with the sale): the sales "
        "director is told before it ends so that a paid contract can follow.",
    )
    lot_ids = fields.Many2many(
        "stock.lot",
        "aftersales_contract_lot_rel",
        "contract_id",
        "lot_id",
        string="Covered Serials",
    )
    certificate_ids = fields.Many2many(
        "aftersales.warranty.certificate",
        "aftersales_contract_certificate_rel",
        "contract_id",
        "certificate_id",
        string="Covered Certificates",
        help="Equipment covered through its warranty certificate, e.g. delivered "
        "without a serial number.",
    )
    covered_product_ids = fields.Many2many(
        "product.product",
        "aftersales_contract_covered_product_rel",
        "contract_id",
        "product_id",
        string="Covered Services and Parts",
    )
    excluded_product_ids = fields.Many2many(
        "product.product",
        "aftersales_contract_excluded_product_rel",
        "contract_id",
        "product_id",
        string="Excluded Services and Parts",
    )
    coverage_notes = fields.Html()
    inspections_per_year = fields.Integer(
        default=2, help="Planned inspections per year, e.g. 2 (twice a year) or 12."
    )
    inspection_ids = fields.One2many(
        "aftersales.contract.inspection", "contract_id", string="Inspections"
    )
    invoice_ids = fields.Many2many(
        "account.move",
        "aftersales_contract_invoice_rel",
        "contract_id",
        "move_id",
        string="Invoices",
        copy=False,
        readonly=True,
    )
    invoice_count = fields.Integer(compute="_compute_invoice_count")
    predecessor_id = fields.Many2one(
        "aftersales.maintenance.contract", readonly=True, copy=False, index=True
    )
    successor_id = fields.Many2one("aftersales.maintenance.contract", readonly=True, copy=False)
    renewal_lead_id = fields.Many2one(
        "crm.lead", string="Renewal Opportunity", readonly=True, copy=False
    )
    free_end_notified = fields.Boolean(readonly=True, copy=False)

    _dates_order = models.Constraint(
        "CHECK(date_end >= date_start)", "A contract cannot end before it starts."
    )
    _fee_positive = models.Constraint("CHECK(fee >= 0)", "A contract fee cannot be negative.")
    _inspections_positive = models.Constraint(
        "CHECK(inspections_per_year >= 0)",
        "The number of inspections per year cannot be negative.",
    )

    @api.depends("invoice_ids")
    def _compute_invoice_count(self):
        for contract in self:
            contract.invoice_count = len(contract.invoice_ids)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._(
                        "Contract %(name)s would end (%(end)s) before it starts (%(start)s).",
                        name=contract.name,
                        end=contract.date_end,
                        start=contract.date_start,
                    )
                )

    @api.model
    def get_import_templates(self):
        """X6: the template of maintenance contracts signed before the suite,
        with their covered serials (imported as drafts, numbered by the
        sequence, started through their steps afterwards)."""
        return [
            {
                "label": self.env._("Import Template for Maintenance Contracts"),
                "template": "/aftersales_warranty/static/xls/aftersales_maintenance_contract.csv",
            },
            {
                "label": self.env._("Import Template for Maintenance Contracts (Excel)"),
                "template": "/aftersales_warranty/static/xls/aftersales_maintenance_contract.xlsx",
            },
        ]

    def _compute_access_url(self):
        for contract in self:
            contract.access_url = f"/my/contracts/{contract.id}"

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Maintenance Contract - %s", self.name)

    # Workflow -------------------------------------------------------------

    def _steps(self):
        """target state: (the states it is reached from, the roles (any of),
        the label). The expiry and renewal-notice steps are the scheduled
        action's (superuser); a user reaches them only as the manager."""
        sell = (SALESMAN, MANAGER)
        return {
            "running": (("draft",), sell, self.env._("start the contract")),
            "renewed": (("running", "expiring", "expired"), sell, self.env._("renew the contract")),
            "cancelled": (
                ("draft", "running", "expiring", "expired"),
                sell,
                self.env._("cancel the contract"),
            ),
            "expiring": (("running",), (MANAGER,), self.env._("send the renewal notice")),
            "expired": (("running", "expiring"), (MANAGER,), self.env._("expire the contract")),
        }

    def _set_state(self, state, vals=None):
        """The one way a contract changes state (X6): checks the step, the
        role and the invariants, then writes the state with ``vals`` (the
        other step fields: successor, renewal opportunity)."""
        from_states, roles, label = self._steps()[state]
        self._ensure_state(from_states, label)
        self._ensure_role(roles, label)
        if state == "running":
            for contract in self:
                if not contract.lot_ids and not contract.certificate_ids:
                    raise UserError(
                        self.env._(
                            "Contract %s covers no equipment: add the serials or "
                            "certificates it covers before starting it.",
                            contract.name,
                        )
                    )
        if state == "cancelled" and self.filtered(lambda c: c.state != "draft"):
            # a started contract is the customer's: only the manager cancels it
            self._ensure_role(MANAGER, label)
        if state == "renewed" and not (vals or {}).get("successor_id"):
            raise UserError(self.env._("A contract is renewed by its successor contract."))
        self._write_process(dict(vals or {}, state=state))
        return True

    def action_start(self):
        for contract in self:
            if contract.state != "draft":
                raise UserError(self.env._("Only a draft contract can start (%s).", contract.name))
        self._set_state("running")
        self._plan_inspections()
        return True

    def action_cancel(self):
        if self.filtered(lambda c: c.state in ("renewed", "cancelled")):
            raise UserError(self.env._("A renewed or cancelled contract cannot be cancelled."))
        self._set_state("cancelled")
        self.inspection_ids.filtered(lambda i: i.state == "planned")._set_state("cancelled")
        return True

    def action_renew(self):
        """Create the successor contract for the next term and link both."""
        self.ensure_one()
        if self.state not in ("running", "expiring", "expired"):
            raise UserError(
                self.env._(
                    "Only a running, expiring or expired contract can be renewed; "
                    "%(name)s is %(state)s.",
                    name=self.name,
                    state=dict(CONTRACT_STATES)[self.state],
                )
            )
        _from, roles, label = self._steps()["renewed"]
        self._ensure_role(roles, label)
        start = self.date_end + relativedelta(days=1)
        with self._process_writing():
            successor = self.copy(self._prepare_renewal_vals(start))
        self._set_state("renewed", {"successor_id": successor.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": successor.id,
            "view_mode": "form",
        }

    def _prepare_renewal_vals(self, start):
        """What the successor contract (a copy of this one) changes: the
        next term, from ``start``."""
        self.ensure_one()
        return {
            "date_start": start,
            "date_end": self._next_term_end(start),
            "predecessor_id": self.id,
            "lot_ids": [Command.set(self.lot_ids.ids)],
            "certificate_ids": [Command.set(self.certificate_ids.ids)],
            "is_free_maintenance": False,
        }

    def _next_term_end(self, start):
        """The end of a term as long as this one that starts on ``start``. A
        term of (about) whole months stays whole months, so that a year from
        1 March ends on the last day of February, leap year or not."""
        self.ensure_one()
        length = self.date_end - self.date_start
        months = round(length.days / 30.4375)
        by_months = start + relativedelta(months=months, days=-1)
        by_days = start + length
        return by_months if months and abs((by_months - by_days).days) <= 3 else by_days

    def _plan_inspections(self):
        """Planned inspections spread evenly over the period (W6): with two a
        year on a one-year contract, at a quarter and three quarters of it."""
        vals_list = []
        for contract in self.filtered("inspections_per_year"):
            period = contract.date_end - contract.date_start
            years = max(round(period.days / 365.25), 1)
            count = contract.inspections_per_year * years
            vals_list += [
                contract._prepare_inspection_vals(contract.date_start + period * (k + 0.5) / count)
                for k in range(count)
            ]
        return self.env["aftersales.contract.inspection"].create(vals_list)

    def _prepare_inspection_vals(self, date_planned):
        self.ensure_one()
        return {"contract_id": self.id, "date_planned": date_planned}

    # Invoicing -------------------------------------------------------------

    def action_create_invoice(self):
        """The fee as a customer invoice in Odoo's invoicing (draft: the
        accountant checks and posts it as usual)."""
        self.ensure_one()
        self.env["account.move"].check_access("create")
        if self.state not in OPEN_STATES:
            raise UserError(self.env._("Only a running contract is invoiced (%s).", self.name))
        if self.fee <= 0:
            raise UserError(self.env._("Contract %s has no fee to invoice.", self.name))
        invoice = (
            self.env["account.move"]
            .with_company(self.company_id)
            .create(self._prepare_invoice_vals())
        )
        self.invoice_ids = [Command.link(invoice.id)]
        return self.action_view_invoices()

    def _prepare_invoice_vals(self):
        """The fee's customer invoice."""
        self.ensure_one()
        product = self.env.ref("aftersales_warranty.product_maintenance_fee")
        return {
            "move_type": "out_invoice",
            "partner_id": self.partner_id.id,
            "invoice_origin": self.name,
            "invoice_user_id": self.user_id.id,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "name": self.env._(
                            "Maintenance contract %(name)s, %(start)s to %(end)s",
                            name=self.name,
                            start=self.date_start,
                            end=self.date_end,
                        ),
                        "quantity": 1,
                        "price_unit": self.fee,
                    }
                )
            ],
        }

    def action_view_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("account.action_move_out_invoice_type")
        if len(self.invoice_ids) == 1:
            action.update(views=[(False, "form")], res_id=self.invoice_ids.id, view_mode="form")
        else:
            action["domain"] = [("id", "in", self.invoice_ids.ids)]
        action["context"] = {"default_move_type": "out_invoice"}
        return action

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "A contract that has started keeps its history: cancel it "
                    "instead of deleting it."
                )
            )

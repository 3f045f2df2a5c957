# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Recurring contract invoicing (P6, issue 16).

A maintenance contract bills itself by calendar periods (months, quarters,
half-years, years), in advance (due on the period's first day) or in arrears
(due the day after its last day). Each billed period is a row of
``aftersales.contract.billing.period``, unique per (contract, first day,
kind) in the database: one invoice per period however often and on however
many workers the daily action runs. The first and last periods are pro rata
by days; nothing is billed after the contract's end or its cancellation, and
the unused days of a cancelled prepaid period are credited.

Built natively on ``account.move`` rather than on OCA ``contract``: the
contract is the suite's maintenance contract (its steps, renewal, coverage),
a second contract document would duplicate it, and the guarantees asked for
(one invoice per period under concurrent workers, credit of a cancelled
prepaid period, catch-up) are the suite's batch and constraint patterns."""

import logging
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date

from odoo.addons.aftersales_base.lang import in_company_lang

_logger = logging.getLogger(__name__)

ACCOUNTANT = "account.group_account_invoice"
PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
BILLING_PERIODS = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("half_yearly", "Half-yearly"),
    ("yearly", "Yearly"),
]
ONE_DAY = timedelta(days=1)


def calendar_period(day, months):
    """(first day, last day) of the calendar period of ``months`` months
    (1, 3, 6 or 12: month, quarter, half-year, year) holding ``day``."""
    first = date(day.year, ((day.month - 1) // months) * months + 1, 1)
    return first, first + relativedelta(months=months, days=-1)


class AftersalesMaintenanceContract(models.Model):
    _inherit = "aftersales.maintenance.contract"  # pylint: disable=consider-merging-classes-inherited
    _process_fields = (
        "state",
        "predecessor_id",
        "successor_id",
        "renewal_lead_id",
        "billing_date_stop",
    )

    billing_mode = fields.Selection(
        [("manual", "One-off (by hand)"), ("recurring", "Recurring")],
        string="Invoicing",
        default="manual",
        required=True,
        tracking=True,
        help="Recurring: the daily action invoices each period of the billing schedule. "
        "One-off: the fee is invoiced by hand (Create Invoice).",
    )
    billing_period = fields.Selection(
        BILLING_PERIODS, default="monthly", required=True, tracking=True
    )
    billing_timing = fields.Selection(
        [("advance", "In advance"), ("arrears", "In arrears")],
        string="Billed",
        default="advance",
        required=True,
        tracking=True,
        help="In advance: a period is invoiced on its first day. In arrears: the day "
        "after its last day.",
    )
    billing_amount_type = fields.Selection(
        [("fixed", "Fixed fee per period"), ("per_unit", "Per covered unit")],
        string="Amount",
        default="fixed",
        required=True,
        tracking=True,
        help="Per covered unit: the price times the number of covered serials and "
        "certificates on the day the period is invoiced.",
    )
    billing_price = fields.Monetary(
        string="Price per Period",
        tracking=True,
        help="A full period's price (per covered unit when so billed); the first and "
        "last periods are pro rata by days.",
    )
    billing_date_start = fields.Date(
        string="Billing Start",
        compute="_compute_billing_date_start",
        store=True,
        readonly=False,
        precompute=True,
        copy=False,
        tracking=True,
        help="The first day billed (by default the contract's start).",
    )
    billing_date_stop = fields.Date(
        string="Billing Stopped On",
        readonly=True,
        copy=False,
        help="The day the contract was cancelled: from this day on nothing is billed, and "
        "the unused days of a prepaid period are credited.",
    )
    billing_period_ids = fields.One2many(
        "aftersales.contract.billing.period",
        "contract_id",
        string="Billed Periods",
        groups=ACCOUNTANT,
    )
    billing_next_date = fields.Date(
        string="Next Period From",
        compute="_compute_billing_next_date",
        store=True,
        help="The first day not billed yet (from the billed periods).",
    )
    billing_next_due = fields.Date(
        string="Next Invoice On",
        compute="_compute_billing_next_due",
        store=True,
        index="btree_not_null",
        help="The day the next period is due; empty when nothing is left to bill.",
    )

    _billing_price_positive = models.Constraint(
        "CHECK(billing_price >= 0)", "A billing price cannot be negative."
    )

    @api.depends("date_start")
    def _compute_billing_date_start(self):
        for contract in self:
            contract.billing_date_start = contract.date_start

    @api.depends("billing_date_start", "billing_period_ids.date_to", "billing_period_ids.kind")
    def _compute_billing_next_date(self):
        for contract in self:
            billed = contract.sudo().billing_period_ids.filtered(lambda p: p.kind == "normal")
            last = max(billed.mapped("date_to"), default=False)
            contract.billing_next_date = last + ONE_DAY if last else contract.billing_date_start

    @api.depends(
        "state",
        "billing_mode",
        "billing_period",
        "billing_timing",
        "billing_next_date",
        "billing_date_stop",
        "date_end",
    )
    def _compute_billing_next_due(self):
        for contract in self:
            period = None
            if contract.billing_mode == "recurring" and contract.state != "draft":
                period = contract._billing_period_from(contract.billing_next_date)
            contract.billing_next_due = period and contract._billing_due_day(*period)

    @api.constrains("billing_date_start", "date_start", "date_end")
    def _check_billing_date_start(self):
        for contract in self:
            start = contract.billing_date_start
            if start and not contract.date_start <= start <= contract.date_end:
                raise ValidationError(
                    self.env._(
                        "The billing of contract %(name)s must start within its term "
                        "(%(start)s to %(end)s).",
                        name=contract.name,
                        start=contract.date_start,
                        end=contract.date_end,
                    )
                )

    # The schedule -----------------------------------------------------------

    def _billing_last_day(self):
        """The last day this contract bills: its end, or the day before it
        was cancelled."""
        self.ensure_one()
        if self.billing_date_stop:
            return min(self.date_end, self.billing_date_stop - ONE_DAY)
        return self.date_end

    def _billing_period_from(self, day):
        """The period billed from ``day`` (a calendar period cut to the
        billing start and the last day billed), as (first day, last day), or
        None when ``day`` is past the last day billed."""
        self.ensure_one()
        last = self._billing_last_day()
        if not day or not self.billing_date_start or day > last:
            return None
        full_from, full_to = calendar_period(day, PERIOD_MONTHS[self.billing_period])
        return max(day, full_from, self.billing_date_start), min(full_to, last)

    def _billing_due_day(self, date_from, date_to):
        """In advance: the period's first day; in arrears: the day after its last."""
        self.ensure_one()
        return date_from if self.billing_timing == "advance" else date_to + ONE_DAY

    def _billing_units(self):
        """How many units a per-unit contract bills: its covered serials, and
        its certificates of equipment not among them."""
        self.ensure_one()
        if self.billing_amount_type != "per_unit":
            return 1
        extra = self.certificate_ids.filtered(
            lambda c: not c.lot_id or c.lot_id not in self.lot_ids
        )
        return len(self.lot_ids) + len(extra)

    def _billing_amount(self, date_from, date_to, units):
        """The price of ``units`` for the days of ``date_from``..``date_to``:
        pro rata by days of the calendar period they belong to."""
        self.ensure_one()
        full_from, full_to = calendar_period(date_from, PERIOD_MONTHS[self.billing_period])
        days = (date_to - date_from).days + 1
        full_days = (full_to - full_from).days + 1
        return self.currency_id.round(self.billing_price * units * days / full_days)

    def _billing_plans(self, until):
        """Every period of these contracts due on or before ``until``, not
        billed yet, in order: dicts (contract, date_from, date_to, date_due,
        units, amount). Reads only what the batch prefetches."""
        plans = []
        for contract in self:
            if contract.billing_mode != "recurring" or contract.state == "draft":
                continue
            units = None
            day = contract.billing_next_date
            while period := contract._billing_period_from(day):
                due = contract._billing_due_day(*period)
                if due > until:
                    break
                if units is None:
                    units = contract._billing_units()
                plans.append(
                    {
                        "contract": contract,
                        "date_from": period[0],
                        "date_to": period[1],
                        "date_due": due,
                        "units": units,
                        "amount": contract._billing_amount(*period, units),
                    }
                )
                day = period[1] + ONE_DAY
        return plans

    # Invoices -----------------------------------------------------------------

    def _billing_label(self, date_from, date_to, partner_env):
        """A period's invoice line label, in the customer's language."""
        self.ensure_one()
        env = partner_env
        return env._(
            "Maintenance contract %(name)s: %(start)s to %(end)s",
            name=self.name,
            start=format_date(env, date_from),
            end=format_date(env, date_to),
        )

    def _prepare_billing_line_vals(self, plan, partner_env, product):
        """The invoice line of one period (P6)."""
        self.ensure_one()
        units = plan["units"]
        label = self._billing_label(plan["date_from"], plan["date_to"], partner_env)
        full_from, full_to = calendar_period(plan["date_from"], PERIOD_MONTHS[self.billing_period])
        if (plan["date_from"], plan["date_to"]) != (full_from, full_to):
            label += partner_env._(
                " (pro rata: %(days)s of %(full)s days)",
                days=(plan["date_to"] - plan["date_from"]).days + 1,
                full=(full_to - full_from).days + 1,
            )
        return {
            "product_id": product.id,
            "name": label,
            "quantity": units,
            "price_unit": plan["amount"] / units if units else 0.0,
        }

    @api.model
    def _billing_fixed_vals(self, company, partners):
        """What Odoo would look up once per invoice (N+1), looked up once per
        batch: the fiscal position (none when the company has none, else once
        per customer) and the analytic distribution of the lines (none when the
        company has no distribution model; else Odoo computes it per line)."""
        fixed = {"fiscal_position": {}, "line": {}}
        FiscalPosition = self.env["account.fiscal.position"].sudo().with_company(company)
        has_positions = FiscalPosition.search_count(
            [("company_id", "in", company.parent_ids.ids)], limit=1
        )
        for partner in set(partners):
            fixed["fiscal_position"][partner.id] = (
                FiscalPosition._get_fiscal_position(partner).id if has_positions else False
            )
        has_models = (
            self.env["account.analytic.distribution.model"]
            .sudo()
            .search_count([("company_id", "in", [*company.parent_ids.ids, False])], limit=1)
        )
        if not has_models:
            fixed["line"]["analytic_distribution"] = False
        return fixed

    def _prepare_billing_invoice_vals(
        self, plan, journal, product, move_type="out_invoice", fixed=None
    ):
        """The invoice (or credit note) of one period (P6)."""
        self.ensure_one()
        fixed = fixed or {"fiscal_position": {}, "line": {}}
        extra = {}
        if self.partner_id.id in fixed["fiscal_position"]:
            extra["fiscal_position_id"] = fixed["fiscal_position"][self.partner_id.id]
        if plan.get("reversed_entry_id"):
            extra["reversed_entry_id"] = plan["reversed_entry_id"]
        partner_env = self.with_context(lang=self.partner_id.lang or self.env.lang).env
        line_vals = dict(
            self._prepare_billing_line_vals(plan, partner_env, product), **fixed["line"]
        )
        invoice_date = plan.get("invoice_date") or (
            plan["date_from"] if self.billing_timing == "advance" else plan["date_to"]
        )
        return {
            "move_type": move_type,
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "journal_id": journal.id,
            "currency_id": self.currency_id.id,
            "invoice_origin": self.name,
            "invoice_user_id": self.user_id.id,
            "invoice_date": invoice_date,
            "aftersales_contract_id": self.id,
            "invoice_line_ids": [Command.create(line_vals)],
            **extra,
        }

    def action_create_invoice(self):
        """A contract billed by periods is not invoiced by hand as well."""
        for contract in self:
            if contract.billing_mode == "recurring":
                raise UserError(
                    self.env._(
                        "Contract %s is invoiced by its billing schedule: use Invoice Due Periods.",
                        contract.name,
                    )
                )
        return super().action_create_invoice()

    def _prepare_invoice_vals(self):
        """The one-off invoice (by hand) is the contract's too: listed with
        the contract invoices of the accountant."""
        return dict(super()._prepare_invoice_vals(), aftersales_contract_id=self.id)

    def _bill_periods(self, plans, move_type="out_invoice", kind="normal"):
        """Creates the moves of ``plans`` (one per period, in one create per
        company), their period rows and the contracts' links; posts them when
        the company says so. Returns the moves."""
        Move = self.env["account.move"].sudo()
        Period = self.env["aftersales.contract.billing.period"].sudo()
        product = self.env.ref("aftersales_warranty.product_maintenance_fee")
        moves = Move
        for company in self.company_id:
            company_plans = [p for p in plans if p["contract"].company_id == company]
            if not company_plans:
                continue
            journal = (
                self.env["account.journal"]
                .sudo()
                .search([("type", "=", "sale"), ("company_id", "=", company.id)], limit=1)
            )
            if not journal:
                raise UserError(
                    self.env._(
                        "Company %s has no sales journal to invoice contracts.", company.name
                    )
                )
            billable = [p for p in company_plans if p["amount"] > 0]
            fixed = self._billing_fixed_vals(company, [p["contract"].partner_id for p in billable])
            company_moves = (
                Move.with_company(company)
                .with_context(
                    default_move_type=move_type,
                    tracking_disable=True,
                    mail_create_nolog=True,
                    mail_create_nosubscribe=True,
                    mail_notrack=True,
                )
                .create(
                    [
                        p["contract"]._prepare_billing_invoice_vals(
                            p, journal, product, move_type, fixed
                        )
                        for p in billable
                    ]
                )
            )
            for plan, move in zip(billable, company_moves, strict=True):
                plan["move"] = move
            Period.create(
                [
                    {
                        "contract_id": p["contract"].id,
                        "date_from": p["date_from"],
                        "date_to": p["date_to"],
                        "kind": kind,
                        "units": p["units"],
                        "amount": -p["amount"] if kind == "credit" else p["amount"],
                        "move_id": p.get("move", Move).id,
                        "credited_period_id": p.get("credited_period_id"),
                    }
                    for p in company_plans
                ]
            )
            if company.aftersales_contract_billing_post and company_moves:
                company_moves.action_post()
            moves |= company_moves
        if moves:
            # the contracts' invoices (W6), in one statement
            self.env.cr.execute(
                SQL(
                    """INSERT INTO aftersales_contract_invoice_rel (contract_id, move_id)
                       SELECT aftersales_contract_id, id FROM account_move WHERE id IN %s
                       ON CONFLICT DO NOTHING""",
                    tuple(moves.ids),
                )
            )
            self.invalidate_recordset(["invoice_ids", "invoice_count"])
        return moves

    def _bill_due(self, today):
        """Invoices every period of these contracts due by ``today`` (the
        caller has locked them): catches up missed periods, one invoice each."""
        plans = self._billing_plans(today)
        if plans:
            self._bill_periods(plans)
        return plans

    @api.model
    def _bill_batch(self, company, today, limit):
        """One batch of the daily action: the contracts of ``company`` with a
        period due, locked (those another worker holds are left to it)."""
        contracts = self._locked_batch(
            [
                ("company_id", "=", company.id),
                ("billing_next_due", "!=", False),
                ("billing_next_due", "<=", today),
            ],
            limit,
        )
        if not contracts:
            return 0
        contracts._bill_due(today)
        return len(contracts)

    @api.model
    def _billing_companies(self):
        """The companies with contracts due that can invoice them: a company
        without a sales journal (no chart of accounts yet) is left out of the
        daily action, its contracts stay due (the button on a contract says
        why)."""
        due = self.env["res.company"].browse(
            company.id
            for [company] in self.sudo()._read_group(
                [("billing_next_due", "!=", False)], ["company_id"]
            )
        )
        journals = (
            self.env["account.journal"]
            .sudo()
            .search([("type", "=", "sale"), ("company_id", "in", due.ids)])
        )
        ready = due & journals.company_id
        if due - ready:
            _logger.info(
                "Contract billing: no sales journal in %s, their contracts stay due",
                ", ".join((due - ready).mapped("name")),
            )
        return ready

    @api.model
    @in_company_lang
    def _cron_contract_billing(self, batch_size=200):
        """The daily action (P6): each company's contracts bill what is due
        on the company's local day. Safe to rerun: billed periods are not due
        any more, and the database refuses a period twice."""
        companies = self._billing_companies()
        total = 0
        for company in companies:
            today = company._aftersales_today()
            total += self._run_batches(
                lambda c=company, t=today: self._bill_batch(c, t, batch_size)
            )
        return total

    def action_bill_due_periods(self):
        """The accountant invoices what is due now, without waiting for the
        daily action."""
        self._ensure_role((ACCOUNTANT,), self.env._("invoice the due contract periods"))
        self.check_access("read")  # the user's companies' contracts only
        contracts = self.sudo()._lock_skip_locked()
        for company in contracts.company_id:
            mine = contracts.filtered(lambda c, co=company: c.company_id == co)
            mine._bill_due(company._aftersales_today())
        return True

    def action_view_billing_periods(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "aftersales_warranty.action_contract_billing_period"
        )
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {"default_contract_id": self.id}
        return action

    # Cancellation: billing stops, the unused prepaid days are credited -------

    def _set_state(self, state, vals=None):
        if state != "cancelled":
            return super()._set_state(state, vals)
        drafts = self.filtered(lambda c: c.state == "draft")
        result = super()._set_state(state, vals)
        for contract in self:
            stop = (
                contract.billing_date_start or contract.date_start
                if contract in drafts
                else contract.company_id._aftersales_today()
            )
            contract._write_process({"billing_date_stop": stop})
        (self - drafts)._billing_credit_unused()
        return result

    def _billing_credit_unused(self):
        """Credit notes for the days after the cancellation of the prepaid
        periods billed (one line per period, reversing only the unused part)."""
        plans = []
        for contract in self.sudo():
            stop = contract.billing_date_stop
            if not stop:
                continue
            periods = contract.billing_period_ids
            credited = periods.filtered(lambda p: p.kind == "credit").credited_period_id
            for period in (periods - credited).filtered(
                lambda p, s=stop: p.kind == "normal" and p.date_to >= s and p.amount > 0
            ):
                first_unused = max(stop, period.date_from)
                days = (period.date_to - period.date_from).days + 1
                unused = (period.date_to - first_unused).days + 1
                amount = contract.currency_id.round(period.amount * unused / days)
                plans.append(
                    {
                        "contract": contract,
                        "date_from": first_unused,
                        "date_to": period.date_to,
                        "units": period.units,
                        "amount": amount,
                        "invoice_date": stop,
                        "credited_period_id": period.id,
                        "reversed_entry_id": (
                            period.move_id.id if period.move_id.state == "posted" else False
                        ),
                    }
                )
        if not plans:
            return self.env["account.move"]
        return self._bill_periods(plans, move_type="out_refund", kind="credit")


class AftersalesContractBillingPeriod(models.Model):
    """One billed period of a maintenance contract (P6): unique per contract,
    first day and kind in the database, so that no period is invoiced (or
    credited) twice, whoever runs the billing and however often."""

    _name = "aftersales.contract.billing.period"
    _description = "Contract Billing Period"
    _order = "date_from desc, id desc"
    _rec_name = "date_from"

    # a started contract is never deleted (it is cancelled); a draft one has
    # no billed period; uninstalling the module deletes both
    contract_id = fields.Many2one(
        "aftersales.maintenance.contract",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True, string="Customer")
    currency_id = fields.Many2one(related="contract_id.currency_id")
    date_from = fields.Date(string="From", required=True, readonly=True)
    date_to = fields.Date(string="To", required=True, readonly=True)
    kind = fields.Selection(
        [("normal", "Invoice"), ("credit", "Credit note")],
        required=True,
        default="normal",
        readonly=True,
    )
    units = fields.Integer(readonly=True, default=1)
    amount = fields.Monetary(readonly=True, help="Untaxed amount invoiced (negative: credited).")
    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    move_state = fields.Selection(related="move_id.state", string="Invoice Status")
    payment_state = fields.Selection(related="move_id.payment_state")
    credited_period_id = fields.Many2one(
        "aftersales.contract.billing.period", readonly=True, index="btree_not_null"
    )

    _period_uniq = models.Constraint(
        "UNIQUE(contract_id, date_from, kind)",
        "A contract's period is invoiced (and credited) once.",
    )
    _period_dates = models.Constraint(
        "CHECK(date_to >= date_from)", "A billing period cannot end before it starts."
    )

    @api.depends("contract_id", "date_from", "date_to")
    def _compute_display_name(self):
        for period in self:
            period.display_name = (
                f"{period.contract_id.name}: {period.date_from} – {period.date_to}"
            )


class AccountMove(models.Model):
    _inherit = "account.move"

    aftersales_contract_id = fields.Many2one(
        "aftersales.maintenance.contract",
        string="Maintenance Contract",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    aftersales_contract_billing_post = fields.Boolean(
        string="Post Contract Invoices",
        help="Recurring contract invoices are posted as soon as they are created; "
        "otherwise they wait in draft for the accountant.",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    aftersales_contract_billing_post = fields.Boolean(
        related="company_id.aftersales_contract_billing_post", readonly=False
    )

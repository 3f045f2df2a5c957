# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..roles import MANAGER

PENALTY_ROLES = [
    ("responsible", "Directly Responsible"),
    ("head", "Department Head"),
    ("late", "Handling Ran Late"),
    ("team_leader", "Team Leader (no one identified)"),
    ("improvement", "Effective Improvement"),
    ("other", "Other"),
]
# The one path of a ledger line (X6): the states each state is reached from.
TRANSITIONS = {"confirmed": ("draft",), "cancelled": ("draft", "confirmed")}
# What a confirmed or cancelled line keeps as it was decided (C8); modules
# that link lines to their documents add theirs (_ledger_locked_fields).
LEDGER_FIELDS = (
    "user_id",
    "kind",
    "role",
    "basis",
    "fixed_amount",
    "percent",
    "loss_amount",
    "is_doubled",
    "amount",
    "date",
    "company_id",
)


class AftersalesLedgerEntry(models.Model):
    """One line of the performance ledger: who pays a penalty or gets a
    reward, why and how much. Complaints (C8) and quality assessments (V7)
    write here, the scorecard reads it. Visible only to managers, the
    quality department and the person concerned (record rules)."""

    _name = "aftersales.ledger.entry"
    _description = "Performance Ledger Entry"
    _inherit = ["mail.thread", "aftersales.process.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # X6: written only by the line's transition ``_set_state()``.
    _process_fields = ("state", "confirmed_by_id", "date_confirmed")

    user_id = fields.Many2one(
        "res.users",
        string="Employee",
        required=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    kind = fields.Selection(
        [("penalty", "Penalty"), ("reward", "Reward")],
        required=True,
        default="penalty",
        tracking=True,
    )
    role = fields.Selection(PENALTY_ROLES, default="other", required=True, tracking=True)
    basis = fields.Selection(
        [("fixed", "Fixed Amount"), ("percent", "Percentage of the Loss")],
        default="fixed",
        required=True,
    )
    fixed_amount = fields.Monetary(string="Base Amount")
    percent = fields.Float(string="Percentage", help="Of the loss the complaint caused.")
    loss_amount = fields.Monetary(string="Loss", help="Of the document the line is about.")
    is_doubled = fields.Boolean(
        string="Doubled (Repeat)",
        help="The same problem was complained about again within the repeat window.",
    )
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(
        required=True, default=lambda self: self.env.company._aftersales_today(), index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    note = fields.Char(string="Reason")
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_confirmed = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )

    def _compute_company_id(self):
        """Hook: the company of what the line is about (complaint...), else
        the current one."""
        for line in self:
            line.company_id = line.company_id or self.env.company

    @api.depends("basis", "fixed_amount", "percent", "loss_amount", "is_doubled")
    def _compute_amount(self):
        for line in self:
            if line.state not in ("draft", False):
                line.amount = line.amount  # a decided line keeps its figures
                continue
            if line.basis == "percent":
                base = line.loss_amount * line.percent / 100
            else:
                base = line.fixed_amount
            if base:
                line.amount = base * 2 if line.is_doubled else base
            else:
                # An amount typed directly (e.g. a quality-assessment reward) stays.
                line.amount = line.amount

    @api.constrains("percent", "basis", "amount")
    def _check_amount(self):
        for line in self:
            if line.basis == "percent" and not 0 < line.percent <= 100:
                raise ValidationError(
                    self.env._("A penalty is a percentage between 0 and 100 % of the loss.")
                )
            if line.amount <= 0 and line.state != "cancelled":
                raise ValidationError(self.env._("A penalty or reward amount must be positive."))

    def write(self, vals):
        locked = set(self._ledger_locked_fields()).intersection(vals)
        if locked and self.filtered(lambda line: line.state != "draft"):
            raise UserError(
                self.env._(
                    "A confirmed or cancelled penalty or reward stays as it was decided: "
                    "cancel it and record a new one instead."
                )
            )
        return super().write(vals)

    def _ledger_locked_fields(self):
        """Hook: the fields a decided line keeps as they were decided."""
        return LEDGER_FIELDS

    # -- the steps ------------------------------------------------------------
    def action_confirm(self):
        """C8: the service manager confirms the line into the ledger."""
        self._ensure_role(MANAGER, self.env._("confirm penalties and rewards"))
        self._set_state(
            "confirmed",
            {"confirmed_by_id": self.env.user.id, "date_confirmed": fields.Datetime.now()},
        )
        return True

    def action_cancel(self):
        """C8: the service manager cancels a line (a confirmed one stays on
        record, cancelled)."""
        self._ensure_role(MANAGER, self.env._("cancel penalties and rewards"))
        self._set_state("cancelled")
        return True

    def _check_not_in_own_favour(self, state):
        """Nobody decides a line in his own favour: confirming a reward to
        himself, or cancelling a penalty of his own."""
        kind = "reward" if state == "confirmed" else "penalty"
        own = self.filtered(lambda line: line.kind == kind and line.user_id == self.env.user)
        if own:
            raise AccessError(
                self.env._(
                    "%(employee)s cannot decide a %(kind)s in his own favour: another "
                    "service manager does.",
                    employee=self.env.user.name,
                    kind=dict(self._fields["kind"]._description_selection(self.env))[kind],
                )
            )
        return True

    # -- the one transition -----------------------------------------------------
    def _set_state(self, state, values=None):
        """The one transition of a ledger line (X6): from the state before it,
        never in the decider's own favour."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for line in self:
            if line.state not in TRANSITIONS.get(state, ()):
                raise UserError(
                    self.env._(
                        "This %(kind)s is “%(current)s”: it cannot become “%(state)s”.",
                        kind=kinds[line.kind],
                        current=labels[line.state],
                        state=labels.get(state, state),
                    )
                )
        self._check_not_in_own_favour(state)
        return self._write_process(dict(values or {}, state=state))

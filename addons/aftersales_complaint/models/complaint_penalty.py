# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PENALTY_ROLES = [
    ("responsible", "Directly Responsible"),
    ("head", "Department Head"),
    ("late", "Handling Ran Late"),
    ("team_leader", "Team Leader (no one identified)"),
    ("improvement", "Effective Improvement"),
    ("other", "Other"),
]


class AftersalesComplaintPenalty(models.Model):
    """One line of the penalty and reward ledger (C8): who pays (or is
    rewarded), why and how much. Visible only to managers and the person
    concerned (record rules)."""

    _name = "aftersales.complaint.penalty"
    _description = "Complaint Penalty / Reward"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    complaint_id = fields.Many2one(
        "aftersales.complaint", index=True, ondelete="restrict", check_company=True
    )
    action_id = fields.Many2one(
        "aftersales.complaint.action",
        string="Improvement",
        index=True,
        ondelete="restrict",
        check_company=True,
    )
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
    loss_amount = fields.Monetary(
        string="Loss",
        compute="_compute_loss_amount",
        store=True,
        readonly=False,
        precompute=True,
    )
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
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )

    @api.depends("complaint_id")
    def _compute_company_id(self):
        for line in self:
            line.company_id = line.complaint_id.company_id or line.company_id or self.env.company

    @api.depends("complaint_id.loss_amount")
    def _compute_loss_amount(self):
        for line in self:
            line.loss_amount = line.complaint_id.loss_amount or line.loss_amount

    @api.depends("basis", "fixed_amount", "percent", "loss_amount", "is_doubled")
    def _compute_amount(self):
        for line in self:
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

    @api.constrains("complaint_id")
    def _check_complaint_not_rejected(self):
        for line in self:
            if line.complaint_id.state == "rejected":
                raise ValidationError(
                    self.env._(
                        "Complaint %(name)s was rejected as invalid: nobody is penalised for it.",
                        name=line.complaint_id.name,
                    )
                )

    def action_confirm(self):
        if self.filtered(lambda line: line.state != "draft"):
            raise UserError(self.env._("Only draft penalties and rewards can be confirmed."))
        self.write({"state": "confirmed"})

    def action_cancel(self):
        self.write({"state": "cancelled"})

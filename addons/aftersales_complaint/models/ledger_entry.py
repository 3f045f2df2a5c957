# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesLedgerEntry(models.Model):
    """Penalties of a complaint and rewards of its improvements (C8)."""

    _inherit = "aftersales.ledger.entry"

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
    loss_amount = fields.Monetary(
        compute="_compute_loss_amount", store=True, readonly=False, precompute=True
    )
    # The complaint's company, not the default of aftersales_base (a default
    # would fill the field before the computation runs).
    company_id = fields.Many2one(
        compute="_compute_company_id", store=True, readonly=False, precompute=True, default=None
    )

    @api.depends("complaint_id")
    def _compute_company_id(self):
        for line in self:
            line.company_id = line.complaint_id.company_id or line.company_id or self.env.company

    @api.depends("complaint_id.loss_amount")
    def _compute_loss_amount(self):
        for line in self:
            if line.state not in ("draft", False):
                line.loss_amount = line.loss_amount  # a decided line keeps its figures
                continue
            line.loss_amount = line.complaint_id.loss_amount or line.loss_amount

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

    def _ledger_locked_fields(self):
        return (*super()._ledger_locked_fields(), "complaint_id", "action_id")

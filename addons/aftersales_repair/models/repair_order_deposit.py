# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

ACCOUNTANT = "account.group_account_invoice"


class RepairOrder(models.Model):
    """Parts for a warranty claim need a customer deposit (S13): before the
    parts of a free (warranty) job are issued, a deposit invoice for their
    list value is posted and paid. It is settled (refunded or deducted) once
    the claim is decided, in Odoo's invoicing."""

    _inherit = "repair.order"  # pylint: disable=consider-merging-classes-inherited

    aftersales_deposit_needed = fields.Boolean(
        string="Deposit Needed", compute="_compute_aftersales_deposit_needed"
    )
    aftersales_deposit_amount = fields.Monetary(
        string="Deposit",
        currency_field="aftersales_currency_id",
        compute="_compute_aftersales_deposit_amount",
        store=True,
        readonly=False,
        copy=False,
    )
    aftersales_currency_id = fields.Many2one(related="company_id.currency_id")
    aftersales_deposit_invoice_id = fields.Many2one(
        "account.move", string="Deposit Invoice", readonly=True, copy=False
    )
    aftersales_deposit_invoiced = fields.Boolean(compute="_compute_aftersales_deposit_needed")
    aftersales_deposit_paid = fields.Boolean(
        string="Deposit Paid", compute="_compute_aftersales_deposit_needed"
    )

    @api.depends("move_ids.product_uom_qty", "move_ids.product_id")
    def _compute_aftersales_deposit_amount(self):
        for repair in self:
            if repair.aftersales_deposit_invoice_id:
                continue
            repair.aftersales_deposit_amount = sum(
                move.product_id.lst_price * move.product_uom_qty
                for move in repair.move_ids
                if move.repair_line_type == "add" and move.state != "cancel"
            )

    @api.depends(
        "aftersales_request_id.service_category",
        "move_ids.repair_line_type",
        "aftersales_deposit_invoice_id.payment_state",
    )
    def _compute_aftersales_deposit_needed(self):
        for repair in self:
            repair.aftersales_deposit_needed = bool(
                repair.aftersales_request_id.service_category == "free"
                and repair.move_ids.filtered(lambda m: m.repair_line_type == "add")
            )
            invoice = repair.sudo().aftersales_deposit_invoice_id
            repair.aftersales_deposit_invoiced = invoice.state in ("draft", "posted")
            repair.aftersales_deposit_paid = invoice.state == "posted" and (
                invoice.payment_state in ("paid", "in_payment")
            )

    def action_aftersales_create_deposit(self):
        """The deposit invoice (draft: the accountant posts it as usual)."""
        if not self.env.user.has_group(ACCOUNTANT):
            raise AccessError(self.env._("Only an accountant invoices deposits."))
        self.ensure_one()
        self.check_access("read")  # a repair of his own companies only (X3)
        # The accountant works in invoicing: the repair is read as it stands.
        repair = self.sudo()
        if not repair.aftersales_deposit_needed:
            raise UserError(self.env._("%s needs no deposit.", repair.name))
        if repair.aftersales_deposit_invoice_id.filtered(lambda m: m.state != "cancel"):
            raise UserError(self.env._("The deposit of %s is already invoiced.", repair.name))
        if repair.aftersales_deposit_amount <= 0:
            raise UserError(self.env._("Enter the deposit of %s.", repair.name))
        invoice = (
            self.env["account.move"]
            .with_company(repair.company_id)
            .create(repair._prepare_deposit_invoice_vals())
        )
        repair.aftersales_deposit_invoice_id = invoice
        return self.env["aftersales.service.request"]._action_view_moves(invoice)

    def _prepare_deposit_invoice_vals(self):
        """The parts deposit's customer invoice (no tax: a deposit)."""
        self.ensure_one()
        product = self.env.ref("aftersales_repair.product_aftersales_deposit")
        return {
            "move_type": "out_invoice",
            "partner_id": self.partner_id.id,
            "invoice_origin": self.name,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "name": self.env._("Parts deposit, warranty claim %s", self.name),
                        "quantity": 1,
                        "price_unit": self.aftersales_deposit_amount,
                        "tax_ids": [Command.clear()],
                    }
                )
            ],
        }

    def action_repair_start(self):
        for repair in self:
            if repair.aftersales_deposit_needed and not repair.aftersales_deposit_paid:
                raise UserError(
                    self.env._(
                        "%s is a warranty claim: the customer pays the parts deposit "
                        "before parts are issued.",
                        repair.name,
                    )
                )
        return super().action_repair_start()

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .service_request_visit import check_signature_image

RECEIPT_STATES = [
    ("in", "In Workshop"),
    ("returned", "Returned (voided)"),
]


class AftersalesGoodsReceipt(models.Model):
    """The customer product receipt (客户商品领取收据, S7, S8) and the line of
    the customer-goods in/out register it stands for: the product enters the
    customer-goods stock location (owned by the customer) when taken in, and
    leaves it when given back; the receipt is then taken back and voided."""

    _name = "aftersales.goods.receipt"
    _description = "Customer Product Receipt"
    _inherit = ["mail.thread", "aftersales.numbered.mixin", "aftersales.process.mixin"]
    _sequence_code = "aftersales.goods.receipt"
    # Written only by the carry-in (intake) and the return (X6).
    _process_fields = (
        "state",
        "request_id",
        "repair_id",
        "date_in",
        "date_out",
        "intake_signature",
        "return_signature",
        "location_id",
        "move_in_id",
        "move_out_id",
    )
    _order = "date_in desc, id desc"
    _check_company_auto = True

    state = fields.Selection(
        RECEIPT_STATES, default="in", required=True, readonly=True, copy=False, tracking=True
    )
    request_id = fields.Many2one(
        "aftersales.service.request", required=True, index=True, readonly=True
    )
    repair_id = fields.Many2one("repair.order", readonly=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, readonly=True)
    product_id = fields.Many2one("product.product", required=True, readonly=True)
    lot_id = fields.Many2one("stock.lot", string="Serial Number", readonly=True, index=True)
    date_in = fields.Datetime(string="Taken In", required=True, readonly=True)
    date_promised = fields.Date(string="Promised For", required=True, tracking=True)
    date_out = fields.Datetime(string="Returned", readonly=True, copy=False)
    intake_signature = fields.Binary(readonly=True, attachment=True, copy=False)
    return_signature = fields.Binary(readonly=True, attachment=True, copy=False)
    location_id = fields.Many2one("stock.location", readonly=True)
    move_in_id = fields.Many2one("stock.move", readonly=True, copy=False)
    move_out_id = fields.Many2one("stock.move", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )

    _name_company_uniq = models.UniqueIndex(
        "(name, company_id) WHERE name != '/'",
        "A product receipt number is unique in its company.",
    )

    @api.constrains("intake_signature", "return_signature")
    def _check_signatures(self):
        for receipt in self:
            check_signature_image(
                self.env, receipt.intake_signature, self.env._("The intake signature")
            )
            check_signature_image(
                self.env, receipt.return_signature, self.env._("The return signature")
            )

    def _prepare_stock_move_vals(self, source, destination):
        """The move of the customer's product in or out of the workshop."""
        self.ensure_one()
        return {
            "product_id": self.product_id.id,
            "product_uom_qty": 1,
            "product_uom": self.product_id.uom_id.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "company_id": self.company_id.id,
            "origin": self.name,
            # owned by the repair's customer, so that Odoo's repair finds it
            "restrict_partner_id": self.partner_id.id,
            "move_line_ids": [
                Command.create(
                    {
                        "product_id": self.product_id.id,
                        "lot_id": self.lot_id.id,
                        "quantity": 1,
                        "location_id": source.id,
                        "location_dest_id": destination.id,
                        "owner_id": self.partner_id.id,
                        "company_id": self.company_id.id,
                    }
                )
            ],
        }

    def _stock_move(self, source, destination):
        self.ensure_one()
        move = (
            self.env["stock.move"].sudo().create(self._prepare_stock_move_vals(source, destination))
        )
        move._action_confirm()
        move.picked = True
        move._action_done()
        return move

    def _receive(self):
        customers = self.env.ref("stock.stock_location_customers")
        for receipt in self:
            location = self.env["stock.location"]._aftersales_customer_goods_location(
                receipt.company_id
            )
            receipt._write_process(
                {
                    "location_id": location.id,
                    "move_in_id": receipt._stock_move(customers, location).id,
                }
            )
        return True

    def _give_back(self, signature):
        """The product leaves the register; the receipt is voided (S8)."""
        customers = self.env.ref("stock.stock_location_customers")
        for receipt in self:
            if receipt.state != "in" or not receipt.move_in_id:
                raise UserError(
                    self.env._(
                        "%s never entered the customer-goods register, or has already left it.",
                        receipt.name,
                    )
                )
            if not signature:
                raise UserError(self.env._("The customer signs for the product they take back."))
            move = receipt._stock_move(receipt.location_id, customers)
            receipt._write_process(
                {
                    "state": "returned",
                    "date_out": fields.Datetime.now(),
                    "return_signature": signature,
                    "move_out_id": move.id,
                }
            )
        return True

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..models.service_request_visit import check_signature_image


class AftersalesCarryIn(models.TransientModel):
    """Not fixable on site (S7): the technician explains, promises a date,
    the customer signs the product receipt, the product enters the
    customer-goods register and a repair order (the repair card) is opened."""

    _name = "aftersales.carry.in"
    _description = "Take a Product to the Workshop"

    request_id = fields.Many2one("aftersales.service.request", required=True)
    date_promised = fields.Date(string="Promised Completion", required=True)
    explanation = fields.Text(string="Explanation Given", help="Why it cannot be fixed on site.")
    intake_signature = fields.Binary(string="Customer Signature")

    def action_confirm(self):
        self.ensure_one()
        request = self.request_id
        if request.state != "on_site":
            raise UserError(self.env._("Only a request on site goes to the workshop."))
        if not request.lot_id and request.product_id.tracking == "serial":
            raise UserError(self.env._("Give the serial number of the product taken in."))
        if not request.product_id:
            raise UserError(self.env._("Give the product taken in."))
        if self.date_promised < self.request_id.company_id._aftersales_today():
            raise UserError(self.env._("The promised completion date is in the past."))
        if not self.intake_signature:
            raise UserError(self.env._("The customer signs the product receipt."))
        check_signature_image(self.env, self.intake_signature, self.env._("The intake signature"))
        # the technician of the job or its supervisor, before anything is created
        request._ensure_own_job(self.env._("take the product to the workshop"))
        receipt = (
            self.env["aftersales.goods.receipt"]
            .sudo()
            ._create_process(self._prepare_goods_receipt_vals())
        )
        receipt._receive()
        repair = self.env["repair.order"].sudo().create(self._prepare_repair_vals(receipt))
        receipt._write_process({"repair_id": repair.id})
        request._set_state(
            "in_repair",
            {
                "repair_id": repair.id,
                "receipt_id": receipt.id,
                "diagnosis": "\n".join(filter(None, [request.diagnosis, self.explanation])),
            },
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.order",
            "res_id": repair.id,
            "view_mode": "form",
        }

    def _prepare_goods_receipt_vals(self):
        """The product receipt the customer signs (S7)."""
        self.ensure_one()
        request = self.request_id
        return {
            "request_id": request.id,
            "partner_id": request.partner_id.id,
            "product_id": request.product_id.id,
            "lot_id": request.lot_id.id,
            "date_in": fields.Datetime.now(),
            "date_promised": self.date_promised,
            "intake_signature": self.intake_signature,
            "company_id": request.company_id.id,
        }

    def _prepare_repair_vals(self, receipt):
        """The repair order (the repair card) of the product taken in."""
        self.ensure_one()
        request = self.request_id
        return {
            "partner_id": request.partner_id.id,
            "product_id": request.product_id.id,
            "lot_id": request.lot_id.id,
            "user_id": request.user_id.id,
            "company_id": request.company_id.id,
            "under_warranty": request.service_category == "free",
            "repair_request": request.fault_description,
            "internal_notes": request.diagnosis,
            # Only the customer's product sits in the customer-goods
            # register; parts come from the repair operation's component
            # location (the warehouse stock), as Odoo computes it.
            "product_location_src_id": receipt.location_id.id,
            "product_location_dest_id": receipt.location_id.id,
            "aftersales_request_id": request.id,
            "aftersales_receipt_id": receipt.id,
            "aftersales_date_promised": self.date_promised,
        }

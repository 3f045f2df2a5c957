# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..models.service_request_visit import check_signature_image


class AftersalesReturnProduct(models.TransientModel):
    """Giving the repaired product back (S8): inspected by the supervisor,
    signed for by the customer, out of the register, receipt voided, request
    closed and the repair written in the serial's service record."""

    _name = "aftersales.return.product"
    _description = "Return a Repaired Product"

    repair_id = fields.Many2one("repair.order", required=True)
    signed_by = fields.Char()
    return_signature = fields.Binary(string="Customer Signature")

    def action_confirm(self):
        self.ensure_one()
        repair = self.repair_id
        if not repair.aftersales_date_inspected:
            raise UserError(
                self.env._("The supervisor inspects %s before it goes back.", repair.name)
            )
        if not self.return_signature:
            raise UserError(self.env._("The customer signs for the product they take back."))
        check_signature_image(self.env, self.return_signature, self.env._("The return signature"))
        receipt = repair.aftersales_receipt_id
        if not receipt:
            raise UserError(
                self.env._("%s never entered the customer-goods register.", repair.name)
            )
        request = repair.aftersales_request_id
        if request.state != "in_repair":
            raise UserError(
                self.env._("%s is not in the workshop: nothing to give back.", request.name)
            )
        # who hands it back is checked by the request's step, before the stock moves
        request._ensure_transition_role("in_repair", "done")
        receipt.sudo()._give_back(self.return_signature)
        now = fields.Datetime.now()
        request._set_state(
            "done",
            {
                "date_done": now,
                "customer_signature": self.return_signature,
                "signed_by": self.signed_by,
                "date_signed": now,
                "voucher_to_file": True,
            },
        )
        request._append_service_record()
        request._schedule_voucher_filing()
        return True

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


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
        receipt = repair.aftersales_receipt_id
        if not receipt:
            raise UserError(
                self.env._("%s never entered the customer-goods register.", repair.name)
            )
        receipt.sudo()._give_back(self.return_signature)
        request = repair.aftersales_request_id
        now = fields.Datetime.now()
        request.write(
            {
                "state": "done",
                "date_done": now,
                "customer_signature": self.return_signature,
                "signed_by": self.signed_by,
            }
        )
        request._append_service_record()
        request._file_voucher()
        return True

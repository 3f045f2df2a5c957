# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesComplaint(models.Model):
    """A complaint about a service call, a workshop repair or a customer
    return (C1, C12, C13): the product, serial and employee concerned come
    from it."""

    _inherit = "aftersales.complaint"

    service_request_id = fields.Many2one(
        "aftersales.service.request", index=True, check_company=True
    )
    repair_id = fields.Many2one("repair.order", index=True, check_company=True)
    return_picking_id = fields.Many2one(
        "stock.picking", string="Customer Return", index=True, check_company=True
    )
    product_id = fields.Many2one(
        compute="_compute_from_source", store=True, readonly=False, precompute=True
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        compute="_compute_from_source",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        domain="[('product_id', '=?', product_id)]",
    )
    technician_id = fields.Many2one(
        compute="_compute_from_source", store=True, readonly=False, precompute=True
    )

    @api.depends("service_request_id", "repair_id", "return_picking_id")
    def _compute_from_source(self):
        """Product, serial and employee concerned from what the complaint is
        about (a default for one of them would stop the computation of all)."""
        for complaint in self:
            request, repair = complaint.service_request_id, complaint.repair_id
            # The desk registers complaints about returns it may not open.
            picking = complaint.return_picking_id.sudo()
            move = picking.move_ids[:1]
            lot = (
                request.lot_id or repair.lot_id or move.lot_ids[:1].sudo(False) or complaint.lot_id
            )
            # a complaint registered with only a serial: the serial names the
            # product (issue 15)
            complaint.product_id = (
                request.product_id
                or repair.product_id
                or move.product_id.sudo(False)
                or complaint.product_id
                # the desk registers complaints about serials it may not open
                or lot.sudo().product_id.sudo(False)
            )
            complaint.lot_id = lot
            complaint.technician_id = (
                request.user_id
                or repair.user_id
                or picking.aftersales_return_user_id.sudo(False)
                or complaint.technician_id
            )

    @api.onchange("lot_id")
    def _onchange_lot_id(self):
        """The serial names the product (issue 15)."""
        for complaint in self:
            if complaint.lot_id:
                complaint.product_id = complaint.lot_id.sudo().product_id.sudo(False)

    def write(self, vals):
        # a serial written on complaints without a product brings its product
        # (issue 15), whatever the client
        if vals.get("lot_id") and "product_id" not in vals:
            missing = self.filtered(lambda complaint: not complaint.product_id)
            if missing:
                lot = self.env["stock.lot"].sudo().browse(vals["lot_id"])
                result = super(AftersalesComplaint, missing).write(
                    {**vals, "product_id": lot.product_id.id}
                )
                if missing == self:
                    return result
                return super(AftersalesComplaint, self - missing).write(vals)
        return super().write(vals)

    @api.constrains("lot_id", "product_id")
    def _check_lot_product(self):
        for complaint in self:
            lot = complaint.lot_id.sudo()
            if lot and lot.product_id != complaint.product_id:
                raise ValidationError(
                    self.env._(
                        "Serial number %(lot)s belongs to %(lot_product)s, not to %(product)s: "
                        "choose the serial's product or another serial number.",
                        lot=lot.name,
                        lot_product=lot.product_id.display_name,
                        product=complaint.product_id.display_name,
                    )
                )

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesWarrantyService(models.Model):
    """One line of a product's service record (the warranty card, S11): each
    service's date and content, read at the next visit. Later modules append
    a line when they close a service request or a repair."""

    _name = "aftersales.warranty.service"
    _description = "Warranty Service Record"
    _order = "date desc, id desc"

    certificate_id = fields.Many2one(
        "aftersales.warranty.certificate",
        required=True,
        index=True,
        ondelete="cascade",
    )
    lot_id = fields.Many2one(related="certificate_id.lot_id", store=True, index=True)
    date = fields.Date(required=True, default=lambda self: self.env.company._aftersales_today())
    description = fields.Text(required=True)
    user_id = fields.Many2one("res.users", string="Technician", default=lambda self: self.env.user)
    free_of_charge = fields.Boolean(default=True)
    reference = fields.Char(help="The service request or repair this line records.")
    company_id = fields.Many2one(related="certificate_id.company_id", store=True)

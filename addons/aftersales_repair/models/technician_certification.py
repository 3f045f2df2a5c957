# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesTechnicianCertification(models.Model):
    """A technician's certification for a product category (S15): only
    certified technicians are dispatched to jobs of that category."""

    _name = "aftersales.technician.certification"
    _description = "Technician Certification"
    _order = "user_id, categ_id"
    _rec_name = "categ_id"

    user_id = fields.Many2one(
        "res.users",
        string="Technician",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('share', '=', False)]",
    )
    categ_id = fields.Many2one(
        "product.category", string="Product Category", required=True, index=True
    )
    reference = fields.Char(string="Certificate No.")
    date_valid = fields.Date(
        string="Valid From",
        required=True,
        default=lambda self: self.env.company._aftersales_today(),
    )
    date_expiry = fields.Date(string="Expires On")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("date_valid", "date_expiry")
    def _check_dates(self):
        for cert in self:
            if cert.date_expiry and cert.date_expiry < cert.date_valid:
                raise ValidationError(
                    self.env._("A certification cannot expire before it is valid.")
                )

    def _is_valid_on(self, day):
        self.ensure_one()
        return self.date_valid <= day and (not self.date_expiry or day <= self.date_expiry)

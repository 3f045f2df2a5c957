# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductCategory(models.Model):
    _inherit = "product.category"

    aftersales_inquiry_months = fields.Char(
        string="Use Inquiries (months after delivery)",
        help="When the follow-up clerk calls the customer to ask how the product is used "
        "(篇一: 根据购买时间定期询问), in months after the delivery (the warranty's start), "
        'separated by commas: "3, 6, 12" asks three times, 3, 6 and 12 months after the '
        "delivery. Empty: no use inquiry for the products of this category.",
    )
    aftersales_inquiry_count = fields.Integer(
        string="Use Inquiries", compute="_compute_aftersales_inquiry_count"
    )

    @api.depends("aftersales_inquiry_months")
    def _compute_aftersales_inquiry_count(self):
        for categ in self:
            categ.aftersales_inquiry_count = len(categ._aftersales_inquiry_offsets())

    def _aftersales_inquiry_offsets(self):
        """The months after the delivery of each use inquiry, in order (the
        k-th inquiry at the k-th of them)."""
        self.ensure_one()
        text = (self.aftersales_inquiry_months or "").replace("，", ",")
        return [int(part) for part in text.split(",") if part.strip()]

    @api.constrains("aftersales_inquiry_months")
    def _check_aftersales_inquiry_months(self):
        for categ in self:
            try:
                offsets = categ._aftersales_inquiry_offsets()
            except ValueError:
                offsets = None
            if offsets is None or any(m <= 0 for m in offsets) or offsets != sorted(set(offsets)):
                raise ValidationError(
                    self.env._(
                        "The use inquiries of %(categ)s: whole numbers of months after the "
                        'delivery, increasing, separated by commas (e.g. "3, 6, 12"), not '
                        '"%(text)s".',
                        categ=categ.display_name,
                        text=categ.aftersales_inquiry_months,
                    )
                )

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesNumberedMixin(models.AbstractModel):
    """A register numbered by its ir.sequence (X1): each model names the code
    of its sequence in ``_sequence_code``."""

    _name = "aftersales.numbered.mixin"
    _description = "After-Sales Numbered Register"
    _sequence_code = None

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._sequence_code)
        return super().create(vals_list)

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
        sequences = {}  # company id -> ir.sequence, looked up once per batch
        for vals in vals_list:
            if vals.get("name", "/") != "/":
                continue
            company_id = vals.get("company_id") or self.env.company.id
            if company_id not in sequences:
                sequences[company_id] = (
                    self.env["ir.sequence"]
                    .sudo()
                    .search(
                        [
                            ("code", "=", self._sequence_code),
                            ("company_id", "in", [company_id, False]),
                        ],
                        order="company_id",
                        limit=1,
                    )
                )
            sequence = sequences[company_id]
            vals["name"] = sequence._next() if sequence else "/"
        return super().create(vals_list)

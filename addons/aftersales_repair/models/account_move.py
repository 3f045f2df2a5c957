# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    aftersales_request_id = fields.Many2one(
        "aftersales.service.request",
        string="Service Request",
        readonly=True,
        index="btree_not_null",
        copy=False,
    )

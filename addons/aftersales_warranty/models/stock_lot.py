# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockLot(models.Model):
    _inherit = "stock.lot"

    aftersales_certificate_ids = fields.One2many(
        "aftersales.warranty.certificate", "lot_id", string="Warranty Certificates"
    )
    aftersales_contract_ids = fields.Many2many(
        "aftersales.maintenance.contract",
        "aftersales_contract_lot_rel",
        "lot_id",
        "contract_id",
        string="Maintenance Contracts",
    )
    aftersales_service_ids = fields.One2many(
        "aftersales.warranty.service", "lot_id", string="Service Record"
    )

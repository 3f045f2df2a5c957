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
        "aftersales.warranty.service", "lot_id", string="Service History"
    )
    aftersales_service_count = fields.Integer(
        string="Service History Lines", compute="_compute_aftersales_service_count"
    )

    def _compute_aftersales_service_count(self):
        counts = dict(
            self.env["aftersales.warranty.service"]._read_group(
                [("lot_id", "in", self.ids)], ["lot_id"], ["__count"]
            )
        )
        for lot in self:
            lot.aftersales_service_count = counts.get(lot, 0)

    def action_view_aftersales_service_history(self):
        """The serial's lifetime service history (P5)."""
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "aftersales_warranty.action_warranty_service"
        )
        action["domain"] = [("lot_id", "=", self.id)]
        action["context"] = {"default_lot_id": self.id}
        return action

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    """The customer archive (W9): products and serials owned, warranty
    certificates and maintenance contracts, from the day of purchase."""

    _inherit = "res.partner"

    aftersales_certificate_ids = fields.One2many(
        "aftersales.warranty.certificate", "partner_id", string="Warranty Certificates"
    )
    aftersales_contract_ids = fields.One2many(
        "aftersales.maintenance.contract", "partner_id", string="Maintenance Contracts"
    )
    # P5: the lifetime service history of the customer's serials (customer
    # archive), for the whole company (the lines' commercial partner)
    aftersales_service_history_ids = fields.One2many(
        "aftersales.warranty.service", "commercial_partner_id", string="Service History"
    )
    aftersales_certificate_count = fields.Integer(compute="_compute_aftersales_counts")
    aftersales_contract_count = fields.Integer(compute="_compute_aftersales_counts")
    aftersales_serial_count = fields.Integer(compute="_compute_aftersales_counts")

    def _compute_aftersales_counts(self):
        """Counted for the whole company (commercial partner) in three grouped
        queries, whatever the number of partners displayed."""
        commercial = self.commercial_partner_id
        domain = [("commercial_partner_id", "in", commercial.ids)]
        certs = dict(
            self.env["aftersales.warranty.certificate"]._read_group(
                domain, ["commercial_partner_id"], ["__count"]
            )
        )
        serials = dict(
            self.env["aftersales.warranty.certificate"]._read_group(
                domain + [("lot_id", "!=", False)],
                ["commercial_partner_id"],
                ["lot_id:count_distinct"],
            )
        )
        contracts = dict(
            self.env["aftersales.maintenance.contract"]._read_group(
                domain, ["commercial_partner_id"], ["__count"]
            )
        )
        for partner in self:
            company = partner.commercial_partner_id
            partner.aftersales_certificate_count = certs.get(company, 0)
            partner.aftersales_serial_count = serials.get(company, 0)
            partner.aftersales_contract_count = contracts.get(company, 0)

    def _aftersales_action(self, xmlid, domain):
        action = self.env["ir.actions.actions"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_aftersales_certificates(self):
        self.ensure_one()
        return self._aftersales_action(
            "aftersales_warranty.action_warranty_certificate",
            [("commercial_partner_id", "=", self.commercial_partner_id.id)],
        )

    def action_view_aftersales_contracts(self):
        self.ensure_one()
        return self._aftersales_action(
            "aftersales_warranty.action_maintenance_contract",
            [("commercial_partner_id", "=", self.commercial_partner_id.id)],
        )

    def action_view_aftersales_serials(self):
        self.ensure_one()
        lots = (
            self.env["aftersales.warranty.certificate"]
            .search([("commercial_partner_id", "=", self.commercial_partner_id.id)])
            .lot_id
        )
        action = self.env["ir.actions.actions"]._for_xml_id("stock.action_production_lot_form")
        action["domain"] = [("id", "in", lots.ids)]
        action["context"] = {"create": False}
        return action

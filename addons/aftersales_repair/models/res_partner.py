# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # The service desk finds the caller by the number they call from (S2).
    _rec_names_search = ["complete_name", "email", "ref", "vat", "company_registry", "phone"]

    aftersales_request_count = fields.Integer(compute="_compute_aftersales_request_count")
    # Issue 15: the zone serving the customer's address, so that the desk
    # types no zone when the customer calls (one per company).
    aftersales_zone_id = fields.Many2one(
        "aftersales.zone",
        string="Service Zone",
        company_dependent=True,
        help="The service zone of the customer's address: a service request of this "
        "customer (or of its contacts) is registered in it unless the desk chooses another.",
    )

    # I1: a contact the mail gateway created for an unknown sender; the
    # desk checks it (name, company, address) and unticks the box.
    aftersales_from_mail = fields.Boolean(
        string="Created From an E-mail",
        help="Created for an unknown sender of a service request e-mail: check the "
        "contact's name, company and address, then untick this box.",
    )

    def _compute_aftersales_request_count(self):
        """The services of the customer archive (W9), one grouped query."""
        counts = dict(
            self.env["aftersales.service.request"]._read_group(
                [("commercial_partner_id", "in", self.commercial_partner_id.ids)],
                ["commercial_partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.aftersales_request_count = counts.get(partner.commercial_partner_id, 0)

    def action_view_aftersales_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "aftersales_repair.action_service_request"
        )
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

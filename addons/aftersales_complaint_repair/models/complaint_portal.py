# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""I2: on the portal a customer files a complaint about one of his products
(a serial of his warranty certificates), one of his service requests or one
of his repairs. Only his own records are offered, and only an offered one is
taken back from the form (the complaint's portal methods check the key
against this list)."""

from odoo import api, models

from odoo.addons.aftersales_complaint.models.complaint_portal import GENERAL_SUBJECT

OPTION_LIMIT = 50


class AftersalesComplaint(models.Model):
    _inherit = "aftersales.complaint"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _portal_own_records(self, partner):
        """The customer's serials (as ``{lot: certificate}``), service
        requests and repairs, newest first, as superuser: those of his
        commercial partner only."""
        commercial = partner.commercial_partner_id
        certificates = (
            self.env["aftersales.warranty.certificate"]
            .sudo()
            .search(
                [
                    ("commercial_partner_id", "=", commercial.id),
                    ("state", "!=", "draft"),
                    ("lot_id", "!=", False),
                ],
                order="date_end desc, id desc",
            )
        )
        lots = {}
        for certificate in certificates:
            lots.setdefault(certificate.lot_id, certificate)
        requests = (
            self.env["aftersales.service.request"]
            .sudo()
            .search(
                [("commercial_partner_id", "=", commercial.id)],
                order="date_call desc, id desc",
                limit=OPTION_LIMIT,
            )
        )
        repairs = (
            self.env["repair.order"]
            .sudo()
            .search(
                [("partner_id", "child_of", commercial.id)],
                order="id desc",
                limit=OPTION_LIMIT,
            )
        )
        return lots, requests, repairs

    @api.model
    def _portal_subject_options(self, partner):
        options = super()._portal_subject_options(partner)
        lots, requests, repairs = self._portal_own_records(partner)
        products = self.env._("Your products")
        options += [
            (f"lot:{lot.id}", f"{lot.product_id.display_name} – {lot.name}", products)
            for lot in lots
        ]
        service_requests = self.env._("Your service requests")
        options += [
            (
                f"request:{service_request.id}",
                " – ".join(filter(None, [service_request.name, service_request.product_id.name])),
                service_requests,
            )
            for service_request in requests
        ]
        repair_group = self.env._("Your repairs")
        options += [
            (
                f"repair:{repair.id}",
                " – ".join(filter(None, [repair.name, repair.product_id.name])),
                repair_group,
            )
            for repair in repairs
        ]
        return options

    @api.model
    def _portal_subject_vals(self, partner, key):
        vals = super()._portal_subject_vals(partner, key)
        if key == GENERAL_SUBJECT or ":" not in key:
            return vals
        kind, record_id = key.split(":", 1)
        lots, requests, repairs = self._portal_own_records(partner)
        if kind == "lot":
            lot = next(lot for lot in lots if str(lot.id) == record_id)
            certificate = lots[lot]
            vals.update(
                {
                    "lot_id": lot.id,
                    "product_id": lot.product_id.id,
                    "company_id": certificate.company_id.id,
                }
            )
        elif kind == "request":
            service_request = requests.filtered(lambda r: str(r.id) == record_id)
            vals.update(
                {
                    "service_request_id": service_request.id,
                    "company_id": service_request.company_id.id,
                }
            )
        elif kind == "repair":
            repair = repairs.filtered(lambda r: str(r.id) == record_id)
            vals.update({"repair_id": repair.id, "company_id": repair.company_id.id})
        return vals

    @api.model
    def _portal_subject_fields(self):
        return super()._portal_subject_fields() | {"lot_id", "service_request_id", "repair_id"}

    def _portal_subject_label(self):
        self.ensure_one()
        complaint = self.sudo()
        if complaint.service_request_id:
            return self.env._("Service request %(name)s", name=complaint.service_request_id.name)
        if complaint.repair_id:
            return self.env._("Repair %(name)s", name=complaint.repair_id.name)
        if complaint.lot_id:
            return f"{complaint.product_id.display_name} – {complaint.lot_id.name}"
        return super()._portal_subject_label()

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer portal (X5): a customer sees and downloads their own warranty
certificates and maintenance contracts, and nobody else's.

Access is the record rules' (portal users read the certificates and contracts
of their commercial partner that are not draft); the list domains repeat them
so that an internal user visiting the portal also sees only their own. A
document shared by e-mail opens with its ``access_token``, as everywhere in
Odoo's portal."""

from odoo import http
from odoo.fields import Domain
from odoo.http import request
from odoo.tools import is_html_empty

from odoo.addons.aftersales_base.controllers.portal import AftersalesPortal

CERTIFICATE_MODEL = "aftersales.warranty.certificate"
CONTRACT_MODEL = "aftersales.maintenance.contract"
CERTIFICATE_REPORT = "aftersales_warranty.action_report_warranty_certificate"
CONTRACT_REPORT = "aftersales_warranty.action_report_maintenance_contract"


class AftersalesCustomerPortal(AftersalesPortal):
    # Home ------------------------------------------------------------------

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        partner = request.env.user.partner_id
        if "warranty_count" in counters:
            values["warranty_count"] = self._aftersales_portal_count(
                CERTIFICATE_MODEL, self._prepare_warranties_domain(partner)
            )
        if "contract_count" in counters:
            values["contract_count"] = self._aftersales_portal_count(
                CONTRACT_MODEL, self._prepare_contracts_domain(partner)
            )
        return values

    # Domains and search bars ----------------------------------------------

    def _prepare_warranties_domain(self, partner):
        return Domain("commercial_partner_id", "=", partner.commercial_partner_id.id) & Domain(
            "state", "!=", "draft"
        )

    def _prepare_contracts_domain(self, partner):
        return Domain("commercial_partner_id", "=", partner.commercial_partner_id.id) & Domain(
            "state", "!=", "draft"
        )

    def _get_warranty_searchbar_sortings(self):
        return {
            "date": {"label": request.env._("Start Date"), "order": "date_start desc, id desc"},
            "date_end": {"label": request.env._("End Date"), "order": "date_end desc, id desc"},
            "name": {"label": request.env._("Number"), "order": "name desc, id desc"},
        }

    def _get_contract_searchbar_sortings(self):
        return {
            "date": {"label": request.env._("Start Date"), "order": "date_start desc, id desc"},
            "date_end": {"label": request.env._("End Date"), "order": "date_end desc, id desc"},
            "name": {"label": request.env._("Number"), "order": "name desc, id desc"},
        }

    # Warranty certificates ------------------------------------------------

    # Not readonly: the list's links call _portal_ensure_token (a write).
    @http.route(
        ["/my/warranties", "/my/warranties/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_warranties(self, page=1, sortby=None, **kw):
        values = self._prepare_portal_list_values(
            CERTIFICATE_MODEL,
            self._prepare_warranties_domain(request.env.user.partner_id),
            "/my/warranties",
            self._get_warranty_searchbar_sortings(),
            page=page,
            sortby=sortby,
            history="my_warranties_history",
        )
        certificates = values.pop("records")
        values.update({"certificates": certificates, "page_name": "warranty"})
        return request.render("aftersales_warranty.portal_my_warranties", values)

    @http.route(
        ["/my/warranties/<int:certificate_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_my_warranty(self, certificate_id, access_token=None, **kw):
        certificate_sudo, response = self._show_portal_document(
            CERTIFICATE_MODEL, certificate_id, access_token, CERTIFICATE_REPORT, **kw
        )
        if response is not None:
            return response
        values = {
            "page_name": "warranty",
            "certificate": certificate_sudo,
            "report_type": "html",
            "is_html_empty": is_html_empty,
        }
        values = self._get_page_view_values(
            certificate_sudo, access_token, values, "my_warranties_history", False, **kw
        )
        return request.render("aftersales_warranty.portal_warranty_page", values)

    # Maintenance contracts ------------------------------------------------

    @http.route(
        ["/my/contracts", "/my/contracts/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_contracts(self, page=1, sortby=None, **kw):
        values = self._prepare_portal_list_values(
            CONTRACT_MODEL,
            self._prepare_contracts_domain(request.env.user.partner_id),
            "/my/contracts",
            self._get_contract_searchbar_sortings(),
            page=page,
            sortby=sortby,
            history="my_contracts_history",
        )
        contracts = values.pop("records")
        values.update({"contracts": contracts, "page_name": "contract"})
        return request.render("aftersales_warranty.portal_my_contracts", values)

    @http.route(
        ["/my/contracts/<int:contract_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_my_contract(self, contract_id, access_token=None, **kw):
        contract_sudo, response = self._show_portal_document(
            CONTRACT_MODEL, contract_id, access_token, CONTRACT_REPORT, **kw
        )
        if response is not None:
            return response
        values = {
            "page_name": "contract",
            "contract": contract_sudo,
            "report_type": "html",
            "is_html_empty": is_html_empty,
        }
        values = self._get_page_view_values(
            contract_sudo, access_token, values, "my_contracts_history", False, **kw
        )
        return request.render("aftersales_warranty.portal_contract_page", values)

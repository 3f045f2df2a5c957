# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""I3: the public warranty check. Whoever holds a serial number and the check
code printed on its certificate (typed in, or through the certificate's QR
code) sees the product, the coverage and its end date; nothing personal.

No login. Tries are counted per IP address in the database (all workers see
them): beyond the limit (10 a minute by default) the page refuses with 429.
A wrong code and an unknown serial get the very same answer (text and
status), so that the page cannot be used to list or guess serials."""

from odoo import http
from odoo.http import request
from odoo.tools import is_html_empty

CERTIFICATE_MODEL = "aftersales.warranty.certificate"
ATTEMPT_MODEL = "aftersales.warranty.check.attempt"


class AftersalesWarrantyCheck(http.Controller):
    # Not readonly: every try is recorded (rate limit).
    @http.route(
        "/warranty/check",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
    )
    def warranty_check(self, serial=None, code=None, **kw):
        values = {
            "checked": False,
            "refused": False,
            "is_html_empty": is_html_empty,
            "check_url_localized": self._warranty_check_url_localized,
        }
        status = 200
        if serial or code:
            attempts = request.env[ATTEMPT_MODEL].sudo()
            if not attempts._register_attempt(request.httprequest.remote_addr):
                values["refused"] = True
                status = 429
            else:
                certificate = (
                    request.env[CERTIFICATE_MODEL].sudo()._aftersales_public_lookup(serial, code)
                )
                values.update(self._warranty_check_values(certificate), checked=True)
        return request.render("aftersales_warranty.warranty_check_page", values, status=status)

    @staticmethod
    def _warranty_check_url_localized(url=None, **kwargs):
        """The layout's language links lead to the empty page: they repeat
        neither the serial nor the code of the query string (the answer to a
        wrong code is then the unknown serial's, byte for byte)."""
        return request.env["ir.http"]._url_localized(url="/warranty/check", **kwargs)

    def _warranty_check_values(self, certificate):
        """What the page shows of ``certificate`` (sudo): the product, the
        serial, the coverage and its dates, the issuing company's service
        contact; never the customer. Empty for no certificate."""
        if not certificate:
            return {"certificate": False}
        company = certificate.company_id
        today = company._aftersales_today()
        if certificate.state == "void":
            coverage = "void"
        elif certificate._covers(today):
            coverage = "covered"
        elif certificate.date_start > today:
            coverage = "not_started"
        else:
            coverage = "ended"
        policy = certificate.policy_id.with_context(lang=request.env.lang)
        return {
            "certificate": certificate,
            "product_name": certificate.product_id.with_context(lang=request.env.lang).display_name,
            "serial": certificate.lot_id.name,
            "coverage": coverage,
            "date_start": certificate.date_start,
            "date_end": certificate.date_end,
            "policy_name": policy.name,
            "policy_scope": policy.scope,
            "free_services": policy.free_service_ids.mapped("display_name"),
            "lifetime_service": certificate.lifetime_service,
            "company_name": company.name,
            "hotline": company._aftersales_hotline(),
        }

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer portal (P2, X5): a customer lists, reads and downloads the
submitted inspection reports of his equipment; another customer's report is
not found (404), whatever its number."""

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.fields import Domain
from odoo.http import request
from odoo.tools import str2bool

from odoo.addons.aftersales_repair.controllers.portal import AftersalesRepairCustomerPortal

REPORT_MODEL = "aftersales.inspection.report"
INSPECTION_REPORT = "aftersales_maintenance.action_report_inspection"


class AftersalesInspectionCustomerPortal(AftersalesRepairCustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "inspection_report_count" in counters:
            values["inspection_report_count"] = self._aftersales_portal_count(
                REPORT_MODEL, self._prepare_inspection_reports_domain(request.env.user.partner_id)
            )
        return values

    def _prepare_inspection_reports_domain(self, partner):
        return Domain("commercial_partner_id", "=", partner.commercial_partner_id.id) & Domain(
            "state", "=", "submitted"
        )

    def _get_inspection_report_searchbar_sortings(self):
        return {
            "date": {
                "label": request.env._("Newest"),
                "order": "date_inspection desc, id desc",
            },
            "name": {"label": request.env._("Number"), "order": "name desc, id desc"},
        }

    # Not readonly: the list's links call _portal_ensure_token (a write).
    @http.route(
        ["/my/inspections", "/my/inspections/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_inspection_reports(self, page=1, sortby=None, **kw):
        values = self._prepare_portal_list_values(
            REPORT_MODEL,
            self._prepare_inspection_reports_domain(request.env.user.partner_id),
            "/my/inspections",
            self._get_inspection_report_searchbar_sortings(),
            page=page,
            sortby=sortby,
            history="my_inspection_reports_history",
        )
        values.update({"inspection_reports": values.pop("records"), "page_name": "inspection"})
        return request.render("aftersales_maintenance.portal_my_inspection_reports", values)

    @http.route(
        ["/my/inspections/<int:report_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_my_inspection_report(self, report_id, access_token=None, report_type=None, **kw):
        try:
            report_sudo = self._document_check_access(
                REPORT_MODEL, report_id, access_token=access_token
            )
        except (AccessError, MissingError):
            raise request.not_found() from None
        if report_sudo.state != "submitted":
            raise request.not_found()
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=report_sudo,
                report_type=report_type,
                report_ref=INSPECTION_REPORT,
                download=str2bool(kw.get("download") or "false", default=False),
            )
        values = {"page_name": "inspection", "inspection_report": report_sudo}
        values = self._get_page_view_values(
            report_sudo, access_token, values, "my_inspection_reports_history", False, **kw
        )
        return request.render("aftersales_maintenance.portal_inspection_report_page", values)

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer portal (X5): a customer requests a service and follows its status.

Reading is the record rules' (portal users read the requests of their
commercial partner); the list domains repeat them so that an internal user
visiting the portal also sees only their own. A request shared by e-mail opens
with its ``access_token``.

Portal users cannot create requests: the "Request a Service" form creates one
with ``sudo()``, from the values the customer may set only (the serial, the
fault, a preferred visit time). The rest is decided here: the customer is the
user's contact, the channel is "portal", the zone is the customer's Service
Zone (his address), else the one the desk chose for his last request, else the
first zone of the company."""

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from markupsafe import Markup

from odoo import fields, http
from odoo.fields import Domain
from odoo.http import request
from odoo.tools import format_datetime, is_html_empty

from odoo.addons.aftersales_warranty.controllers.portal import AftersalesCustomerPortal

REQUEST_MODEL = "aftersales.service.request"
CERTIFICATE_MODEL = "aftersales.warranty.certificate"
ZONE_MODEL = "aftersales.zone"
VOUCHER_REPORT = "aftersales_repair.action_report_service_voucher"
OPEN_STATES = ("to_approve", "to_dispatch", "dispatched", "on_site", "in_repair")
# Certificates whose serial a customer may ask a service for.
OWN_CERTIFICATE_STATES = ("active", "expired")
PREFERRED_VISIT_FORMAT = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> sends
FAULT_MAX_LENGTH = 5000


class AftersalesRepairCustomerPortal(AftersalesCustomerPortal):
    # Home ------------------------------------------------------------------

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "service_request_count" in counters:
            values["service_request_count"] = self._aftersales_portal_count(
                REQUEST_MODEL, self._prepare_service_requests_domain(request.env.user.partner_id)
            )
        return values

    # Domains and search bar ------------------------------------------------

    def _prepare_service_requests_domain(self, partner):
        return Domain("commercial_partner_id", "=", partner.commercial_partner_id.id)

    def _get_service_request_searchbar_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "date_call desc, id desc"},
            "name": {"label": request.env._("Number"), "order": "name desc, id desc"},
            "state": {"label": request.env._("Status"), "order": "state, date_call desc"},
        }

    def _get_service_request_searchbar_filters(self):
        return {
            "all": {"label": request.env._("All"), "domain": Domain.TRUE},
            "open": {
                "label": request.env._("In Progress"),
                "domain": Domain("state", "in", OPEN_STATES),
            },
            "done": {"label": request.env._("Done"), "domain": Domain("state", "=", "done")},
        }

    # List ------------------------------------------------------------------

    # Not readonly: the list's links call _portal_ensure_token (a write).
    @http.route(
        ["/my/service-requests", "/my/service-requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_service_requests(self, page=1, sortby=None, filterby=None, **kw):
        values = self._prepare_portal_list_values(
            REQUEST_MODEL,
            self._prepare_service_requests_domain(request.env.user.partner_id),
            "/my/service-requests",
            self._get_service_request_searchbar_sortings(),
            page=page,
            sortby=sortby,
            filters=self._get_service_request_searchbar_filters(),
            filterby=filterby,
            history="my_service_requests_history",
        )
        values.update({"service_requests": values.pop("records"), "page_name": "service_request"})
        return request.render("aftersales_repair.portal_my_service_requests", values)

    # Detail ----------------------------------------------------------------

    @http.route(
        ["/my/service-requests/<int:request_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_my_service_request(self, request_id, access_token=None, **kw):
        request_sudo, response = self._show_portal_document(
            REQUEST_MODEL, request_id, access_token, VOUCHER_REPORT, **kw
        )
        if response is not None:
            return response
        values = {
            "page_name": "service_request",
            "service_request": request_sudo,
            "progress_steps": self._service_request_progress(request_sudo),
            "report_type": "html",
            "is_html_empty": is_html_empty,
            "created": kw.get("created"),
        }
        values = self._get_page_view_values(
            request_sudo, access_token, values, "my_service_requests_history", False, **kw
        )
        return request.render("aftersales_repair.portal_service_request_page", values)

    def _service_request_progress(self, service_request):
        """The steps of the request's life, each ``done``, ``current`` or
        ``todo``; approval and workshop only when they apply to it."""
        state = service_request.state
        steps = []
        if state == "to_approve" or service_request.request_type_id.requires_approval:
            steps.append(("to_approve", request.env._("Awaiting Approval")))
        steps += [
            ("to_dispatch", request.env._("Received")),
            ("dispatched", request.env._("Technician Assigned")),
            ("on_site", request.env._("Technician On Site")),
        ]
        if state == "in_repair" or service_request.repair_id or service_request.receipt_id:
            steps.append(("in_repair", request.env._("In Our Workshop")))
        steps.append(("done", request.env._("Done")))
        states = [step[0] for step in steps]
        current = states.index(state) if state in states else -1
        return [
            {
                "state": step_state,
                "label": label,
                "status": "done"
                if index < current or state == "done"
                else ("current" if index == current else "todo"),
            }
            for index, (step_state, label) in enumerate(steps)
        ]

    # Request a service -----------------------------------------------------

    @http.route(
        ["/my/service-requests/new"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_new_service_request(self, **post):
        """GET shows the form; POST (CSRF-checked by Odoo) creates the request
        and opens it, or shows the form again with what is wrong."""
        errors = {}
        if request.httprequest.method == "POST":
            vals, preferred_visit, errors = self._prepare_portal_service_request_vals(post)
            if not errors:
                service_request = self._create_portal_service_request(vals, preferred_visit)
                # With the token: the page's chatter lets its holder post.
                return request.redirect(service_request.get_portal_url(query_string="&created=1"))
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "service_request_new",
                "own_lots": self._portal_own_lots(request.env.user.partner_id),
                "errors": errors,
                "form": {
                    "lot_id": post.get("lot_id") or "",
                    "fault_description": post.get("fault_description") or "",
                    "preferred_visit": post.get("preferred_visit") or "",
                },
            }
        )
        return request.render("aftersales_repair.portal_new_service_request", values)

    def _portal_own_lots(self, partner):
        """The serials the customer may ask a service for: those of the active
        or expired warranty certificates of their commercial partner, as an
        ordered ``{lot: certificate}``, the active certificate first."""
        certificates = (
            request.env[CERTIFICATE_MODEL]
            .sudo()
            .search(
                [
                    ("commercial_partner_id", "=", partner.commercial_partner_id.id),
                    ("state", "in", OWN_CERTIFICATE_STATES),
                    ("lot_id", "!=", False),
                ],
                order="state, date_end desc, id desc",
            )
        )
        own_lots = {}
        for certificate in certificates:
            own_lots.setdefault(certificate.lot_id, certificate)
        return own_lots

    def _portal_service_company(self, certificate):
        """The serial's company if the customer may follow a request of it,
        else the company the customer uses."""
        user = request.env.user
        if certificate and certificate.company_id in user.company_ids:
            return certificate.company_id
        return request.env.company

    def _portal_service_zone(self, partner, company):
        """The zone of the customer's address, else the one the desk chose
        for this customer's last request in the company, else the company's
        first zone."""
        requests = request.env[REQUEST_MODEL].sudo()
        zone = requests._partner_zones(partner, company)[partner]
        if zone:
            return zone.sudo()
        return request.env[ZONE_MODEL].sudo().search([("company_id", "=", company.id)], limit=1)

    def _portal_user_tz(self):
        try:
            return ZoneInfo(request.env.user.tz or "UTC")
        except (ValueError, ZoneInfoNotFoundError):
            return ZoneInfo("UTC")

    def _parse_preferred_visit(self, value):
        """``(utc_datetime, error)`` from the customer's local
        ``YYYY-MM-DDTHH:MM``; no value is no preference."""
        if not value:
            return None, None
        try:
            local = datetime.strptime(value, PREFERRED_VISIT_FORMAT)
        except ValueError:
            return None, request.env._("Enter the preferred visit time as a date and a time.")
        moment = (
            local.replace(tzinfo=self._portal_user_tz())
            .astimezone(ZoneInfo("UTC"))
            .replace(tzinfo=None)
        )
        if moment <= fields.Datetime.now():
            return None, request.env._("The preferred visit time must be in the future.")
        return moment, None

    def _prepare_portal_service_request_vals(self, post):
        """Check the posted form. Returns ``(vals, preferred_visit, errors)``;
        ``errors`` maps a form field (or ``general``) to a message."""
        partner = request.env.user.partner_id
        errors = {}

        certificate = request.env[CERTIFICATE_MODEL]
        lot_value = (post.get("lot_id") or "").strip()
        if lot_value:
            own_lots = self._portal_own_lots(partner)
            lot = next((lot for lot in own_lots if str(lot.id) == lot_value), None)
            if lot is None:
                errors["lot_id"] = request.env._(
                    "This serial number is not one of your registered products. "
                    "Choose one from the list, or leave it empty."
                )
            else:
                certificate = own_lots[lot]

        fault = (post.get("fault_description") or "").strip()
        if not fault:
            errors["fault_description"] = request.env._(
                "Describe the fault, so that we can prepare the visit."
            )
        elif len(fault) > FAULT_MAX_LENGTH:
            errors["fault_description"] = request.env._(
                "Keep the description under %s characters.", FAULT_MAX_LENGTH
            )

        preferred_visit, error = self._parse_preferred_visit(
            (post.get("preferred_visit") or "").strip()
        )
        if error:
            errors["preferred_visit"] = error

        company = self._portal_service_company(certificate)
        zone = self._portal_service_zone(partner, company)
        if not zone:
            errors["general"] = request.env._(
                "Service requests cannot be taken online at the moment: please call us."
            )
        if errors:
            return {}, None, errors
        vals = {
            "partner_id": partner.id,
            "channel": "portal",
            "company_id": company.id,
            "zone_id": zone.id,
            "lot_id": certificate.lot_id.id,
            "fault_description": fault,
        }
        return vals, preferred_visit, {}

    def _create_portal_service_request(self, vals, preferred_visit):
        """Create the request as the system (portal users may not create), and
        say in its chatter, as the customer, that they asked for it."""
        partner = request.env.user.partner_id
        service_request = request.env[REQUEST_MODEL].sudo().create(vals)
        service_request.message_subscribe(partner_ids=partner.ids)
        body = Markup("<p>%s</p>") % request.env._("I request a service from the customer portal.")
        if preferred_visit:
            tz = self._portal_user_tz().key
            body += Markup("<p>%s</p>") % request.env._(
                "Preferred visit time: %(time)s (%(tz)s).",
                time=format_datetime(request.env, preferred_visit, tz=tz, dt_format="short"),
                tz=tz,
            )
        service_request.message_post(
            body=body,
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return service_request

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer portal (I2, X5): *My Account > Complaints*. A customer files a
complaint and follows its steps and outcome.

Portal users have no access right on complaints: every page goes through the
complaint's private portal methods (models/complaint_portal.py), which check
that the complaint is the customer's and show its customer-facing summary
only. Somebody else's complaint answers exactly as a complaint that does not
exist (404), whether asked by id or with any token."""

from odoo import http
from odoo.fields import Domain
from odoo.http import request

from odoo.addons.aftersales_base.controllers.portal import AftersalesPortal

COMPLAINT_MODEL = "aftersales.complaint"
FORM_URL = "/my/complaints/new"


class AftersalesComplaintPortal(AftersalesPortal):
    # Home ------------------------------------------------------------------

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "complaint_count" in counters:
            values["complaint_count"] = self._aftersales_portal_count(
                COMPLAINT_MODEL,
                request.env[COMPLAINT_MODEL]._portal_domain(request.env.user.partner_id),
                sudo=True,
            )
        return values

    # Search bar ------------------------------------------------------------

    def _get_complaint_searchbar_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "date_received desc, id desc"},
            "name": {"label": request.env._("Number"), "order": "name desc, id desc"},
        }

    def _get_complaint_searchbar_filters(self):
        return {
            "all": {"label": request.env._("All"), "domain": Domain.TRUE},
            "open": {
                "label": request.env._("In Progress"),
                "domain": Domain("state", "not in", ("done", "rejected")),
            },
            "closed": {
                "label": request.env._("Closed"),
                "domain": Domain("state", "in", ("done", "rejected")),
            },
        }

    # List ------------------------------------------------------------------

    @http.route(
        ["/my/complaints", "/my/complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_complaints(self, page=1, sortby=None, filterby=None, **kw):
        Complaint = request.env[COMPLAINT_MODEL]
        values = self._prepare_portal_list_values(
            COMPLAINT_MODEL,
            Complaint._portal_domain(request.env.user.partner_id),
            "/my/complaints",
            self._get_complaint_searchbar_sortings(),
            page=page,
            sortby=sortby,
            filters=self._get_complaint_searchbar_filters(),
            filterby=filterby,
            sudo=True,
        )
        complaints = values.pop("records")
        values.update(
            {
                "complaints": complaints._portal_list_values(),
                "page_name": "complaint",
            }
        )
        return request.render("aftersales_complaint.portal_my_complaints", values)

    # Detail ----------------------------------------------------------------

    @http.route(
        ["/my/complaints/<int:complaint_id>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_complaint(self, complaint_id, **kw):
        complaint = request.env[COMPLAINT_MODEL]._portal_get(
            request.env.user.partner_id, complaint_id
        )
        if not complaint:
            raise request.not_found()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "complaint",
                "complaint": complaint._portal_public_values(),
                "created": kw.get("created"),
            }
        )
        return request.render("aftersales_complaint.portal_complaint_page", values)

    # File a complaint --------------------------------------------------------

    @http.route([FORM_URL], type="http", auth="user", methods=["GET", "POST"], website=True)
    def portal_new_complaint(self, **post):
        """GET shows the form; POST (CSRF-checked by Odoo) creates the
        complaint and opens it, or shows the form again with what is wrong."""
        Complaint = request.env[COMPLAINT_MODEL]
        partner = request.env.user.partner_id
        errors = {}
        if request.httprequest.method == "POST":
            files = request.httprequest.files.getlist("attachments")
            vals, attachments, errors = Complaint._portal_check_values(partner, post, files)
            if not errors:
                complaint = Complaint._portal_create_complaint(partner, vals, attachments)
                return request.redirect(f"/my/complaints/{complaint.id}?created=1")
        options = Complaint._portal_subject_options(partner)
        groups = {}
        for key, label, group in options:
            groups.setdefault(group, []).append((key, label))
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "complaint_new",
                "categories": Complaint._portal_categories(),
                "subject_groups": list(groups.items()),
                "errors": errors,
                "form": {
                    "category_id": post.get("category_id") or "",
                    "subject": post.get("subject") or "",
                    "description": post.get("description") or "",
                    "customer_demand": post.get("customer_demand") or "",
                },
            }
        )
        return request.render("aftersales_complaint.portal_new_complaint", values)

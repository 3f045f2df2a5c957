# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the suite's customer portal pages share (X5): the home counters, a
paged, sorted (and filtered) list of the customer's documents, and one
document checked by its access token and printed on demand. The modules add
their routes and templates on top of these helpers."""

from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.tools import str2bool

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

REPORT_TYPES = ("html", "pdf", "text")


class AftersalesPortal(CustomerPortal):
    def _aftersales_portal_count(self, model, domain, sudo=False):
        """How many ``model`` records of ``domain`` the portal user has. With
        ``sudo`` the domain alone decides (it must limit the records to the
        user's own); else the record rules apply, and a user who may not read
        the model has none."""
        Model = request.env[model]
        if sudo:
            return Model.sudo().search_count(domain)
        return Model.search_count(domain) if Model.has_access("read") else 0

    def _prepare_portal_list_values(
        self,
        model,
        domain,
        url,
        sortings,
        page=1,
        sortby=None,
        filters=None,
        filterby=None,
        sudo=False,
        history=None,
        **kwargs,
    ):
        """Values of a paged, sorted portal list of ``model`` records:
        ``records`` (as sudo, to display the product, serial, technician ...
        the user may not read directly, as sale does for its orders),
        ``pager``, ``default_url``, ``searchbar_sortings``, ``sortby`` and,
        with ``filters``, ``searchbar_filters`` and ``filterby``. The first
        sorting and the first filter are the defaults. Without ``sudo`` the
        record rules apply to the search; with it, the domain alone decides.
        ``history`` names the session key where the listed ids are kept for
        the previous/next buttons of the document page."""
        Model = request.env[model].sudo() if sudo else request.env[model]
        if sortby not in sortings:
            sortby = next(iter(sortings))
        url_args = {"sortby": sortby}
        if filters:
            if filterby not in filters:
                filterby = next(iter(filters))
            domain = domain & filters[filterby]["domain"]
            url_args["filterby"] = filterby
        readable = sudo or Model.has_access("read")
        pager_values = portal_pager(
            url=url,
            total=Model.search_count(domain) if readable else 0,
            page=page,
            step=self._items_per_page,
            url_args=url_args,
        )
        records = (
            Model.search(
                domain,
                order=sortings[sortby]["order"],
                limit=self._items_per_page,
                offset=pager_values["offset"],
            )
            if readable
            else Model
        )
        if history:
            request.session[history] = records.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "records": records.sudo(),
                "pager": pager_values,
                "default_url": url,
                "searchbar_sortings": sortings,
                "sortby": sortby,
            }
        )
        if filters:
            values.update({"searchbar_filters": filters, "filterby": filterby})
        return values

    def _show_portal_document(self, model, record_id, access_token, report_ref, **kw):
        """Check access to one document; answer its report when a
        ``report_type`` is asked. Returns ``(record_sudo, response)``: the
        response is set when the caller must return it as it is."""
        try:
            record_sudo = self._document_check_access(model, record_id, access_token=access_token)
        except (AccessError, MissingError):
            return None, request.redirect("/my")
        report_type = kw.get("report_type")
        if report_type in REPORT_TYPES:
            download = str2bool(kw.get("download") or "false", default=False)
            return record_sudo, self._show_report(
                model=record_sudo,
                report_type=report_type,
                report_ref=report_ref,
                download=download,
            )
        return record_sudo, None

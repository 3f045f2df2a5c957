# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Product registration on the portal (I4): a customer registers a product
bought elsewhere (product, serial, purchase date, shop, proof of purchase)
and follows the desk's decision; a visitor is asked to log in or sign up and
comes back to the form. The model checks every value again (X6)."""

import os
from datetime import date

from markupsafe import Markup

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.http import request
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.aftersales_base.controllers.portal import AftersalesPortal

from ..models.product_registration import (
    NOTE_MAX_LENGTH,
    PROOF_MIMETYPES,
    SERIAL_MAX_LENGTH,
    SHOP_MAX_LENGTH,
)

REGISTRATION_MODEL = "aftersales.product.registration"
NEW_URL = "/my/registrations/new"
PROOF_NAME_MAX_LENGTH = 128
# the products offered in the form (serial-tracked, sold, with a warranty)
PRODUCT_CHOICES_LIMIT = 200


class AftersalesRegistrationPortal(AftersalesPortal):
    # Home ------------------------------------------------------------------

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "registration_count" in counters:
            values["registration_count"] = self._aftersales_portal_count(
                REGISTRATION_MODEL,
                self._prepare_registrations_domain(request.env.user.partner_id),
            )
        return values

    def _prepare_registrations_domain(self, partner):
        return Domain("commercial_partner_id", "=", partner.commercial_partner_id.id)

    def _get_registration_searchbar_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "id desc"},
            "name": {"label": request.env._("Number"), "order": "name desc, id desc"},
            "state": {"label": request.env._("Status"), "order": "state, id desc"},
        }

    # List and page ---------------------------------------------------------

    @http.route(
        ["/my/registrations", "/my/registrations/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_registrations(self, page=1, sortby=None, **kw):
        values = self._prepare_portal_list_values(
            REGISTRATION_MODEL,
            self._prepare_registrations_domain(request.env.user.partner_id),
            "/my/registrations",
            self._get_registration_searchbar_sortings(),
            page=page,
            sortby=sortby,
            history="my_registrations_history",
        )
        registrations = values.pop("records")
        values.update({"registrations": registrations, "page_name": "registration"})
        return request.render("aftersales_warranty.portal_my_registrations", values)

    @http.route(
        ["/my/registrations/<int:registration_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_my_registration(self, registration_id, access_token=None, **kw):
        kw.pop("report_type", None)  # nothing to print: the certificate is printed
        registration_sudo, response = self._show_portal_document(
            REGISTRATION_MODEL, registration_id, access_token, None, **kw
        )
        if response is not None:
            return response
        values = {
            "page_name": "registration",
            "registration": registration_sudo,
            "created": kw.get("created"),
        }
        values = self._get_page_view_values(
            registration_sudo, access_token, values, "my_registrations_history", False, **kw
        )
        return request.render("aftersales_warranty.portal_registration_page", values)

    # Register a product ------------------------------------------------------

    @http.route([NEW_URL], type="http", auth="public", methods=["GET", "POST"], website=True)
    def portal_new_registration(self, **post):
        """A visitor is asked to log in or sign up, and comes back here.
        GET shows the form; POST (CSRF-checked by Odoo) registers the product
        and opens the registration, or shows the form again with what is
        wrong."""
        if request.env.user._is_public():
            return request.render(
                "aftersales_warranty.portal_registration_sign_in",
                {
                    "login_url": "/web/login?redirect=" + NEW_URL,
                    "signup_url": "/web/signup?redirect=" + NEW_URL,
                    "signup_enabled": request.env["res.users"].sudo()._get_signup_invitation_scope()
                    == "b2c",
                },
            )
        errors = {}
        products = self._registration_products()
        if request.httprequest.method == "POST":
            vals, proof, errors = self._prepare_registration_vals(post, products)
            if not errors:
                registration, error = self._create_registration(vals, proof)
                if registration:
                    return request.redirect(registration.get_portal_url(query_string="&created=1"))
                errors["general"] = error
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "registration_new",
                "products": products,
                "errors": errors,
                "today": request.env.company._aftersales_today(),
                "max_mb": request.env[REGISTRATION_MODEL].sudo()._proof_max_bytes()
                // (1024 * 1024),
                "form": {
                    name: (post.get(name) or "")
                    for name in ("product_id", "serial", "date_purchase", "shop", "note")
                },
            }
        )
        return request.render("aftersales_warranty.portal_new_registration", values)

    def _registration_products(self):
        """The products a customer may register: sold, tracked by serial, of
        the customer's company or shared, with a warranty policy."""
        company = request.env.company
        products = (
            request.env["product.product"]
            .sudo()
            .search(
                [
                    ("tracking", "=", "serial"),
                    ("sale_ok", "=", True),
                    ("company_id", "in", [company.id, False]),
                ],
                order="name, id",
                limit=PRODUCT_CHOICES_LIMIT,
            )
        )
        return products.filtered(lambda p: p.product_tmpl_id._aftersales_warranty_policy())

    def _read_proof(self, upload, errors):
        """``(name, data, mimetype)`` of the uploaded proof, or None with the
        error in ``errors``: a photo or a PDF, not larger than the limit, its
        type read from its content (not from its name)."""
        env = request.env
        max_bytes = env[REGISTRATION_MODEL].sudo()._proof_max_bytes()
        if not upload or not getattr(upload, "filename", None):
            errors["proof"] = env._("Add a photo or a PDF of your invoice or receipt.")
            return None
        data = upload.read(max_bytes + 1)
        if not data:
            errors["proof"] = env._("The file of the proof of purchase is empty.")
            return None
        if len(data) > max_bytes:
            errors["proof"] = env._(
                "The proof of purchase is too large: at most %s MB.", max_bytes // (1024 * 1024)
            )
            return None
        mimetype = guess_mimetype(data)
        if mimetype not in PROOF_MIMETYPES:
            errors["proof"] = env._(
                "The proof of purchase must be a photo (JPEG, PNG, WebP) or a PDF file."
            )
            return None
        name = os.path.basename(upload.filename.replace("\\", "/")).strip()
        name = name[:PROOF_NAME_MAX_LENGTH] or "proof"
        return name, data, mimetype

    def _prepare_registration_vals(self, post, products):
        """Check the posted form. Returns ``(vals, proof, errors)``; ``errors``
        maps a form field (or ``general``) to a message."""
        env = request.env
        errors = {}
        product = next((p for p in products if str(p.id) == (post.get("product_id") or "")), None)
        if product is None:
            errors["product_id"] = env._("Choose the product from the list.")
        serial = (post.get("serial") or "").strip()
        if not serial:
            errors["serial"] = env._("Give the serial number printed on the product's label.")
        elif len(serial) > SERIAL_MAX_LENGTH:
            errors["serial"] = env._(
                "A serial number has at most %s characters.", SERIAL_MAX_LENGTH
            )
        today = env.company._aftersales_today()
        purchase = None
        try:
            purchase = date.fromisoformat((post.get("date_purchase") or "").strip())
        except ValueError:
            errors["date_purchase"] = env._("Give the purchase date.")
        if purchase and purchase > today:
            errors["date_purchase"] = env._("The purchase date cannot be in the future.")
        shop = (post.get("shop") or "").strip()
        if len(shop) > SHOP_MAX_LENGTH:
            errors["shop"] = env._("Keep the shop's name under %s characters.", SHOP_MAX_LENGTH)
        note = (post.get("note") or "").strip()
        if len(note) > NOTE_MAX_LENGTH:
            errors["note"] = env._("Keep the note under %s characters.", NOTE_MAX_LENGTH)
        proof = self._read_proof(request.httprequest.files.get("proof"), errors)
        if errors:
            return {}, None, errors
        vals = {
            "partner_id": env.user.partner_id.id,
            "product_id": product.id,
            "serial": serial,
            "date_purchase": purchase,
            "shop": shop or False,
            "customer_note": note or False,
            "company_id": env.company.id,
        }
        return vals, proof, {}

    def _create_registration(self, vals, proof):
        """Create the registration and its proof as the system (portal users
        may not create): all or nothing. Returns ``(registration, error)``."""
        env = request.env
        partner = env.user.partner_id
        name, data, mimetype = proof
        try:
            with env.cr.savepoint():
                registration = env[REGISTRATION_MODEL].sudo().create(vals)
                attachment = (
                    env["ir.attachment"]
                    .sudo()
                    .create(
                        {
                            "name": name,
                            "raw": data,
                            "mimetype": mimetype,
                            "res_model": REGISTRATION_MODEL,
                            "res_id": registration.id,
                        }
                    )
                )
                attachment.generate_access_token()
                registration.proof_attachment_id = attachment
                registration.message_subscribe(partner_ids=partner.ids)
                registration.message_post(
                    body=Markup("<p>%s</p>")
                    % env._("I register this product from the customer portal."),
                    author_id=partner.id,
                    message_type="comment",
                    subtype_xmlid="mail.mt_note",
                )
        except (UserError, ValidationError) as error:
            return None, str(error.args[0] if error.args else error)
        return registration, None

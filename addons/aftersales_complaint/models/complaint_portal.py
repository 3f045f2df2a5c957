# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""I2: a customer files a complaint on the portal and follows it there.

Portal users have no access right on complaints (X5): they neither read nor
write them directly, whatever the client. The portal pages go through the
private methods below, which run as superuser with explicit checks: the
complaint is the customer's (his commercial partner's), the values he may set
are the only ones taken, and what he reads is the customer-facing summary of
``_portal_public_values()`` (never the record itself: no internal step,
judgement, investigation, penalty, note or employee)."""

import os

from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.aftersales_base.roles import DESK

# The steps as the customer sees them, and the internal steps behind each.
PORTAL_STEPS = [
    ("recorded", "Recorded"),
    ("judged", "Judged"),
    ("handling", "Being Handled"),
    ("proposed", "Solution Proposed"),
    ("closed", "Closed"),
]
STATE_PORTAL_STEP = {
    "record": "recorded",
    "judge": "recorded",
    "assign": "judged",
    "investigate": "handling",
    "propose": "handling",
    "notify": "proposed",
    "penalise": "proposed",
    "improve": "proposed",
    "done": "closed",
    "rejected": "closed",
}
# The solution is the customer's to read once the service manager approved it (C6).
APPROVED_STATES = ("notify", "penalise", "improve", "done")
DESCRIPTION_MAX_LENGTH = 5000
DEMAND_MAX_LENGTH = 2000
ATTACHMENT_MAX_COUNT = 5
ATTACHMENT_MAX_SIZE = 5 * 1024 * 1024
ATTACHMENT_MIMETYPES = ("image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf")
FILENAME_MAX_LENGTH = 128
GENERAL_SUBJECT = "general"


class AftersalesComplaint(models.Model):
    """The complaint as the customer portal shows and creates it (I2)."""

    _inherit = "aftersales.complaint"  # pylint: disable=consider-merging-classes-inherited

    portal_step = fields.Selection(
        PORTAL_STEPS,
        string="Step Shown to the Customer",
        compute="_compute_portal_step",
        help="The step of the complaint in the customer's words, as the portal shows it.",
    )

    @api.depends("state")
    def _compute_portal_step(self):
        for complaint in self:
            complaint.portal_step = STATE_PORTAL_STEP.get(complaint.state, "recorded")

    # -- what the customer may see ---------------------------------------------
    @api.model
    def _portal_domain(self, partner):
        """The complaints a portal customer follows: those of his commercial
        partner (his company and its contacts), whatever their channel."""
        return Domain("commercial_partner_id", "=", partner.commercial_partner_id.id)

    @api.model
    def _portal_get(self, partner, complaint_id):
        """The customer's complaint ``complaint_id`` (as superuser), or an
        empty recordset when there is none or it is somebody else's: the
        caller answers both alike."""
        return (
            self.sudo()
            .with_context(active_test=False)
            .search(Domain("id", "=", complaint_id) & self._portal_domain(partner), limit=1)
        )

    def _portal_progress(self):
        """The customer's steps, each ``done``, ``current`` or ``todo``."""
        self.ensure_one()
        labels = dict(self._fields["portal_step"]._description_selection(self.env))
        keys = [key for key, _label in PORTAL_STEPS]
        current = keys.index(self.portal_step)
        return [
            {
                "step": key,
                "label": labels[key],
                "status": "done"
                if index < current or self.portal_step == "closed"
                else ("current" if index == current else "todo"),
            }
            for index, key in enumerate(keys)
        ]

    def _portal_subject_label(self):
        """What the complaint is about, in the customer's words."""
        self.ensure_one()
        if self.product_id:
            return self.product_id.display_name
        return self.env._("General")

    def _portal_list_values(self):
        """The rows of the customer's list of complaints: number, link,
        category, subject, received and step, read in batch (no query per
        complaint)."""
        labels = dict(self._fields["portal_step"]._description_selection(self.env))
        return [
            {
                "id": complaint.id,
                "name": complaint.name,
                "url": f"/my/complaints/{complaint.id}",
                "category": complaint.category_id.display_name,
                "subject": complaint._portal_subject_label(),
                "date_received": complaint.date_received,
                "step": complaint.portal_step,
                "step_label": labels[complaint.portal_step],
            }
            for complaint in self.sudo()
        ]

    def _portal_public_values(self):
        """Everything the portal page shows of this complaint, and nothing
        more: the page is rendered from this dict, never from the record."""
        self.ensure_one()
        complaint = self.sudo()
        approved = complaint.state in APPROVED_STATES and bool(complaint.approved_by_id)
        rejected = complaint.state == "rejected"
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", complaint.id),
                    (
                        "create_uid.partner_id.commercial_partner_id",
                        "=",
                        complaint.commercial_partner_id.id,
                    ),
                ],
                order="id",
            )
        )
        return {
            "id": complaint.id,
            "name": complaint.name,
            "url": f"/my/complaints/{complaint.id}",
            "company": complaint.company_id.name,
            "date_received": complaint.date_received,
            "category": complaint.category_id.display_name,
            "subject": complaint._portal_subject_label(),
            "description": complaint.description or "",
            "customer_demand": complaint.customer_demand or "",
            "step": complaint.portal_step,
            "step_label": dict(self._fields["portal_step"]._description_selection(self.env))[
                complaint.portal_step
            ],
            "progress": complaint._portal_progress(),
            "solution": complaint.solution if approved else "",
            "date_approved": complaint.date_approved if approved else False,
            "closed": complaint.state in ("done", "rejected"),
            "rejected": rejected,
            "rejection_reason": complaint.judgement_note if rejected else "",
            "date_closed": complaint.date_done if complaint.state == "done" else False,
            "attachments": attachments.mapped("name"),
        }

    # -- what the customer may file ----------------------------------------------
    @api.model
    def _portal_categories(self):
        """The categories a customer chooses from: the active sub-types, and
        the categories without sub-types."""
        categories = (
            self.env["aftersales.complaint.category"].sudo().search([("active", "=", True)])
        )
        return categories.filtered(lambda c: c.parent_id or not c.child_ids)

    @api.model
    def _portal_subject_options(self, partner):
        """What a customer may complain about, as an ordered list of
        ``(key, label, group)``: a general complaint here; the bridges add his
        serials, service requests and repairs. Each key is checked against
        this list when the form comes back, so that only his records pass."""
        return [(GENERAL_SUBJECT, self.env._("General (not about one product or job)"), "")]

    @api.model
    def _portal_subject_vals(self, partner, key):
        """The complaint's values for the subject ``key`` (one of
        ``_portal_subject_options``), e.g. the serial and its company."""
        return {}

    @api.model
    def _portal_check_files(self, files):
        """``(files, error)``: the uploaded files as ``(name, data, mimetype)``,
        within the limits of number, size and type."""
        checked = []
        files = [upload for upload in files if upload and upload.filename]
        if len(files) > ATTACHMENT_MAX_COUNT:
            return [], self.env._("Attach at most %(count)s files.", count=ATTACHMENT_MAX_COUNT)
        for upload in files:
            data = upload.read(ATTACHMENT_MAX_SIZE + 1)
            name = os.path.basename(upload.filename.replace("\\", "/")).strip()
            name = name[:FILENAME_MAX_LENGTH] or "attachment"
            if len(data) > ATTACHMENT_MAX_SIZE:
                return [], self.env._(
                    "“%(name)s” is larger than %(size)s MB.",
                    name=name,
                    size=ATTACHMENT_MAX_SIZE // (1024 * 1024),
                )
            mimetype = guess_mimetype(data, default="application/octet-stream")
            if not data or mimetype not in ATTACHMENT_MIMETYPES:
                return [], self.env._(
                    "“%(name)s” is not a photo (JPEG, PNG, GIF, WebP) or a PDF document.",
                    name=name,
                )
            checked.append((name, data, mimetype))
        return checked, None

    @api.model
    def _portal_check_values(self, partner, post, files=()):
        """Check what a customer posted. Returns ``(vals, attachments,
        errors)``; ``errors`` maps a form field (or ``general``) to a message
        in the customer's language, and nothing is created when there is one."""
        errors = {}
        vals = {}
        category_value = (post.get("category_id") or "").strip()
        category = next((c for c in self._portal_categories() if str(c.id) == category_value), None)
        if category is None:
            errors["category_id"] = self.env._("Choose what kind of complaint it is.")
        else:
            vals["category_id"] = category.id

        subject = (post.get("subject") or GENERAL_SUBJECT).strip()
        if subject not in {key for key, _label, _group in self._portal_subject_options(partner)}:
            errors["subject"] = self.env._(
                "This is not one of your products, requests or repairs. "
                "Choose one from the list, or “General”."
            )
        else:
            vals.update(self._portal_subject_vals(partner, subject))

        empty_messages = {
            "description": self.env._("Tell us what happened."),
            "customer_demand": self.env._("Tell us what you expect from us."),
        }
        limits = {"description": DESCRIPTION_MAX_LENGTH, "customer_demand": DEMAND_MAX_LENGTH}
        for field, limit in limits.items():
            text = (post.get(field) or "").strip()
            if not text:
                errors[field] = empty_messages[field]
            elif len(text) > limit:
                errors[field] = self.env._("Keep it under %(limit)s characters.", limit=limit)
            else:
                vals[field] = text

        attachments, error = self._portal_check_files(files)
        if error:
            errors["attachments"] = error
        if errors:
            return {}, [], errors
        company = self.env["res.company"].browse(vals.get("company_id")) or (
            partner.company_id if partner.company_id in self.env.user.company_ids else False
        )
        vals.update(
            {
                "partner_id": partner.id,
                "channel": "portal",
                "company_id": (company or self.env.company).id,
                "date_received": fields.Datetime.now(),
            }
        )
        return vals, attachments, {}

    @api.model
    def _portal_create_complaint(self, partner, vals, attachments):
        """Create the customer's complaint as the system (portal users may
        not create complaints) from the values ``_portal_check_values``
        returned, at the first step; his files go with it and the desk is
        told."""
        allowed = {
            "category_id",
            "description",
            "customer_demand",
            "partner_id",
            "channel",
            "company_id",
            "date_received",
            *self._portal_subject_fields(),
        }
        unknown = set(vals) - allowed
        if unknown or vals.get("partner_id") != partner.id or vals.get("channel") != "portal":
            raise ValueError(f"not values of the portal form: {sorted(unknown)}")
        complaint = self.sudo().create(vals)
        complaint._portal_notify_desk(partner, attachments)
        return complaint

    @api.model
    def _portal_subject_fields(self):
        """The fields a subject of the portal form may set."""
        return {"product_id"}

    def _portal_notify_desk(self, partner, attachments):
        """The customer's words in the chatter, with his files
        (``(name, data, mimetype)``, checked by ``_portal_check_files``), as an
        internal note addressed to the service desk of the complaint's
        company (in the company's language): they complete and submit it."""
        self.ensure_one()
        company = self.company_id.sudo()
        desk_users = (
            self.env.ref(DESK)
            .sudo()
            .all_user_ids.filtered(lambda u: not u.share and u.active and company in u.company_ids)
        )
        env = self.with_context(lang=company._aftersales_lang()).env
        body = Markup("<p>%s</p><p><b>%s</b><br/>%s</p><p><b>%s</b><br/>%s</p>") % (
            env._("New complaint from the customer portal: check it, complete it and submit it."),
            env._("What happened"),
            self.description,
            env._("Customer's demand"),
            self.customer_demand,
        )
        self.message_post(
            body=body,
            author_id=partner.id,
            partner_ids=desk_users.partner_id.ids,
            attachments=[(name, data) for name, data, _mimetype in attachments],
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return True

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import SUPERUSER_ID, api, models
from odoo.tools import email_normalize
from odoo.tools.mail import parse_contact_from_email

from .mail_intake import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    is_automatic,
    keep_attachments,
    mail_subject,
    mail_text,
)

_logger = logging.getLogger(__name__)

# The description of a complaint opened by mail (the full mail is in the chatter).
MAX_DESCRIPTION = 4000
MAX_BODY_READ = 400_000


class AftersalesComplaint(models.Model):
    """I1, C1: a mail to the company's complaint address registers a
    complaint at its first step (Record), channel e-mail; a reply lands in
    its chatter (mail.thread's message_update)."""

    _inherit = "aftersales.complaint"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _routing_check_route(self, message, message_dict, route, raise_exception=True):
        """An auto-reply, out-of-office notice or mailing registers no
        complaint (bounces never reach here: Odoo's message_route handles
        them)."""
        if not route[1] and is_automatic(message):
            _logger.info(
                "Automatic mail %s from %s registers no complaint",
                message_dict.get("message_id"),
                message_dict.get("email_from"),
            )
            return ()
        return super()._routing_check_route(
            message, message_dict, route, raise_exception=raise_exception
        )

    @api.model
    def _detect_loop_sender_domain(self, email_from_normalized):
        """Odoo's loop detection counts the complaints one address opened in
        the last two hours (mail.gateway.loop.* parameters)."""
        return [
            ("channel", "=", "email"),
            ("partner_id.email_normalized", "=", email_from_normalized),
        ]

    @api.model
    def _mail_intake_partner(self, email_from):
        partner = self.env["mail.thread"]._partner_find_from_emails_single(
            [email_from], no_create=True
        )
        if partner:
            return partner
        name, email = parse_contact_from_email(email_from)
        email = email_normalize(email) or email
        return (
            self.env["res.partner"]
            .sudo()
            .create({"name": (name or email or "-")[:128], "email": email})
        )

    def _mail_intake_note_left_out(self, left_out):
        if left_out:
            self.message_post(
                body=self.env._(
                    "Files left out of the complainant's e-mail (more than %(count)s files, "
                    "or larger than %(size)s MB each): %(names)s. Ask the complainant to send "
                    "them another way.",
                    count=MAX_ATTACHMENTS,
                    size=MAX_ATTACHMENT_BYTES // (1024 * 1024),
                    names=", ".join(left_out),
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A complaint at Record, channel e-mail, in the company of the alias
        (its defaults): the complainant found by the sender's address (else a
        new contact), the mail's text as description, the category to be
        classified by the desk before submitting. Registered by the system,
        never by a portal sender: mailing gives nobody rights."""
        values = dict(custom_values or {})
        company = self.env["res.company"].browse(values.get("company_id")) or self.env.company
        complaints = self
        if not self.env.user._is_internal():
            complaints = self.with_user(SUPERUSER_ID)
        complaints = complaints.sudo().with_company(company)
        lang = company._aftersales_lang()
        left_out = keep_attachments(msg_dict)
        subject = mail_subject(msg_dict)
        body, _cut = mail_text(
            {"body": (msg_dict.get("body") or "")[:MAX_BODY_READ]}, MAX_DESCRIPTION
        )
        text = "\n\n".join(part for part in (subject, body) if part)
        if len(text) > MAX_DESCRIPTION:
            text = text[: MAX_DESCRIPTION - 1].rstrip() + "…"
        partner = complaints._mail_intake_partner(msg_dict.get("email_from") or "")
        msg_dict["author_id"] = partner.id
        for field in ("state", "name", *self._process_fields):
            values.pop(field, None)
        values.update(
            company_id=company.id,
            channel="email",
            partner_id=partner.id,
            description=text or complaints.with_context(lang=lang).env._("(e-mail without text)"),
        )
        if not values.get("category_id"):
            values["category_id"] = self.env.ref("aftersales_complaint.categ_to_classify").id
        complaint = complaints.create([values])
        complaint.message_subscribe(partner_ids=partner.ids)
        complaint.with_context(lang=lang)._mail_intake_note_left_out(left_out)
        return complaint

    def message_update(self, msg_dict, update_vals=None):
        """A reply: posted in the chatter (followers notified), nothing else."""
        left_out = keep_attachments(msg_dict)
        res = super().message_update(msg_dict, update_vals=update_vals)
        for complaint in self:
            complaint.with_context(
                lang=complaint.company_id._aftersales_lang()
            )._mail_intake_note_left_out(left_out)
        return res

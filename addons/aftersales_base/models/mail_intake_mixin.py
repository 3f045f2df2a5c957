# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""E-mail intake (I1), written once for every document a mail alias opens
(service requests, complaints): the document is opened by the system in the
alias's company, the sender found or created, the mail's text kept as plain
text, its files within limits; automatic mail opens nothing."""

import logging

from odoo import SUPERUSER_ID, api, models
from odoo.tools import email_normalize, html2plaintext
from odoo.tools.mail import decode_message_header, parse_contact_from_email

_logger = logging.getLogger(__name__)

# A mail brings at most this many files of at most this size each; the rest
# is left out and the chatter says which (the sender sends them otherwise).
MAX_ATTACHMENTS = 10
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_SUBJECT = 200
# At most this much of the mail's HTML is read (a 20 MB body is not a fault).
MAX_BODY_READ = 400_000
# Precedence values of automatic mail (RFC 2076, RFC 3834).
AUTO_PRECEDENCE = {"bulk", "junk", "list", "auto_reply", "auto-reply"}


def is_automatic(message):
    """An auto-reply, an out-of-office notice or a mailing (RFC 3834:
    Auto-Submitted; the older X-Autoreply, X-Autorespond and Precedence
    headers; an empty Return-Path)."""
    auto_submitted = (decode_message_header(message, "Auto-Submitted") or "").strip().lower()
    if auto_submitted and auto_submitted != "no":
        return True
    if decode_message_header(message, "X-Autoreply") or decode_message_header(
        message, "X-Autorespond"
    ):
        return True
    precedence = (decode_message_header(message, "Precedence") or "").strip().lower()
    if precedence in AUTO_PRECEDENCE:
        return True
    return (decode_message_header(message, "Return-Path") or "").strip() == "<>"


def keep_attachments(msg_dict):
    """Keeps the first MAX_ATTACHMENTS files of at most MAX_ATTACHMENT_BYTES
    in ``msg_dict`` (the mail gateway posts them after message_new /
    message_update); returns the names of the files left out."""
    kept, left_out = [], []
    for attachment in msg_dict.get("attachments") or []:
        content = attachment[1] or b""
        if len(kept) < MAX_ATTACHMENTS and len(content) <= MAX_ATTACHMENT_BYTES:
            kept.append(attachment)
        else:
            left_out.append(attachment[0] or "-")
    msg_dict["attachments"] = kept
    return left_out


def cut(text, limit):
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class AftersalesMailIntakeMixin(models.AbstractModel):
    """A document a mail alias opens; listed before mail.thread in the
    model's ``_inherit``, whose message_new/message_update it overrides. The
    model names the field that takes the mail's text
    (``_mail_intake_text_field``, its size limit) and adds its own values in
    ``_prepare_mail_intake_vals``."""

    _name = "aftersales.mail.intake.mixin"
    _description = "After-Sales E-mail Intake"

    _mail_intake_text_field = "description"
    _mail_intake_text_limit = 4000
    # Never taken from a mail or an alias's defaults (besides the steps).
    _mail_intake_protected_fields = ("state", "name")

    @api.model
    def _routing_check_route(self, message, message_dict, route, raise_exception=True):
        """Automatic mail opens no document (bounces never reach here: Odoo's
        message_route handles them); a reply to a document still lands."""
        if not route[1] and is_automatic(message):
            _logger.info(
                "Automatic mail %s from %s opens no %s",
                message_dict.get("message_id"),
                message_dict.get("email_from"),
                self._name,
            )
            return ()
        return super()._routing_check_route(
            message, message_dict, route, raise_exception=raise_exception
        )

    @api.model
    def _detect_loop_sender_domain(self, email_from_normalized):
        """Odoo's loop detection counts the documents one address opened in
        the last two hours (mail.gateway.loop.* parameters)."""
        return [
            ("channel", "=", "email"),
            ("partner_id.email_normalized", "=", email_from_normalized),
        ]

    @api.model
    def _prepare_mail_intake_partner_vals(self, name, email):
        return {"name": (name or email or "-")[:128], "email": email}

    @api.model
    def _mail_intake_partner(self, email_from):
        """The contact of the sender's address, else a new contact."""
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
            .create(self._prepare_mail_intake_partner_vals(name, email))
        )

    @api.model
    def _prepare_mail_intake_vals(self, text, partner, company):
        """What the model adds to a document opened by a mail."""
        return {}

    def _mail_intake_note_left_out(self, left_out):
        for document in self:
            if not left_out:
                continue
            document.with_context(lang=document.company_id._aftersales_lang()).message_post(
                body=document.env._(
                    "Files left out of the sender's e-mail (more than %(count)s files, or "
                    "larger than %(size)s MB each): %(names)s. Ask the sender to send them "
                    "another way.",
                    count=MAX_ATTACHMENTS,
                    size=MAX_ATTACHMENT_BYTES // (1024 * 1024),
                    names=", ".join(left_out),
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """The document at its first step, channel e-mail, in the company of
        the alias (its defaults): the sender as customer, the mail's subject
        and text (plain) as its text. Opened by the system, never by a portal
        sender: mailing gives nobody rights."""
        values = dict(custom_values or {})
        company = self.env["res.company"].browse(values.get("company_id")) or self.env.company
        documents = self
        if not self.env.user._is_internal():
            documents = self.with_user(SUPERUSER_ID)
        documents = documents.sudo().with_company(company)
        left_out = keep_attachments(msg_dict)
        limit = self._mail_intake_text_limit
        subject = (msg_dict.get("subject") or "").strip()[:MAX_SUBJECT]
        body = cut(html2plaintext((msg_dict.get("body") or "")[:MAX_BODY_READ]).strip(), limit)
        text = cut("\n\n".join(part for part in (subject, body) if part), limit)
        partner = documents._mail_intake_partner(msg_dict.get("email_from") or "")
        msg_dict["author_id"] = partner.id
        for field in (*self._mail_intake_protected_fields, *getattr(self, "_process_fields", ())):
            values.pop(field, None)
        # The model's values, then the alias's defaults, then the mail itself.
        values = {
            **documents._prepare_mail_intake_vals(text, partner, company),
            **values,
            "company_id": company.id,
            "channel": "email",
            "partner_id": partner.id,
            self._mail_intake_text_field: text
            or documents.with_context(lang=company._aftersales_lang()).env._(
                "(e-mail without text)"
            ),
        }
        document = documents.create([values])
        document.message_subscribe(partner_ids=partner.ids)
        document._mail_intake_note_left_out(left_out)
        return document

    def message_update(self, msg_dict, update_vals=None):
        """A reply: posted in the chatter (followers notified), nothing else."""
        left_out = keep_attachments(msg_dict)
        res = super().message_update(msg_dict, update_vals=update_vals)
        self._mail_intake_note_left_out(left_out)
        return res

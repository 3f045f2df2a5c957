# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""E-mail intake (I1): what a document opened by a mail keeps of it. The
same few functions are in aftersales_repair and aftersales_complaint (neither
depends on the other)."""

import logging

from odoo.tools import html2plaintext
from odoo.tools.mail import decode_message_header

_logger = logging.getLogger(__name__)

# A mail brings at most this many files of at most this size each; the rest
# is left out and the chatter says which (the customer sends them otherwise).
MAX_ATTACHMENTS = 10
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# The subject kept on the document.
MAX_SUBJECT = 200
# Precedence values of automatic mail (RFC 2076, RFC 3834).
AUTO_PRECEDENCE = {"bulk", "junk", "list", "auto_reply", "auto-reply"}


def is_automatic(message):
    """An auto-reply, an out-of-office notice or a mailing: it opens no
    document (RFC 3834: Auto-Submitted; the older X-Autoreply, X-Autorespond
    and Precedence headers; an empty Return-Path)."""
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
    in ``msg_dict`` (posted on the document by the mail gateway after
    message_new/message_update); returns the names of the files left out."""
    kept, left_out = [], []
    for attachment in msg_dict.get("attachments") or []:
        content = attachment[1] or b""
        if len(kept) < MAX_ATTACHMENTS and len(content) <= MAX_ATTACHMENT_BYTES:
            kept.append(attachment)
        else:
            left_out.append(attachment[0] or "-")
    msg_dict["attachments"] = kept
    return left_out


def mail_text(msg_dict, limit):
    """The mail's body as plain text (HTML and scripts dropped: a Text field,
    escaped wherever it is shown), at most ``limit`` characters; and whether
    it was cut."""
    text = html2plaintext(msg_dict.get("body") or "").strip()
    if len(text) <= limit:
        return text, False
    return text[: limit - 1].rstrip() + "…", True


def mail_subject(msg_dict):
    return (msg_dict.get("subject") or "").strip()[:MAX_SUBJECT]

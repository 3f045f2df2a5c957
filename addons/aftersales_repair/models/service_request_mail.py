# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import re

from odoo import SUPERUSER_ID, api, fields, models
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
from .service_request import TEXT_LIMITS

_logger = logging.getLogger(__name__)

# A serial is a word of letters and digits (and . _ / -) in the subject or body.
SERIAL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{2,63}")
MAX_SERIAL_WORDS = 500
# At most this much of the mail's HTML is read (a 20 MB body is not a fault).
MAX_BODY_READ = 400_000


class AftersalesServiceRequest(models.Model):
    """I1: a mail to the company's service address opens a service request;
    a reply lands in its chatter (mail.thread's message_update)."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited

    partner_from_mail = fields.Boolean(related="partner_id.aftersales_from_mail")

    @api.model
    def _routing_check_route(self, message, message_dict, route, raise_exception=True):
        """An auto-reply, out-of-office notice or mailing opens no request
        (bounces never reach here: Odoo's message_route handles them)."""
        if not route[1] and is_automatic(message):
            _logger.info(
                "Automatic mail %s from %s opens no service request",
                message_dict.get("message_id"),
                message_dict.get("email_from"),
            )
            return ()
        return super()._routing_check_route(
            message, message_dict, route, raise_exception=raise_exception
        )

    @api.model
    def _detect_loop_sender_domain(self, email_from_normalized):
        """Odoo's loop detection counts the requests one address opened in
        the last two hours (mail.gateway.loop.* parameters)."""
        return [
            ("channel", "=", "email"),
            ("partner_id.email_normalized", "=", email_from_normalized),
        ]

    @api.model
    def _mail_intake_partner(self, email_from, company):
        """The customer of the sender's address, else a new contact flagged
        for the desk to check."""
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
            .create(
                {
                    "name": (name or email or "-")[:128],
                    "email": email,
                    "aftersales_from_mail": True,
                }
            )
        )

    @api.model
    def _mail_intake_lot(self, text, company):
        """The serial of ``company`` named first in ``text`` (one query)."""
        words = []
        for word in SERIAL_RE.findall(text):
            word = word.rstrip("._/-")
            if word not in words:
                words.append(word)
            if len(words) >= MAX_SERIAL_WORDS:
                break
        if not words:
            return self.env["stock.lot"]
        candidates = words + [w.upper() for w in words if w.upper() != w]
        lots = (
            self.env["stock.lot"]
            .sudo()
            .search([("name", "in", candidates), ("company_id", "in", [company.id, False])])
        )
        by_name = {lot.name: lot for lot in lots}
        for word in words:
            lot = by_name.get(word) or by_name.get(word.upper())
            if lot:
                return lot
        return self.env["stock.lot"]

    def _mail_intake_note_left_out(self, left_out):
        if left_out:
            self.message_post(
                body=self.env._(
                    "Files left out of the customer's e-mail (more than %(count)s files, or "
                    "larger than %(size)s MB each): %(names)s. Ask the customer to send them "
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
        """A request at its first step, channel e-mail, in the company of
        the alias (its defaults): the customer found by the sender's
        address, the serial named in the mail with its product and coverage,
        the mail's text as fault description. Opened by the system, never by
        a portal sender: mailing gives nobody rights."""
        values = dict(custom_values or {})
        company = self.env["res.company"].browse(values.get("company_id")) or self.env.company
        requests = self
        if not self.env.user._is_internal():
            requests = self.with_user(SUPERUSER_ID)
        requests = requests.sudo().with_company(company)
        lang = company._aftersales_lang()
        left_out = keep_attachments(msg_dict)
        subject = mail_subject(msg_dict)
        limit = TEXT_LIMITS["fault_description"]
        body, _cut = mail_text({"body": (msg_dict.get("body") or "")[:MAX_BODY_READ]}, limit)
        text = "\n\n".join(part for part in (subject, body) if part)
        if len(text) > limit:
            text = text[: limit - 1].rstrip() + "…"
        partner = requests._mail_intake_partner(msg_dict.get("email_from") or "", company)
        msg_dict["author_id"] = partner.id
        lot = requests._mail_intake_lot(text, company)
        values.update(
            company_id=company.id,
            channel="email",
            partner_id=partner.id,
            fault_description=text
            or requests.with_context(lang=lang).env._("(e-mail without text)"),
        )
        if lot:
            values.update(lot_id=lot.id, product_id=lot.product_id.id)
        for field in ("state", "user_id", "service_category", *self._process_fields):
            values.pop(field, None)
        request = requests.create([values])
        request.message_subscribe(partner_ids=partner.ids)
        request.with_context(lang=lang)._mail_intake_note_left_out(left_out)
        return request

    def message_update(self, msg_dict, update_vals=None):
        """A reply: posted in the chatter (followers notified), nothing else."""
        left_out = keep_attachments(msg_dict)
        res = super().message_update(msg_dict, update_vals=update_vals)
        for request in self:
            request.with_context(
                lang=request.company_id._aftersales_lang()
            )._mail_intake_note_left_out(left_out)
        return res

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models

from .service_request import TEXT_LIMITS

# A serial is a word of letters and digits (and . _ / -) in the subject or body.
SERIAL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{2,63}")
MAX_SERIAL_WORDS = 500


class AftersalesServiceRequest(models.Model):
    """I1: a mail to the company's service address opens a service request
    (aftersales.mail.intake.mixin); a reply lands in its chatter."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited

    _mail_intake_text_field = "fault_description"
    _mail_intake_text_limit = TEXT_LIMITS["fault_description"]
    _mail_intake_protected_fields = ("state", "name", "user_id", "service_category")

    partner_from_mail = fields.Boolean(related="partner_id.aftersales_from_mail")

    @api.model
    def _prepare_mail_intake_partner_vals(self, name, email):
        """A new contact is flagged for the desk to check."""
        return dict(
            super()._prepare_mail_intake_partner_vals(name, email), aftersales_from_mail=True
        )

    @api.model
    def _prepare_mail_intake_vals(self, text, partner, company):
        """The serial named in the mail, with its product (and so coverage)."""
        values = super()._prepare_mail_intake_vals(text, partner, company)
        lot = self._mail_intake_lot(text, company)
        if lot:
            values.update(lot_id=lot.id, product_id=lot.product_id.id)
        return values

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

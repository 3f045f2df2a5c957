# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import secrets
from urllib.parse import urlencode

from odoo import fields, models

from odoo.addons.aftersales_base.roles import DESK

# I3: the check code printed on the certificate. Random (``secrets``), not
# derived from the serial: 10 characters of an alphabet without the look-alikes
# 0/O, 1/I/L (31^10, about 8 × 10^14 codes).
CHECK_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CHECK_CODE_LENGTH = 10
CHECK_PATH = "/warranty/check"
# What a visitor may type: longer input is answered as an unknown serial.
SERIAL_MAX_LENGTH = 64
CODE_MAX_LENGTH = 32


def new_check_code():
    return "".join(secrets.choice(CHECK_CODE_ALPHABET) for _i in range(CHECK_CODE_LENGTH))


def normalize_check_code(code):
    """What the visitor typed, as stored: upper case, without the spaces and
    dashes people put into long codes."""
    return re.sub(r"[\s-]+", "", code or "").upper()


class AftersalesWarrantyCertificate(models.Model):
    _inherit = "aftersales.warranty.certificate"
    # The check code changes only through action_regenerate_check_code (X6):
    # nobody chooses (and so nobody guesses) a certificate's code.
    _process_fields = ("state", "check_code")

    check_code = fields.Char(
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: new_check_code(),
        help="Printed on the certificate with a QR code: whoever holds the serial number "
        "and this code sees the warranty's coverage on the public warranty check page "
        "(I3). Regenerate it when the customer has lost control of it.",
    )

    _check_code_unique = models.Constraint(
        "UNIQUE(check_code)", "Two warranty certificates cannot have the same check code."
    )

    def _aftersales_check_url(self):
        """The public warranty check with this certificate's serial and code
        filled in (the QR code on the certificate); "" without a serial."""
        self.ensure_one()
        if not self.lot_id:
            return ""
        base = self.company_id.sudo().get_base_url().rstrip("/")
        query = urlencode({"serial": self.lot_id.name, "code": self.check_code})
        return f"{base}{CHECK_PATH}?{query}"

    def action_regenerate_check_code(self):
        """I3: the desk gives the certificate a new check code when the
        customer has lost control of the old one (the old one then opens
        nothing). Logged in the chatter, without the codes."""
        self._ensure_role(DESK, self.env._("regenerate the check code"))
        # AccessError for a certificate the user may not read (another
        # company, a role without certificates).
        self.check_access("read")
        for cert in self.sudo():
            cert._write_process({"check_code": new_check_code()})
        self.sudo()._message_log_batch(
            dict.fromkeys(
                self.ids,
                self.env._(
                    "Check code regenerated: the previous code no longer opens the public "
                    "warranty check."
                ),
            )
        )
        return True

    def _aftersales_public_lookup(self, serial, code):
        """I3: the certificate whose serial is ``serial`` and whose check code
        is ``code`` (issued: not a draft), as superuser; an empty recordset
        for a wrong pair and an unknown serial alike (one query for both, so
        that neither the answer nor its time tells them apart)."""
        empty = self.browse().sudo()
        serial = (serial or "").strip()
        code = normalize_check_code(code)
        if not serial or not code or len(serial) > SERIAL_MAX_LENGTH or len(code) > CODE_MAX_LENGTH:
            return empty
        return empty.search(
            [
                ("check_code", "=", code),
                ("lot_id.name", "=", serial),
                ("state", "!=", "draft"),
            ],
            limit=1,
        )

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

# I3: tries per IP address and minute on the public warranty check; the 11th
# within a minute is refused. A setting (ir.config_parameter) may change it.
RATE_LIMIT_PARAM = "aftersales_warranty.check_rate_limit"
DEFAULT_RATE_LIMIT = 10
RATE_WINDOW = timedelta(minutes=1)
# Rows older than this are of no use to the limit: deleted on the fly.
KEEP_ROWS = timedelta(hours=1)


class AftersalesWarrantyCheckAttempt(models.Model):
    """One try on the public warranty check (I3), by IP address: the rate
    limit is counted in the database, so that it holds whichever worker
    answers. Only the controller writes here (as superuser); rows older than
    an hour are deleted on the fly by the next try."""

    _name = "aftersales.warranty.check.attempt"
    _description = "Public Warranty Check Attempt"
    _order = "attempt_time desc, id desc"
    _log_access = False

    ip_address = fields.Char(string="IP Address", required=True, index=True)
    attempt_time = fields.Datetime(
        string="Time", required=True, default=fields.Datetime.now, index=True
    )

    _ip_time_idx = models.Index("(ip_address, attempt_time)")

    @api.model
    def _rate_limit(self):
        value = self.env["ir.config_parameter"].sudo().get_param(RATE_LIMIT_PARAM)
        try:
            limit = int(value) if value else DEFAULT_RATE_LIMIT
        except ValueError:
            limit = DEFAULT_RATE_LIMIT
        return max(limit, 1)

    @api.model
    def _register_attempt(self, ip_address):
        """Counts a try from ``ip_address``: True when it is allowed (and
        recorded), False when the address has used up its tries of the last
        minute (a refused try is not recorded: the address may try again a
        minute after its last allowed try). Tries of one address are
        serialised by a transaction lock, so that two workers cannot both let
        the 11th through."""
        ip_address = (ip_address or "unknown")[:64]
        now = fields.Datetime.now()
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT pg_advisory_xact_lock(hashtext(%s))",
                f"aftersales_warranty_check:{ip_address}",
            )
        )
        cr.execute(
            SQL(
                "DELETE FROM aftersales_warranty_check_attempt WHERE attempt_time < %s",
                now - KEEP_ROWS,
            )
        )
        cr.execute(
            SQL(
                """SELECT count(*) FROM aftersales_warranty_check_attempt
                    WHERE ip_address = %s AND attempt_time > %s""",
                ip_address,
                now - RATE_WINDOW,
            )
        )
        if cr.fetchone()[0] >= self._rate_limit():
            return False
        self.sudo().create([{"ip_address": ip_address, "attempt_time": now}])
        return True

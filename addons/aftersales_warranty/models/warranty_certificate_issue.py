# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models

# Quiet creation of historical certificates: no "created" log, no tracking
# values, no follower added, on thousands of old documents.
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
}


class AftersalesWarrantyCertificate(models.Model):
    _inherit = "aftersales.warranty.certificate"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _aftersales_issue_dated(self, vals_list):
        """Issues certificates of goods sold before today (issue 15's back-fill,
        I4's product registrations): each ``vals`` has its ``date_start`` (the
        delivery or purchase day); the end date comes from the policy. One
        create per year of start, numbered in that year (``%(year)s`` of the
        sequence's prefix, or its date range), one activation, one expiry of
        those whose period has already ended: no "active" certificate for a
        long-ended period. Runs as the system (the caller checked the role)."""
        Certificate = self.sudo().with_context(**QUIET)
        by_year = defaultdict(list)
        for vals in vals_list:
            by_year[fields.Date.to_date(vals["date_start"]).year].append(vals)
        certificates = Certificate
        for year in sorted(by_year):
            ordered = sorted(
                by_year[year],
                key=lambda v: (v["date_start"], v.get("lot_id") or 0, v.get("move_id") or 0),
            )
            certificates |= Certificate.with_context(
                ir_sequence_date=fields.Date.to_string(ordered[0]["date_start"])
            ).create(ordered)
        if not certificates:
            return certificates
        certificates.action_activate()
        todays = {company: company._aftersales_today() for company in certificates.company_id}
        ended = certificates.filtered(lambda c: c.date_end < todays[c.company_id])
        if ended:
            ended._set_state("expired")
        return certificates

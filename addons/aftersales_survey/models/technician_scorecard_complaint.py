# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AftersalesTechnicianScorecard(models.Model):
    """Complaints attributed to the technician (not rejected ones) and the
    confirmed penalties and rewards of the complaint register's ledger, which
    quality assessments also feed (V7, V8)."""

    _inherit = "aftersales.technician.scorecard"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _complaint_measures(self, company, since, until):
        measures = super()._complaint_measures(company, since, until)
        for user, count in (
            self.env["aftersales.complaint"]
            .sudo()
            ._read_group(
                [
                    ("technician_id", "!=", False),
                    ("state", "!=", "rejected"),
                    ("company_id", "=", company.id),
                    ("date_received", ">=", since),
                    ("date_received", "<", until),
                ],
                ["technician_id"],
                ["__count"],
            )
        ):
            measures.setdefault(user.id, {})["complaint_count"] = count
        return measures

    @api.model
    def _penalty_measures(self, company, start, end):
        measures = super()._penalty_measures(company, start, end)
        for user, kind, amount in (
            self.env["aftersales.complaint.penalty"]
            .sudo()
            ._read_group(
                [
                    ("state", "=", "confirmed"),
                    ("company_id", "=", company.id),
                    ("date", ">=", start),
                    ("date", "<", end),
                ],
                ["user_id", "kind"],
                ["amount:sum"],
            )
        ):
            measures.setdefault(user.id, {})[f"{kind}_amount"] = amount
        return measures

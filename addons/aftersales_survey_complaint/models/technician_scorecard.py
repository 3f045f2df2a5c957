# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AftersalesTechnicianScorecard(models.Model):
    """Complaints attributed to the technician, not rejected ones, count in
    the scorecard (V8)."""

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

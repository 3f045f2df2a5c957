# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .service_request import OPEN_STATES
from .service_request_levels import LEVELS


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    @api.model
    def _aftersales_time_base_changed(self, company, date_from, date_to):
        """Holidays or make-up days entered (or changed) later (T1, T2): the
        open requests of the company called before the change's last day
        whose deadlines run past its first day are planned again, in one
        batch; closed requests keep the deadlines they were measured by."""
        result = super()._aftersales_time_base_changed(company, date_from, date_to)
        start = company._aftersales_day_start(date_from)
        end = company._aftersales_day_bounds(date_to)[1]
        requests = (
            self.env["aftersales.service.request"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", OPEN_STATES),
                    ("date_call", "<", end),
                    "|",
                    "|",
                    *((level.deadline, ">", start) for level in LEVELS.values()),
                ]
            )
        )
        if requests:
            requests._recompute_level_deadlines()
        return result

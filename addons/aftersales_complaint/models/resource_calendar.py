# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    @api.model
    def _aftersales_time_base_changed(self, company, date_from, date_to):
        """Open complaints' step deadlines follow the time base (T1)."""
        result = super()._aftersales_time_base_changed(company, date_from, date_to)
        self.env["aftersales.complaint"]._recompute_stage_deadlines(company, date_from)
        return result

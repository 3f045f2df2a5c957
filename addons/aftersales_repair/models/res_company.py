# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # The sales director (aftersales_warranty) receives the day's unsolved calls.
    # The last local day whose list was sent: a rerun of the evening action
    # (another worker, a restart) sends nothing twice.
    aftersales_same_day_reported_on = fields.Date(
        string="Unsolved Calls Reported For", readonly=True, copy=False
    )

    def _aftersales_sales_director(self):
        """Who receives the day's list of unsolved calls: the sales director,
        else the service manager (the list is the seed's written report: it
        always goes to somebody who answers for it)."""
        self.ensure_one()
        return self.aftersales_sales_director_id or self._aftersales_service_manager()

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairOrder(models.Model):
    _inherit = "repair.order"

    aftersales_date_done = fields.Datetime(string="Repaired On", readonly=True, copy=False)
    aftersales_survey_sent = fields.Boolean(
        string="Survey Sent", readonly=True, copy=False, index=True
    )

    def action_repair_done(self):
        result = super().action_repair_done()
        self.filtered(lambda r: r.state == "done" and not r.aftersales_date_done).write(
            {"aftersales_date_done": fields.Datetime.now()}
        )
        return result

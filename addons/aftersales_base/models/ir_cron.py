# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import UTC, datetime, time, timedelta

from odoo import api, fields, models


class IrCron(models.Model):
    _inherit = "ir.cron"

    @api.model
    def _aftersales_run_daily_at(self, cron_ids, local_time):
        """Sets the next call of the scheduled actions ``cron_ids`` at the
        next ``local_time`` ("HH:MM") of the company's time zone: a module's
        data calls it at install, so that a daily action runs at the same
        hour of the company's day wherever the company is."""
        company = self.env.company
        tz = company._aftersales_tz()
        hour, minute = (int(part) for part in local_time.split(":"))
        now = fields.Datetime.now().replace(tzinfo=UTC).astimezone(tz)
        moment = datetime.combine(now.date(), time(hour, minute), tz)
        if moment <= now:
            moment = datetime.combine(now.date() + timedelta(days=1), time(hour, minute), tz)
        nextcall = moment.astimezone(UTC).replace(tzinfo=None)
        self.browse(cron_ids).sudo().write({"nextcall": nextcall})
        return nextcall

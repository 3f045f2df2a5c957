# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import UTC, datetime, time, timedelta

from odoo import api, fields, models


class IrCron(models.Model):
    _inherit = "ir.cron"

    aftersales_local_time = fields.Char(
        string="Company Local Time",
        readonly=True,
        help="The hour (HH:MM) of the company's day this daily action runs at, in the "
        "company's time zone: its next call follows the company's time zone when it changes.",
    )

    @api.model
    def _aftersales_run_daily_at(self, cron_ids, local_time):
        """Sets the next call of the scheduled actions ``cron_ids`` at the
        next ``local_time`` ("HH:MM") of their company's time zone (the
        company of the user they run as) and remembers that hour: a module's
        data calls it at install and upgrade, so that a daily action runs at
        the same hour of the company's day wherever the company is; it
        follows when the company's time zone changes (issue 15)."""
        crons = self.browse(cron_ids).sudo()
        crons.write({"aftersales_local_time": local_time})
        crons._aftersales_follow_company_tz()
        return crons[:1].nextcall

    def _aftersales_next_local_call(self, now=None):
        """The next moment (naive UTC) after ``now`` (naive UTC, default
        now) at which this daily action's local hour strikes in its
        company's time zone (the company of the user it runs as)."""
        self.ensure_one()
        tz = (self.user_id.company_id or self.env.company)._aftersales_tz()
        hour, minute = (int(part) for part in self.aftersales_local_time.split(":"))
        local_now = (now or fields.Datetime.now()).replace(tzinfo=UTC).astimezone(tz)
        moment = datetime.combine(local_now.date(), time(hour, minute), tz)
        if moment <= local_now:
            moment = datetime.combine(local_now.date() + timedelta(days=1), time(hour, minute), tz)
        return moment.astimezone(UTC).replace(tzinfo=None)

    def _aftersales_follow_company_tz(self):
        """Next call of these daily actions at their local hour in their
        company's time zone (all the suite's daily actions when ``self`` is
        empty). Returns True."""
        crons = (self or self.sudo().search([("aftersales_local_time", "!=", False)])).sudo()
        for cron in crons.filtered("aftersales_local_time"):
            nextcall = cron._aftersales_next_local_call()
            if cron.nextcall != nextcall:
                cron.nextcall = nextcall
        return True

    @api.model
    def _reschedule_later(self, job):
        """After a run Odoo adds the interval to the last planned call with a
        fixed UTC offset (pytz arithmetic): a daily action at 09:00 in a
        company with summer time ran at 10:00 from the clock change on. The
        suite's daily actions are set again at their local hour of the
        company's day after the run (issue 15)."""
        result = super()._reschedule_later(job)
        if job.get("aftersales_local_time"):
            cron = self.browse(job["id"]).sudo()
            now = self.env.cr.now().replace(microsecond=0)
            self.env.cr.execute(
                "UPDATE ir_cron SET nextcall = %s WHERE id = %s",
                [cron._aftersales_next_local_call(now), job["id"]],
            )
            cron.invalidate_recordset(["nextcall"])
        return result

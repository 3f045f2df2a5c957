# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import bisect
from datetime import UTC, datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools.intervals import Intervals

# How far ahead the working intervals are read at once; a deadline further
# away reads the next window, up to HORIZON.
WINDOW = timedelta(days=21)
HORIZON = timedelta(days=730)
END_OF_DAY_GAP = timedelta(microseconds=1)


class ResourceCalendar(models.Model):
    """The suite's one time base (T1): the calendar's working intervals minus
    Odoo's leaves (the calendar's and the company's global ones) minus the
    company's public holidays, plus its make-up working days. Every deadline
    of the suite is planned here, a batch at a time."""

    _inherit = "resource.calendar"

    aftersales_works_holidays = fields.Boolean(
        string="Works on Public Holidays",
        help="Round-the-clock service (7×24): public holidays, make-up days and the "
        "company's global leaves do not apply.",
    )

    def _aftersales_company(self, company=None):
        return company or self.company_id or self.env.company

    def _aftersales_work_intervals(self, start, end, company=None):
        """Working intervals between two aware datetimes, as a sorted list of
        (start, end) aware UTC datetimes. Three queries per call, whatever the
        span: attendances, leaves, holidays."""
        self.ensure_one()
        company = self._aftersales_company(company)
        attendance = Intervals(
            (a, b, self.env["resource.calendar.attendance"])
            for a, b, _meta in self._attendance_intervals_batch(start, end)[False]
        )
        if not self.aftersales_works_holidays:
            leaves = self._leave_intervals_batch(
                start,
                end,
                domain=[("time_type", "=", "leave"), ("company_id", "in", [False, company.id])],
            )[False]
            holidays, makeup = self._aftersales_calendar_days(start, end, company)
            attendance = (attendance - Intervals(holidays) | Intervals(makeup)) - leaves
        # Odoo ends a day worked until 24:00 at 23:59:59.999999: the last
        # microsecond belongs to the day, or a round-the-clock deadline that
        # crosses midnight ends a microsecond late.
        return [
            (
                a.astimezone(UTC),
                (b + END_OF_DAY_GAP if b.microsecond == 999999 else b).astimezone(UTC),
            )
            for a, b, _meta in attendance
        ]

    def _aftersales_calendar_days(self, start, end, company):
        """The company's holidays and make-up days between ``start`` and
        ``end`` as interval triples in the calendar's time zone."""
        tz = pytz.timezone(self.tz or "UTC")
        first = start.astimezone(tz).date() - timedelta(days=1)
        last = end.astimezone(tz).date() + timedelta(days=1)
        days = (
            self.env["aftersales.calendar.day"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("date_from", "<=", last),
                    ("date_to", ">=", first),
                ]
            )
            .filtered(lambda d: not d.calendar_ids or self in d.calendar_ids)
        )
        empty = self.env["resource.calendar.attendance"]
        holidays, makeup = [], []
        for day in days:
            if day.day_type == "holiday":
                holidays.append(
                    (
                        tz.localize(datetime.combine(day.date_from, time.min)),
                        tz.localize(datetime.combine(day.date_to + timedelta(days=1), time.min)),
                        empty,
                    )
                )
                continue
            for attendance in self.attendance_ids:
                if (
                    attendance.dayofweek != day.works_like
                    or attendance.display_type
                    or attendance.day_period == "lunch"
                ):
                    continue
                if self.two_weeks_calendar and attendance.week_type != str(
                    attendance.get_week_type(day.date_from)
                ):
                    continue
                begin = tz.localize(
                    datetime.combine(day.date_from, time.min)
                    + timedelta(hours=attendance.hour_from)
                )
                finish = tz.localize(
                    datetime.combine(day.date_from, time.min) + timedelta(hours=attendance.hour_to)
                )
                makeup.append((max(begin, start), min(finish, end), empty))
        return holidays, [m for m in makeup if m[0] < m[1]]

    def _aftersales_plan_hours_batch(self, starts_hours, company=None):
        """Deadlines for many (start, hours) pairs at once on the time base:
        the intervals are read once per window for the whole batch, not once
        per pair. Naive UTC datetimes in and out, like plan_hours; False when
        the calendar has no working time within the horizon."""
        self.ensure_one()
        if not starts_hours:
            return []
        results = [False] * len(starts_hours)
        # pending: index -> (moment, remaining hours)
        pending = {
            i: (start.replace(tzinfo=UTC), hours)
            for i, (start, hours) in enumerate(starts_hours)
            if start
        }
        low = min((m for m, _h in pending.values()), default=None)
        high = max((m for m, _h in pending.values()), default=None)
        limit = (high + HORIZON) if high else None
        while pending and low < limit:
            window_end = max(m for m, _h in pending.values()) + WINDOW
            intervals = self._aftersales_work_intervals(low, window_end, company)
            ends = [b for _a, b in intervals]
            for i, (moment, remaining) in list(pending.items()):
                for a, b in intervals[bisect.bisect_right(ends, moment) :]:
                    a = max(a, moment)
                    span = (b - a).total_seconds() / 3600
                    if remaining <= span:
                        results[i] = (a + timedelta(hours=remaining)).replace(tzinfo=None)
                        del pending[i]
                        break
                    remaining -= span
                else:
                    pending[i] = (window_end, remaining)
            low = window_end
        return results

    def _aftersales_plan_days_batch(self, starts_days, company=None):
        """Due dates for many (date, working days) pairs: the date that many
        working days after ``date`` (a day with working time counts; holidays
        don't, make-up days do). Local dates in and out."""
        self.ensure_one()
        if not starts_days:
            return []
        tz = pytz.timezone(self.tz or "UTC")
        first = min(day for day, _n in starts_days)
        span = max(n for _day, n in starts_days)
        horizon = timedelta(days=int(span * 7 / 5) + 30)
        start = tz.localize(datetime.combine(first, time.min))
        end = tz.localize(datetime.combine(max(d for d, _n in starts_days), time.min)) + horizon
        intervals = self._aftersales_work_intervals(start, end, company)
        working = sorted({a.astimezone(tz).date() for a, _b in intervals})
        results = []
        for day, n in starts_days:
            index = bisect.bisect_right(working, day) + max(int(n), 1) - 1
            if n <= 0:
                results.append(day)
            elif index < len(working):
                results.append(working[index])
            else:
                results.append(False)
        return results

    @api.model
    def _aftersales_time_base_changed(self, company, date_from, date_to):
        """Hook: the holidays, make-up days or leaves of ``company`` between
        the two local dates changed. Modules whose open deadlines were planned
        on the time base recompute them (closed ones keep theirs)."""
        return True


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        leaves._aftersales_time_base_changed()
        return leaves

    def write(self, vals):
        self._aftersales_time_base_changed()
        result = super().write(vals)
        self._aftersales_time_base_changed()
        return result

    def unlink(self):
        self._aftersales_time_base_changed()
        return super().unlink()

    def _aftersales_time_base_changed(self):
        # only leaves of no one (public holidays, closures) move the deadlines
        for company, leaves in (
            self.filtered(lambda l: not l.resource_id).grouped("company_id").items()
        ):
            self.env["resource.calendar"]._aftersales_time_base_changed(
                company or self.env.company,
                min(leaves.mapped("date_from")).date() - timedelta(days=1),
                max(leaves.mapped("date_to")).date() + timedelta(days=1),
            )
        return True

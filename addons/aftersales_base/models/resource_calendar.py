# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import bisect
from datetime import UTC, datetime, time, timedelta

import pytz

from odoo import api, fields, models, tools
from odoo.tools.intervals import Intervals

# How far ahead the working intervals are read at once; a deadline further
# away reads the next window, up to HORIZON.
WINDOW = timedelta(days=21)
# Changing these fields of a leave changes the time base.
TIME_BASE_FIELDS = {"date_from", "date_to", "resource_id", "calendar_id", "company_id", "time_type"}
HORIZON = timedelta(days=730)


def _utc(moment):
    """A naive datetime is UTC (as the ORM stores them); an aware one is
    converted."""
    if moment.tzinfo:
        return moment.astimezone(UTC)
    return moment.replace(tzinfo=UTC)


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

    @tools.ormcache("self.id", "company_id")
    def _aftersales_time_base_data(self, company_id):
        """What the time base needs of this calendar for a company, read once
        per worker and kept until a calendar, an attendance, a leave of no one
        or a holiday changes (the registry cache is then cleared): registering
        a call costs no query for its deadlines' working time."""
        self.ensure_one()
        calendar = self.sudo().with_context(active_test=True)
        works_holidays = calendar.aftersales_works_holidays
        attendances = tuple(
            (int(a.dayofweek), a.hour_from, a.hour_to, int(a.week_type or 0))
            for a in calendar.attendance_ids
            if not a.display_type and a.day_period != "lunch"
        )
        holidays, makeups = (), ()
        if not works_holidays:
            days = (
                self.env["aftersales.calendar.day"]
                .sudo()
                .with_context(active_test=True)
                .search([("company_id", "=", company_id)])
                .filtered(lambda d: not d.calendar_ids or calendar in d.calendar_ids)
            )
            holidays = tuple((d.date_from, d.date_to) for d in days if d.day_type == "holiday")
            makeups = tuple(
                (d.date_from, int(d.works_like or 0)) for d in days if d.day_type == "workday"
            )
        domain = [
            ("time_type", "=", "leave"),
            ("resource_id", "=", False),
            ("company_id", "in", [False, company_id]),
            ("calendar_id", "in", [calendar.id] if works_holidays else [False, calendar.id]),
        ]
        leaves = tuple(
            (leave.date_from, leave.date_to)
            for leave in self.env["resource.calendar.leaves"].sudo().search(domain)
        )
        return {
            "tz": calendar.tz or "UTC",
            "flexible": calendar.flexible_hours,
            "two_weeks": calendar.two_weeks_calendar,
            "attendances": attendances,
            "holidays": holidays,
            "makeups": makeups,
            "leaves": leaves,
        }

    def _aftersales_work_intervals(self, start, end, company=None):
        """Working intervals between two aware datetimes, as a sorted list of
        (start, end) aware UTC datetimes: the attendances, minus the leaves of
        no one (the calendar's and the company's closures), minus the
        company's public holidays, plus its make-up days. No query once the
        calendar's data is cached (_aftersales_time_base_data)."""
        self.ensure_one()
        company = self._aftersales_company(company)
        data = self._aftersales_time_base_data(company.id)
        if data["flexible"]:
            return self._aftersales_flexible_intervals(start, end, data)
        tz = pytz.timezone(data["tz"])
        empty = self.env["resource.calendar.attendance"]
        week_type = self.env["resource.calendar.attendance"].get_week_type

        def day_hours(day, weekday):
            return [
                (hour_from, hour_to)
                for dow, hour_from, hour_to, week in data["attendances"]
                if dow == weekday and (not data["two_weeks"] or week == week_type(day))
            ]

        def local(day, hours):
            return tz.localize(datetime.combine(day, time.min) + timedelta(hours=hours))

        first = start.astimezone(tz).date()
        last = end.astimezone(tz).date()
        worked = []
        day = first
        while day <= last:
            for hour_from, hour_to in day_hours(day, day.weekday()):
                worked.append((local(day, hour_from), local(day, hour_to), empty))
            day += timedelta(days=1)
        attendance = Intervals(worked)
        window = Intervals([(start, end, empty)])
        if data["holidays"] or data["makeups"]:
            holidays = Intervals(
                (local(date_from, 0), local(date_to + timedelta(days=1), 0), empty)
                for date_from, date_to in data["holidays"]
                if date_from <= last and date_to >= first
            )
            makeup = Intervals(
                (local(day, hour_from), local(day, hour_to), empty)
                for day, works_like in data["makeups"]
                if first <= day <= last
                for hour_from, hour_to in day_hours(day, works_like)
            )
            attendance = (attendance - holidays) | makeup
        leaves = Intervals(
            (_utc(date_from), _utc(date_to), empty)
            for date_from, date_to in data["leaves"]
            if _utc(date_from) < end and _utc(date_to) > start
        )
        return [
            (a.astimezone(UTC), b.astimezone(UTC)) for a, b, _meta in (attendance & window) - leaves
        ]

    def _aftersales_flexible_intervals(self, start, end, data):
        """A flexible calendar has no hours of its own: Odoo's spread of its
        weekly hours, minus its leaves (holidays apply through them)."""
        attendance = Intervals(
            (a, b, self.env["resource.calendar.attendance"])
            for a, b, _meta in self._attendance_intervals_batch(start, end)[False]
        )
        empty = self.env["resource.calendar.attendance"]
        leaves = Intervals(
            (_utc(date_from), _utc(date_to), empty) for date_from, date_to in data["leaves"]
        )
        return [(a.astimezone(UTC), b.astimezone(UTC)) for a, b, _meta in attendance - leaves]

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
            i: (_utc(start), hours) for i, (start, hours) in enumerate(starts_hours) if start
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
        don't, make-up days do); ``date`` itself when the count is 0 or less.
        Local dates in and out; False when the calendar has not enough
        working days within the horizon. The intervals are read once per
        window for the whole batch."""
        self.ensure_one()
        if not starts_days:
            return []
        tz = pytz.timezone(self.tz or "UTC")
        results = [False] * len(starts_days)
        # pending: index -> (the last day counted, working days still to count)
        pending = {}
        for i, (day, count) in enumerate(starts_days):
            if not day:
                continue
            if count <= 0:
                results[i] = day
            else:
                pending[i] = (day, int(count))
        if not pending:
            return results
        low = min(day for day, _n in pending.values()) + timedelta(days=1)
        limit = max(day for day, _n in pending.values()) + HORIZON
        while pending and low <= limit:
            span = max(int(n * 7 / 5) + 30 for _day, n in pending.values())
            high = max(day for day, _n in pending.values()) + timedelta(days=span)
            working = self._aftersales_working_days(low, high, tz, company)
            for i, (day, count) in list(pending.items()):
                found = working[bisect.bisect_right(working, day) :][:count]
                if len(found) == count:
                    results[i] = found[-1]
                    del pending[i]
                else:
                    pending[i] = (high, count - len(found))
            low = high + timedelta(days=1)
        return results

    def _aftersales_working_days(self, first, last, tz, company):
        """The sorted local dates from ``first`` to ``last`` that have
        working time. A day counts once whatever its intervals: adjacent
        intervals are merged across midnight (a 7×24 calendar is one long
        interval), so each interval counts every day it covers."""
        start = tz.localize(datetime.combine(first, time.min))
        end = tz.localize(datetime.combine(last + timedelta(days=1), time.min))
        days = set()
        for a, b in self._aftersales_work_intervals(start, end, company):
            day = a.astimezone(tz).date()
            # an interval ending at midnight does not work the next day
            stop = (b.astimezone(tz) - timedelta(microseconds=1)).date()
            while day <= stop:
                days.add(day)
                day += timedelta(days=1)
        return sorted(days)

    @api.model
    def _aftersales_time_base_spans_changed(self, spans):
        """Calls the hook once per company over the union of the changed
        ``(company, date_from, date_to)`` spans."""
        if spans:
            # the cached time base (_aftersales_time_base_data) is stale
            self.env.registry.clear_cache()
        by_company = {}
        for company, date_from, date_to in spans:
            low, high = by_company.get(company, (date_from, date_to))
            by_company[company] = (min(low, date_from), max(high, date_to))
        for company, (date_from, date_to) in by_company.items():
            self._aftersales_time_base_changed(company, date_from, date_to)
        return True

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()  # the cached time base
        return result

    @api.model
    def _aftersales_time_base_changed(self, company, date_from, date_to):
        """Hook: the holidays, make-up days or leaves of ``company`` between
        the two local dates changed. Modules whose open deadlines were planned
        on the time base recompute them (closed ones keep theirs)."""
        return True


class ResourceCalendarAttendance(models.Model):
    """A calendar's hours changed: the cached time base is stale."""

    _inherit = "resource.calendar.attendance"

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        self.env.registry.clear_cache()
        return attendances

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        leaves._aftersales_time_base_changed(leaves._aftersales_spans())
        return leaves

    def write(self, vals):
        if not TIME_BASE_FIELDS & set(vals):
            return super().write(vals)
        before = self._aftersales_spans()
        result = super().write(vals)
        self._aftersales_time_base_changed(before + self._aftersales_spans())
        return result

    def unlink(self):
        spans = self._aftersales_spans()
        result = super().unlink()
        self._aftersales_time_base_changed(spans)
        return result

    def _aftersales_spans(self):
        """(company, first local day, last local day) of each leave of no
        one (public holidays, closures): only those move deadlines. A day of
        margin each side: the dates are UTC."""
        return [
            (
                leave.company_id or self.env.company,
                leave.date_from.date() - timedelta(days=1),
                leave.date_to.date() + timedelta(days=1),
            )
            for leave in self
            if not leave.resource_id and leave.date_from and leave.date_to
        ]

    @api.model
    def _aftersales_time_base_changed(self, spans):
        return self.env["resource.calendar"]._aftersales_time_base_spans_changed(spans)

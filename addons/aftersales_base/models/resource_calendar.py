# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import bisect
from datetime import UTC, timedelta

from odoo import models

# How far ahead the working intervals are read at once; deadlines further
# away fall back to resource.calendar.plan_hours.
WINDOW = timedelta(days=21)


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def _aftersales_plan_hours_batch(self, starts_hours):
        """``plan_hours`` for many (start, hours) pairs at once: the calendar's
        working intervals are read once for the whole batch instead of once
        per call. Naive UTC datetimes in and out, like plan_hours."""
        self.ensure_one()
        if not starts_hours:
            return []
        starts = [start for start, _hours in starts_hours]
        low = min(starts).replace(tzinfo=UTC)
        high = max(starts).replace(tzinfo=UTC) + WINDOW
        intervals = [(a, b) for a, b, _meta in self._attendance_intervals_batch(low, high)[False]]
        ends = [b for _a, b in intervals]
        results = []
        for start, hours in starts_hours:
            moment = start.replace(tzinfo=UTC)
            remaining = hours
            result = None
            for a, b in intervals[bisect.bisect_right(ends, moment) :]:
                a = max(a, moment)
                span = (b - a).total_seconds() / 3600
                if remaining <= span:
                    result = (a + timedelta(hours=remaining)).astimezone(UTC).replace(tzinfo=None)
                    break
                remaining -= span
            results.append(result or self.plan_hours(hours, start))
        return results

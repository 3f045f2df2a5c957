# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


NAME_SIZE = 128
# Changing these fields changes the time base (a name does not).
TIME_BASE_FIELDS = {
    "day_type",
    "date_from",
    "date_to",
    "works_like",
    "company_id",
    "calendar_ids",
    "active",
}


class AftersalesCalendarDay(models.Model):
    """A company's public holiday (节假日) or make-up working day (调休上班),
    in local days (T1). Holidays are taken out of every working calendar of
    the company, make-up days are worked like an ordinary weekday; a calendar
    that works on holidays (7×24) ignores both."""

    _name = "aftersales.calendar.day"
    _description = "Public Holiday or Make-up Day"
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    day_type = fields.Selection(
        [("holiday", "Public Holiday"), ("workday", "Make-up Working Day")],
        string="Type",
        required=True,
        default="holiday",
    )
    date_from = fields.Date(string="From", required=True, index=True)
    date_to = fields.Date(
        string="To",
        required=True,
        index=True,
        compute="_compute_date_to",
        store=True,
        readonly=False,
        precompute=True,
    )
    works_like = fields.Selection(
        WEEKDAYS,
        compute="_compute_works_like",
        store=True,
        readonly=False,
        precompute=True,
        help="A make-up working day has the hours of this weekday in each calendar.",
    )
    year = fields.Integer(compute="_compute_year", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    calendar_ids = fields.Many2many(
        "resource.calendar",
        "aftersales_calendar_day_calendar_rel",
        "day_id",
        "calendar_id",
        string="Only These Calendars",
        check_company=True,
        help="Empty: every working calendar of the company.",
    )
    active = fields.Boolean(default=True)

    _dates_ordered = models.Constraint(
        "CHECK(date_to >= date_from)", "A holiday cannot end before it starts."
    )

    @api.depends("date_from", "day_type")
    def _compute_date_to(self):
        for day in self:
            if not day.date_from:
                continue
            # a make-up working day is one day; a holiday ends on or after it starts
            if day.day_type == "workday" or not day.date_to or day.date_to < day.date_from:
                day.date_to = day.date_from

    @api.depends("day_type")
    def _compute_works_like(self):
        for day in self:
            if day.day_type != "workday":
                day.works_like = False
            elif not day.works_like:
                day.works_like = "0"

    @api.depends("date_from")
    def _compute_year(self):
        for day in self:
            day.year = day.date_from.year if day.date_from else 0

    @api.constrains("name")
    def _check_name_length(self):
        for day in self:
            if len(day.name or "") > NAME_SIZE:
                raise ValidationError(
                    self.env._("A holiday's name has at most %s characters.", NAME_SIZE)
                )

    @api.constrains("day_type", "date_from", "date_to")
    def _check_workday_single(self):
        for day in self:
            if day.day_type == "workday" and day.date_from != day.date_to:
                raise ValidationError(
                    self.env._("A make-up working day (%s) is one day: enter each day.", day.name)
                )

    # Open deadlines move when the time base changes (T1).
    @api.model_create_multi
    def create(self, vals_list):
        days = super().create(vals_list)
        days._time_base_changed(days._spans())
        return days

    def write(self, vals):
        if not TIME_BASE_FIELDS & set(vals):
            return super().write(vals)
        before = self._spans()
        result = super().write(vals)
        self._time_base_changed(before + self._spans())
        return result

    def unlink(self):
        spans = self._spans()
        result = super().unlink()
        self._time_base_changed(spans)
        return result

    def _spans(self):
        return [(day.company_id, day.date_from, day.date_to) for day in self]

    def _time_base_changed(self, spans):
        return self.env["resource.calendar"]._aftersales_time_base_spans_changed(spans)

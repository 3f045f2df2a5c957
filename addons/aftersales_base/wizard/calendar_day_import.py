# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii

from odoo import fields, models
from odoo.exceptions import UserError

from . import holiday_file


class AftersalesCalendarDayImport(models.TransientModel):
    """The yearly import of a company's public holidays and make-up working
    days (T1) from the CSV or iCalendar file of the official announcement.
    All or nothing: every line is checked before a day is written."""

    _name = "aftersales.calendar.day.import"
    _description = "Import Public Holidays and Make-up Days"

    file = fields.Binary(required=True, help="CSV or iCalendar (.ics).")
    filename = fields.Char()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    replace = fields.Boolean(
        string="Replace This Year's Days",
        help="Delete this company's public holidays and make-up days of the years in the file "
        "first (archived ones too).",
    )

    def action_import(self):
        """Imports the file's days into the company; returns the list of the
        imported days."""
        self.ensure_one()
        try:
            data = base64.b64decode(self.file or b"", validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("The file could not be read.")) from error
        days = holiday_file.parse(self.env, data)
        Day = self.env["aftersales.calendar.day"].with_context(active_test=False)
        years = {day[key].year for day in days for key in ("date_from", "date_to")}
        existing = Day.search(
            [("company_id", "=", self.company_id.id), ("year", "in", sorted(years))]
        )
        if self.replace:
            existing.unlink()
            existing = Day
        known = {(d.day_type, d.date_from, d.date_to) for d in existing}
        vals_list = [
            self._prepare_day_vals(day)
            for day in days
            if (day["day_type"], day["date_from"], day["date_to"]) not in known
        ]
        imported = Day.create(vals_list)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Imported Days"),
            "res_model": "aftersales.calendar.day",
            "view_mode": "list,form",
            "domain": [("id", "in", imported.ids)],
            "context": {"create": False},
        }

    def _prepare_day_vals(self, day):
        return dict(day, company_id=self.company_id.id)

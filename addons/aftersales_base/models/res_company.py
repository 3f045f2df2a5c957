# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from ..roles import MANAGER


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_service_manager_id = fields.Many2one(
        "res.users",
        string="Service Manager",
        domain="[('share', '=', False)]",
        help="Receives escalations (overdue repairs, breached deadlines when a zone has no "
        "supervisor) and contacts the customer of every complaint.",
    )

    aftersales_hotline = fields.Char(
        string="Service Hotline",
        help="The after-sales hotline printed on the customer's documents (warranty "
        "certificate); the company's phone when empty.",
    )

    def _aftersales_set_alias(self, field, model_name, alias_name):
        """Creates, renames or removes the company's alias in ``field`` (a
        Many2one to mail.alias): a mail to it creates ``model_name`` records
        in this company, from anybody (I1)."""
        self.ensure_one()
        company = self.sudo()
        alias = company[field]
        alias_name = (alias_name or "").strip()
        if not alias_name:
            company[field] = False
            alias.unlink()
            return True
        if alias:
            if alias.alias_name != alias_name:
                alias.alias_name = alias_name
            return True
        if not company.alias_domain_id:
            raise UserError(
                self.env._(
                    "%(company)s has no alias domain yet: set it in Settings > General "
                    "Settings > Alias Domain before giving it an e-mail address.",
                    company=company.name,
                )
            )
        company[field] = (
            self.env["mail.alias"]
            .sudo()
            .create(
                {
                    "alias_name": alias_name,
                    "alias_domain_id": company.alias_domain_id.id,
                    "alias_model_id": self.env["ir.model"]._get_id(model_name),
                    "alias_defaults": repr({"company_id": company.id}),
                    "alias_contact": "everyone",
                }
            )
        )
        return True

    def _aftersales_hotline(self):
        """The hotline printed for the customer: the service hotline, else the
        company's phone."""
        self.ensure_one()
        return self.aftersales_hotline or self.phone or ""

    def _aftersales_service_manager(self):
        """The company's service manager: the one set in the settings, else
        the first service manager of the company."""
        self.ensure_one()
        if self.aftersales_service_manager_id:
            return self.aftersales_service_manager_id
        managers = self.env.ref(MANAGER).user_ids
        return (
            managers.filtered(lambda u: self in u.company_ids and not u._is_superuser())[:1]
            or self.env.user
        )

    # The company's language -------------------------------------------------
    # Texts the suite stores on records (a coverage reason, a scheduled
    # action's note or activity) are written once and read by everyone: they
    # are in the company's language, not in the language of whoever (or
    # whichever cron user) happened to produce them (X4).

    def _aftersales_lang(self):
        """The company's language: its contact's (the company's address),
        when that language is active; else the current one."""
        company = (self[:1] or self.env.company).sudo()
        lang = company.partner_id.lang
        if lang and self.env["res.lang"]._get_data(code=lang).active:
            return lang
        return self.env.lang or "en_US"

    # The company's local day -------------------------------------------------
    # A "day" of the suite ("today", "yesterday", "this month", a cron's
    # "today") is the company's local day, whoever computes it: a clerk in
    # another time zone, or a cron running as OdooBot (whose time zone is its
    # own, Europe/Brussels in a demo database).

    def _aftersales_tz(self):
        """The company's time zone: its contact's (the company's address),
        else its working hours'; UTC when neither is set or known. Any
        user's day, a portal customer's too, is the company's."""
        name = (self[:1] or self.env.company)._aftersales_tz_name()
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")

    @tools.ormcache("self.id")
    def _aftersales_tz_name(self):
        # Cached per worker (every deadline and "today" asks it; registering a
        # call asked it eight times: make bench, measurement 2); cleared when
        # the company's contact, calendar or their time zone changes.
        company = self.sudo().with_context(prefetch_fields=False)
        return company.partner_id.tz or company.resource_calendar_id.tz or "UTC"

    def write(self, vals):
        result = super().write(vals)
        if {"partner_id", "resource_calendar_id"} & set(vals):
            self.env.registry.clear_cache()  # _aftersales_tz_name
            # the daily actions keep their hour of the company's day
            self.env["ir.cron"].sudo()._aftersales_follow_company_tz()
        return result

    def _aftersales_format_datetime(self, moment, dt_format="%Y-%m-%d %H:%M"):
        """``moment`` (a naive UTC datetime, as the ORM stores them) as the
        company's local wall-clock time, for a document (XLSX) that Odoo's
        QWeb converters do not render: "" when empty."""
        if not moment:
            return ""
        return moment.replace(tzinfo=UTC).astimezone(self._aftersales_tz()).strftime(dt_format)

    def _aftersales_date(self, moment):
        """The company's local day of ``moment`` (a naive UTC datetime, as
        the ORM stores them)."""
        return moment.replace(tzinfo=UTC).astimezone(self._aftersales_tz()).date()

    def _aftersales_today(self):
        """Today, in the company's time zone."""
        return self._aftersales_date(fields.Datetime.now())

    def _aftersales_day_start(self, day):
        """The instant the company's local ``day`` begins, as naive UTC."""
        start = datetime.combine(day, time.min, self._aftersales_tz())
        return start.astimezone(UTC).replace(tzinfo=None)

    def _aftersales_day_bounds(self, day):
        """``(start, end)`` of the company's local ``day``, as naive UTC
        datetimes: a record of that day has ``start <= moment < end``."""
        return self._aftersales_day_start(day), self._aftersales_day_start(day + timedelta(days=1))

    # The company's working days (T1) -----------------------------------------

    def _aftersales_plan_days_batch(self, starts_days):
        """Due dates for many (local date, working days) pairs on the
        company's time base: its working calendar without its public
        holidays, with its make-up days. Calendar days where the company has
        no working calendar (or it has no working day within the horizon)."""
        self.ensure_one()
        company = self.sudo()
        calendar = company.resource_calendar_id
        ends = (
            calendar._aftersales_plan_days_batch(starts_days, company)
            if calendar
            else [False] * len(starts_days)
        )
        return [
            end or (day and day + timedelta(days=max(int(count), 0)))
            for end, (day, count) in zip(ends, starts_days, strict=True)
        ]

    @api.model
    def _aftersales_plan_days_grouped(self, items):
        """Due dates of (company, local date, working days) triples of any
        companies: one batch per company."""
        results = [False] * len(items)
        by_company = {}
        for index, (company, _day, _count) in enumerate(items):
            by_company.setdefault(company, []).append(index)
        for company, indexes in by_company.items():
            ends = company._aftersales_plan_days_batch([items[i][1:] for i in indexes])
            for index, end in zip(indexes, ends, strict=True):
                results[index] = end
        return results

    # The setup checklist (issue 15) ------------------------------------------

    def _aftersales_setup_steps(self):
        """The essentials a company sets up before its first service call
        (issue 15): a list of dicts ``key``, ``sequence``, ``name``, ``done``,
        ``action`` (an action's xmlid or an action dict opening the screen
        where the step is done) and ``hint``. Each module adds its own; keep
        each step to a count query."""
        self.ensure_one()
        company = self.sudo()
        year = company._aftersales_today().year
        holidays = (
            self.env["aftersales.calendar.day"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("day_type", "=", "holiday"),
                    ("year", "in", (year, year + 1)),
                ],
                ["year"],
                ["__count"],
            )
        )
        years = {y for y, _count in holidays}
        return [
            {
                "key": "calendar",
                "sequence": 10,
                "name": self.env._("Working hours of the company"),
                "done": bool(company.resource_calendar_id),
                "action": "aftersales_base.action_aftersales_working_schedules",
                "hint": self.env._(
                    "Deadlines and service levels run in the company's working hours."
                ),
            },
            {
                "key": "holidays",
                "sequence": 20,
                "name": self.env._("Public holidays of %s", year),
                "done": year in years,
                "action": "aftersales_base.action_aftersales_calendar_day_import",
                "hint": (
                    self.env._(
                        "Public holidays and make-up days of this year are imported; "
                        "%(next)s are too.",
                        next=year + 1,
                    )
                    if year + 1 in years
                    else self.env._(
                        "Import this year's public holidays and make-up days, and those of "
                        "%(next)s once they are published.",
                        next=year + 1,
                    )
                ),
            },
        ]

    def _aftersales_setup_done(self):
        """Every essential step of the company is done."""
        return all(step["done"] for step in self._aftersales_setup_steps())


class ResPartner(models.Model):
    _inherit = "res.partner"

    def write(self, vals):
        result = super().write(vals)
        if "tz" in vals and self.env["res.company"].sudo().search_count(
            [("partner_id", "in", self.ids)], limit=1
        ):
            self.env.registry.clear_cache()  # a company's _aftersales_tz_name
            # the daily actions keep their hour of the company's day (issue 15)
            self.env["ir.cron"].sudo()._aftersales_follow_company_tz()
        return result

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .service_request import OPEN_STATES
from .service_request_levels import LEVELS

# What a count of the dashboard (and the list its button opens) is.
DASHBOARD_KINDS = ("at_risk", "breached", "month_breached")


def _count(string):
    return fields.Integer(string=string, compute="_compute_sla_dashboard")


def _rate(string):
    return fields.Float(string=string, compute="_compute_sla_dashboard", digits=(16, 1))


class AftersalesZone(models.Model):
    """The service manager's morning board (T3): per zone and service level,
    the open requests at risk and breached now, this month's met % and
    breaches; the worst zones first. Computed for all zones at once, in a
    few grouped queries whatever the number of zones."""

    _inherit = "aftersales.zone"

    sla_response_at_risk_count = _count("Response At Risk")
    sla_response_breached_count = _count("Response Breached")
    sla_response_month_count = _count("Responses Decided This Month")
    sla_response_month_breaches = _count("Response Breaches This Month")
    sla_response_month_rate = _rate("Response Met % This Month")
    sla_arrival_at_risk_count = _count("Arrival At Risk")
    sla_arrival_breached_count = _count("Arrival Breached")
    sla_arrival_month_count = _count("Arrivals Decided This Month")
    sla_arrival_month_breaches = _count("Arrival Breaches This Month")
    sla_arrival_month_rate = _rate("Arrival Met % This Month")
    sla_resolution_at_risk_count = _count("Resolution At Risk")
    sla_resolution_breached_count = _count("Resolution Breached")
    sla_resolution_month_count = _count("Resolutions Decided This Month")
    sla_resolution_month_breaches = _count("Resolution Breaches This Month")
    sla_resolution_month_rate = _rate("Resolution Met % This Month")
    sla_month_count = _count("Levels Decided This Month")
    sla_month_breaches = _count("Breaches This Month")
    sla_month_rate = _rate("Met % This Month")

    @api.model
    def _sla_month_bounds(self):
        """This month of the company: its first day and the instants (naive
        UTC) it begins and ends."""
        company = self.env.company
        start = company._aftersales_today().replace(day=1)
        end = start + relativedelta(months=1)
        return start, company._aftersales_day_start(start), company._aftersales_day_start(end)

    def _sla_dashboard_domain(self, level, kind):
        """The requests of the zones of ``self`` a dashboard figure counts."""
        status = LEVELS[level].status
        zone = [("zone_id", "in", self.ids)]
        if kind in ("at_risk", "breached"):
            return [*zone, ("state", "in", OPEN_STATES), (status, "in", [kind])]
        _start, since, until = self._sla_month_bounds()
        statuses = ["breached"] if kind == "month_breached" else ["met", "breached"]
        return [
            *zone,
            ("date_call", ">=", since),
            ("date_call", "<", until),
            ("state", "!=", "cancelled"),
            (status, "in", statuses),
        ]

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_sla_dashboard(self):
        Request = self.env["aftersales.service.request"]
        zones = self.filtered("id")
        values = defaultdict(lambda: defaultdict(int))
        for level, fields_of in LEVELS.items():
            for kind in ("at_risk", "breached"):
                for zone, count in Request._read_group(
                    zones._sla_dashboard_domain(level, kind), ["zone_id"], ["__count"]
                ):
                    values[zone.id][f"sla_{level}_{kind}_count"] = count
            for zone, met, count in Request._read_group(
                zones._sla_dashboard_domain(level, "month"), ["zone_id", fields_of.met], ["__count"]
            ):
                figures = values[zone.id]
                figures[f"sla_{level}_month_count"] += count
                figures["sla_month_count"] += count
                if not met:
                    figures[f"sla_{level}_month_breaches"] += count
                    figures["sla_month_breaches"] += count
        for zone in self:
            figures = values[zone.id]
            for level in LEVELS:
                figures[f"sla_{level}_month_rate"] = _met_rate(figures, f"sla_{level}_month")
            figures["sla_month_rate"] = _met_rate(figures, "sla_month")
            for fname in self._sla_dashboard_fields():
                zone[fname] = figures[fname]

    @api.model
    def _sla_dashboard_fields(self):
        return [
            name
            for name, field in self._fields.items()
            if field.compute == "_compute_sla_dashboard"
        ]

    def _order_field_to_sql(self, alias, field_name, direction, nulls, query):
        """The board lists the worst zones first: ordering by this month's
        met % is the analysis's average over the zone's levels."""
        if field_name != "sla_month_rate":
            return super()._order_field_to_sql(alias, field_name, direction, nulls, query)
        report = self.env["aftersales.sla.report"]
        report._set_report_clock()
        start, _since, _until = self._sla_month_bounds()
        return SQL(
            "(SELECT AVG(rep.met_rate) FROM %s rep "
            "WHERE rep.zone_id = %s AND rep.call_month = %s) %s %s",
            SQL.identifier(report._table),
            SQL.identifier(alias, "id"),
            start,
            direction,
            nulls,
        )

    def action_open_sla_requests(self):
        """The requests behind a count of the board (its button's context
        says which: ``sla_level`` and ``sla_kind``)."""
        self.ensure_one()
        level = self.env.context.get("sla_level")
        kind = self.env.context.get("sla_kind")
        if level not in LEVELS or kind not in DASHBOARD_KINDS:
            raise UserError(self.env._("This service-level figure does not exist."))
        level_field = self.env["aftersales.sla.report"]._fields["level"]
        label = dict(level_field._description_selection(self.env))[level]
        if kind == "at_risk":
            title = self.env._("%(zone)s: %(level)s at risk", zone=self.display_name, level=label)
        elif kind == "breached":
            title = self.env._("%(zone)s: %(level)s breached", zone=self.display_name, level=label)
        else:
            title = self.env._(
                "%(zone)s: %(level)s breaches this month", zone=self.display_name, level=label
            )
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "aftersales.service.request",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": self._sla_dashboard_domain(level, kind),
            "context": {"create": False},
        }


def _met_rate(figures, prefix):
    decided = figures[f"{prefix}_count"]
    if not decided:
        return 0.0
    return round(100.0 * (decided - figures[f"{prefix}_breaches"]) / decided, 1)

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import UTC, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.intervals import Intervals

from odoo.addons.aftersales_base.lang import in_company_lang

# The contracts whose availability the daily action keeps up to date.
MEASURED_STATES = ("running", "expiring", "expired", "renewed")


def _month_start(day):
    return day.replace(day=1)


class AftersalesRequestType(models.Model):
    _inherit = "aftersales.request.type"

    reports_fault = fields.Boolean(
        string="Reports a Fault",
        help="A request of this type reports a breakdown of the covered equipment: from the "
        "call to the fix the equipment counts as down in its contract's availability (P7). "
        "Planned work (inspection, maintenance, installation) does not.",
    )


class AftersalesMaintenanceContract(models.Model):
    """Availability per contract (P7, 篇八 可用率 ≥ 99 %).

    For a month, the covered equipment's **scheduled time** is the working
    time of the contract's calendar in that month (within the contract's
    dates; public holidays out, make-up days in: the suite's time base). Its
    **downtime** is, per covered serial, the working time between the fault
    report (the request's call, ``date_call``) and the fix (``date_done``; now
    while the request is open), for the contract's service requests of a
    type that reports a fault (Repair), cancelled requests left out;
    overlapping outages of one serial count once. The month's
    **availability** is ``1 − downtime / (scheduled time × covered units)``
    where the covered units are the contract's serials (at least one)."""

    _inherit = "aftersales.maintenance.contract"

    availability_target = fields.Float(
        string="Availability Target (%)",
        default=99.0,
        tracking=True,
        help="The monthly availability the contract promises (篇八: at least 99 %).",
    )
    availability_calendar_id = fields.Many2one(
        "resource.calendar",
        help="The working time the equipment must be available in; downtime is counted in it. "
        "Empty: the contract's service hours, else the company's working time.",
    )
    availability_this_month = fields.Float(
        string="Availability This Month (%)", compute="_compute_availability", digits=(16, 2)
    )
    availability_last_month = fields.Float(
        string="Availability Last Month (%)", compute="_compute_availability", digits=(16, 2)
    )
    downtime_this_month = fields.Float(
        string="Downtime This Month (h)", compute="_compute_availability", digits=(16, 2)
    )
    downtime_last_month = fields.Float(
        string="Downtime Last Month (h)", compute="_compute_availability", digits=(16, 2)
    )
    availability_below_target = fields.Boolean(compute="_compute_availability")
    availability_last_below_target = fields.Boolean(compute="_compute_availability")
    availability_ids = fields.One2many(
        "aftersales.contract.availability", "contract_id", string="Monthly Availability"
    )
    availability_refreshed_on = fields.Date(readonly=True, copy=False)

    _availability_target_range = models.Constraint(
        "CHECK(availability_target >= 0 AND availability_target <= 100)",
        "The availability target is a percentage between 0 and 100.",
    )

    def _compute_availability(self):
        today = self.env.company._aftersales_today()
        this_month = _month_start(today)
        last_month = this_month - relativedelta(months=1)
        figures = self._aftersales_availability([last_month, this_month])
        for contract in self:
            now = figures.get((contract, this_month))
            last = figures.get((contract, last_month))
            contract.availability_this_month = now["availability"] if now else 100.0
            contract.downtime_this_month = now["downtime_hours"] if now else 0.0
            contract.availability_last_month = last["availability"] if last else 100.0
            contract.downtime_last_month = last["downtime_hours"] if last else 0.0
            contract.availability_below_target = bool(now and now["below_target"])
            contract.availability_last_below_target = bool(last and last["below_target"])

    def _availability_calendar(self):
        self.ensure_one()
        return (
            self.availability_calendar_id
            or self.sla_calendar_id
            or self.company_id.resource_calendar_id
            or self.env.company.resource_calendar_id
        )

    def _availability_window(self, month):
        """(start, end) aware UTC of the contract's part of ``month`` (the
        company's local days), or None when the contract is not on."""
        self.ensure_one()
        first = max(month, self.date_start)
        last = min(month + relativedelta(months=1), self.date_end + timedelta(days=1))
        if first >= last:
            return None
        company = self.company_id
        return (
            company._aftersales_day_start(first).replace(tzinfo=UTC),
            company._aftersales_day_start(last).replace(tzinfo=UTC),
        )

    def _aftersales_availability(self, months):
        """{(contract, month): figures} for these contracts and months (first
        days): scheduled hours, covered units, downtime hours, availability
        %, target, below target. A few queries for the whole batch."""
        result = {}
        if not self or not months:
            return result
        months = sorted(set(months))
        now = fields.Datetime.now()
        period_start = min(months)
        period_end = max(months) + relativedelta(months=1, days=1)
        requests = (
            self.env["aftersales.service.request"]
            .sudo()
            .search_fetch(
                [
                    ("contract_id", "in", self.ids),
                    ("request_type_id.reports_fault", "=", True),
                    ("state", "!=", "cancelled"),
                    ("date_call", "<", period_end),
                    "|",
                    ("date_done", "=", False),
                    ("date_done", ">=", period_start),
                ],
                ["contract_id", "lot_id", "date_call", "date_done"],
            )
        )
        outages = defaultdict(list)  # (contract id, unit key): [(start, end)]
        for request in requests:
            end = request.date_done or now
            if end <= request.date_call:
                continue
            unit = request.lot_id.id or f"request-{request.id}"
            outages[request.contract_id.id, unit].append(
                (request.date_call.replace(tzinfo=UTC), end.replace(tzinfo=UTC))
            )
        contracts = self.sudo()
        contracts.fetch(
            [
                "availability_target",
                "availability_calendar_id",
                "sla_calendar_id",
                "date_start",
                "date_end",
                "lot_ids",
                "company_id",
            ]
        )
        units_of = {contract.id: set() for contract in contracts}
        for contract_id, unit in outages:
            units_of[contract_id].add(unit)
        for contract in contracts:
            calendar = contract._availability_calendar()
            company = contract.company_id
            units = max(len(contract.lot_ids), 1)
            for month in months:
                window = contract._availability_window(month)
                if not window:
                    continue
                scheduled = _hours(calendar._aftersales_work_intervals(*window, company=company))
                downtime = 0.0
                for unit in units_of[contract.id]:
                    down = Intervals(
                        (max(a, window[0]), min(b, window[1]), calendar.browse())
                        for a, b in outages[contract.id, unit]
                        if a < window[1] and b > window[0]
                    )
                    for a, b, _meta in down:
                        downtime += _hours(
                            calendar._aftersales_work_intervals(a, b, company=company)
                        )
                capacity = scheduled * units
                availability = 100.0 * (1 - downtime / capacity) if capacity else 100.0
                result[contract.with_env(self.env), month] = {
                    "month": month,
                    "units": units,
                    "scheduled_hours": scheduled,
                    "downtime_hours": downtime,
                    "availability": availability,
                    "target": contract.availability_target,
                    "below_target": availability < contract.availability_target,
                }
        return result

    def _availability_report_rows(self, count=12):
        """The monthly figures of the contract's last ``count`` months up to
        this month (or its end), oldest first: for its printed report."""
        self.ensure_one()
        last = min(self.env.company._aftersales_today(), self.date_end)
        month = _month_start(last)
        months = [month - relativedelta(months=n) for n in range(count)]
        months = [m for m in months if m >= _month_start(self.date_start)]
        figures = self._aftersales_availability(months)
        return [figures[self, m] for m in sorted(months) if (self, m) in figures]

    # -- the monthly rows of the pivot (Reporting > Availability) ----------
    def _refresh_availability(self, months):
        """Rewrites the monthly rows of these contracts for ``months``: one
        delete and one insert for the batch."""
        Rows = self.env["aftersales.contract.availability"].sudo()
        figures = self._aftersales_availability(months)
        Rows.search([("contract_id", "in", self.ids), ("month", "in", list(months))]).unlink()
        return Rows.create(
            [
                {
                    "contract_id": contract.id,
                    "month": values["month"],
                    "units": values["units"],
                    "scheduled_hours": values["scheduled_hours"],
                    "downtime_hours": values["downtime_hours"],
                    "availability": values["availability"],
                    "target": values["target"],
                }
                for (contract, _month), values in figures.items()
            ]
        )

    @api.model
    def _refresh_availability_batch(self, today, limit):
        this_month = _month_start(today)
        months = [this_month - relativedelta(months=1), this_month]
        contracts = self._locked_batch(
            [
                ("state", "in", MEASURED_STATES),
                ("date_end", ">=", months[0]),
                "|",
                ("availability_refreshed_on", "=", False),
                ("availability_refreshed_on", "<", today),
            ],
            limit,
        )
        if not contracts:
            return 0
        contracts._refresh_availability(months)
        contracts.sudo().write({"availability_refreshed_on": today})
        return len(contracts)

    @api.model
    @in_company_lang
    def _cron_refresh_availability(self, batch_size=200):
        """Daily: this month's and last month's availability of the contracts
        in force, a batch at a time, each contract once a day (rerun safe)."""
        today = self.env.company._aftersales_today()
        return self._run_batches(lambda: self._refresh_availability_batch(today, batch_size))


def _hours(intervals):
    return sum((b - a).total_seconds() for a, b in intervals) / 3600.0


class AftersalesContractAvailability(models.Model):
    """One contract's availability in one month (P7): what Reporting >
    Availability pivots and graphs. Filled by the daily action from the
    service requests (this month and last month of each contract in force);
    never typed."""

    _name = "aftersales.contract.availability"
    _description = "Contract Availability per Month"
    _order = "month desc, contract_id"
    _rec_name = "contract_id"

    contract_id = fields.Many2one(
        "aftersales.maintenance.contract", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True, string="Customer")
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    month = fields.Date(required=True, index=True, help="The first day of the month.")
    units = fields.Integer(string="Covered Units", aggregator="sum")
    scheduled_hours = fields.Float(digits=(16, 2), aggregator="sum")
    downtime_hours = fields.Float(string="Downtime (h)", digits=(16, 2), aggregator="sum")
    availability = fields.Float(string="Availability (%)", digits=(16, 2), aggregator="avg")
    target = fields.Float(string="Target (%)", digits=(16, 2), aggregator="avg")
    below_target = fields.Boolean(compute="_compute_below_target", store=True)

    _contract_month_uniq = models.UniqueIndex(
        "(contract_id, month)", "A contract has one availability row per month."
    )

    @api.depends("availability", "target")
    def _compute_below_target(self):
        for row in self:
            row.below_target = row.availability < row.target

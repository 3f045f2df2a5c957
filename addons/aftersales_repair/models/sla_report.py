# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from .service_request import SERVICE_CATEGORIES
from .service_request_breach import BREACH_CAUSES
from .service_request_levels import LEVELS

LEVEL_SELECTION = [
    ("response", "Response"),
    ("arrival", "Arrival"),
    ("resolution", "Resolution"),
]
REPORT_STATUSES = [("met", "Met"), ("breached", "Breached"), ("open", "Open")]
# The report's "now" (naive UTC), set for the transaction by each search: a
# breach is judged at the ORM's clock (a frozen one in tests), not only at
# the database's.
CLOCK_SETTING = "aftersales.sla_report_now"


class AftersalesSlaReport(models.Model):
    """Service-level analysis (T3): one row per request and service level
    (response, arrival, resolution) with its deadline, when it was met and
    whether it was, for the met % by zone, technician, category, customer,
    contract and month, and the breaches by cause. A read-only SQL view."""

    _name = "aftersales.sla.report"
    _description = "Service Level Analysis"
    _auto = False
    _rec_name = "request_id"
    _order = "date_call desc, id desc"

    request_id = fields.Many2one("aftersales.service.request", readonly=True)
    level = fields.Selection(LEVEL_SELECTION, readonly=True)
    deadline = fields.Datetime(readonly=True)
    date_met = fields.Datetime(string="Reached At", readonly=True)
    status = fields.Selection(REPORT_STATUSES, readonly=True)
    hours_late = fields.Float(readonly=True, aggregator="avg", help="Wall-clock hours.")
    met_count = fields.Integer(string="Met", readonly=True)
    breached_count = fields.Integer(string="Breaches", readonly=True)
    met_rate = fields.Float(
        string="Met %",
        readonly=True,
        aggregator="avg",
        help="Share of the decided levels (met or breached) that were met; open ones do not count.",
    )
    zone_id = fields.Many2one("aftersales.zone", readonly=True)
    user_id = fields.Many2one("res.users", string="Technician", readonly=True)
    request_type_id = fields.Many2one("aftersales.request.type", readonly=True)
    service_category = fields.Selection(SERVICE_CATEGORIES, readonly=True)
    commercial_partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    contract_id = fields.Many2one("aftersales.maintenance.contract", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_call = fields.Datetime(string="Received At", readonly=True)
    call_month = fields.Date(
        string="Month of the Call", readonly=True, help="In the company's time zone."
    )
    sla_breach_cause = fields.Selection(BREACH_CAUSES, string="Breach Cause", readonly=True)

    @api.model
    def _search(self, domain, *args, **kwargs):
        self._set_report_clock()
        return super()._search(domain, *args, **kwargs)

    @api.model
    def _set_report_clock(self):
        """Every read of the view goes through _search (search, read_group,
        fetch): the rows are judged at the ORM's now, from flushed requests."""
        self.env["aftersales.service.request"].flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT set_config(%s, %s, true)",
                CLOCK_SETTING,
                fields.Datetime.to_string(fields.Datetime.now()),
            )
        )

    def _level_rows_sql(self):
        """One SELECT per service level, stacked."""
        selects = []
        for index, (level, fields_of) in enumerate(LEVELS.items()):
            selects.append(
                SQL(
                    """
                    SELECT r.id * 3 + %(index)s AS id, r.id AS request_id,
                           %(level)s::varchar AS level,
                           r.%(deadline)s AS deadline, r.%(date)s AS date_met
                      FROM aftersales_service_request r
                     WHERE r.state != 'cancelled' AND r.%(deadline)s IS NOT NULL
                    """,
                    index=index,
                    level=level,
                    deadline=SQL.identifier(fields_of.deadline),
                    date=SQL.identifier(fields_of.met_at),
                )
            )
        return SQL(" UNION ALL ").join(selects)

    def _query(self):
        return SQL(
            """
            WITH clock AS (
                SELECT COALESCE(
                           NULLIF(current_setting(%(setting)s, true), '')::timestamp,
                           now() AT TIME ZONE 'UTC'
                       ) AS now
            ), judged AS (
                SELECT l.*,
                       CASE WHEN l.date_met IS NOT NULL AND l.date_met <= l.deadline THEN 'met'
                            WHEN l.date_met IS NOT NULL OR clock.now > l.deadline THEN 'breached'
                            ELSE 'open'
                       END AS status,
                       COALESCE(l.date_met, clock.now) - l.deadline AS late
                  FROM (%(levels)s) l CROSS JOIN clock
            )
            SELECT j.id, j.request_id, j.level, j.deadline, j.date_met, j.status,
                   CASE WHEN j.status = 'breached'
                        THEN EXTRACT(EPOCH FROM j.late) / 3600.0 END AS hours_late,
                   (j.status = 'met')::int AS met_count,
                   (j.status = 'breached')::int AS breached_count,
                   CASE j.status WHEN 'met' THEN 100.0 WHEN 'breached' THEN 0.0 END AS met_rate,
                   r.zone_id, r.user_id, r.request_type_id, r.service_category,
                   r.commercial_partner_id, r.contract_id, r.company_id, r.date_call,
                   date_trunc(
                       'month',
                       r.date_call AT TIME ZONE 'UTC'
                           AT TIME ZONE COALESCE(cp.tz, cal.tz, 'UTC')
                   )::date AS call_month,
                   r.sla_breach_cause
              FROM judged j
              JOIN aftersales_service_request r ON r.id = j.request_id
              JOIN res_company c ON c.id = r.company_id
              LEFT JOIN res_partner cp ON cp.id = c.partner_id
              LEFT JOIN resource_calendar cal ON cal.id = c.resource_calendar_id
            """,
            setting=CLOCK_SETTING,
            levels=self._level_rows_sql(),
        )

    def init(self):
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

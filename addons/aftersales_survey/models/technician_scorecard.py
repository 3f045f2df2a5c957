# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from collections import defaultdict
from datetime import timedelta

import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.aftersales_base.lang import in_company_lang
from odoo.addons.aftersales_base.roles import MANAGER

# The measures combined into the score, with their setting's default weight.
COMPONENTS = {
    "survey": 40.0,
    "sla": 20.0,
    "first_fix": 15.0,
    "rework": 10.0,
    "complaint": 15.0,
}
# What the month's computation writes: nobody types a measure or a score.
MEASURE_FIELDS = (
    "jobs_done",
    "sla_jobs",
    "sla_met_count",
    "sla_rate",
    "first_fix_count",
    "first_fix_rate",
    "rework_count",
    "rework_rate",
    "survey_count",
    "survey_score",
    "criterion_ids",
    "complaint_count",
    "penalty_amount",
    "reward_amount",
    "score",
)


class AftersalesTechnicianScorecard(models.Model):
    """A technician's month (V3, V8): jobs done, what customers said per
    criterion, the arrival SLA, first-time fixes, rework, complaints and the
    penalties and rewards, combined into one score by configurable weights.
    Recomputed while the month is open; closing it freezes the record."""

    _name = "aftersales.technician.scorecard"
    _description = "Technician Monthly Scorecard"
    _inherit = ["mail.thread", "aftersales.process.mixin"]
    _order = "month desc, score desc, id"
    _process_fields = ("state", "date_closed", "closed_by_id", *MEASURE_FIELDS)
    _rec_name = "user_id"

    user_id = fields.Many2one("res.users", string="Technician", required=True, index=True)
    month = fields.Date(required=True, index=True, help="The first day of the month.")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    date_closed = fields.Datetime(readonly=True, copy=False)
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    jobs_done = fields.Integer(readonly=True)
    sla_jobs = fields.Integer(string="Jobs with an Arrival SLA", readonly=True)
    sla_met_count = fields.Integer(string="Arrived in Time", readonly=True)
    sla_rate = fields.Float(string="SLA Compliance (%)", readonly=True, aggregator="avg")
    first_fix_count = fields.Integer(string="Fixed First Time", readonly=True)
    first_fix_rate = fields.Float(string="First-Time Fix (%)", readonly=True, aggregator="avg")
    rework_count = fields.Integer(string="Rework", readonly=True)
    rework_rate = fields.Float(string="Rework (%)", readonly=True, aggregator="avg")
    survey_count = fields.Integer(string="Surveys Answered", readonly=True)
    survey_score = fields.Float(readonly=True, aggregator="avg", help="Out of 100.")
    criterion_ids = fields.One2many(
        "aftersales.technician.scorecard.criterion",
        "scorecard_id",
        string="Per Criterion",
        readonly=True,
        copy=False,
    )
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    penalty_amount = fields.Monetary(string="Penalties", readonly=True)
    reward_amount = fields.Monetary(string="Rewards", readonly=True)
    score = fields.Float(readonly=True, aggregator="avg", tracking=True)

    _technician_month_uniq = models.Constraint(
        "UNIQUE(user_id, month, company_id)",
        "A technician has one scorecard per month and company.",
    )
    _first_of_month = models.Constraint(
        "CHECK(EXTRACT(DAY FROM month) = 1)", "A scorecard month starts on the 1st."
    )

    @api.depends("user_id", "month")
    def _compute_display_name(self):
        for card in self:
            card.display_name = f"{card.user_id.name} {card.month and card.month.strftime('%Y-%m')}"

    # Settings --------------------------------------------------------------

    @api.model
    def _weights(self):
        params = self.env["ir.config_parameter"].sudo()
        return {
            key: float(params.get_param(f"aftersales_survey.weight_{key}", default))
            for key, default in COMPONENTS.items()
        }

    @api.model
    def _scoring_params(self):
        params = self.env["ir.config_parameter"].sudo()
        return {
            "rework_days": int(params.get_param("aftersales_survey.rework_window_days", 30)),
            "complaint_points": float(params.get_param("aftersales_survey.complaint_points", 25)),
            "amount_per_point": float(params.get_param("aftersales_survey.amount_per_point", 100)),
        }

    # Computing a month (grouped queries: the same count for any number of
    # technicians) ----------------------------------------------------------

    @api.model
    def _month_bounds(self, month, company=None):
        """The first day of ``month``, of the next month, and the instants
        (naive UTC) they begin in the company's time zone."""
        company = company or self.env.company
        start = month.replace(day=1)
        end = start + relativedelta(months=1)
        return start, end, company._aftersales_day_start(start), company._aftersales_day_start(end)

    @api.model
    def _request_measures(self, company, since, until, rework_days):
        """Per technician: jobs, SLA jobs and met, fixed without the
        workshop, and reworked (another call on the same serial within the
        window after the job was closed)."""
        self.env["aftersales.service.request"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT r.user_id,
                       COUNT(*),
                       COUNT(*) FILTER (WHERE r.sla_deadline IS NOT NULL
                                          AND r.date_arrival IS NOT NULL),
                       COUNT(*) FILTER (WHERE r.sla_met),
                       COUNT(*) FILTER (WHERE r.repair_id IS NULL AND NOT rework.found),
                       COUNT(*) FILTER (WHERE rework.found)
                  FROM aftersales_service_request r
                  CROSS JOIN LATERAL (
                        SELECT EXISTS (
                            SELECT 1 FROM aftersales_service_request later
                             WHERE r.lot_id IS NOT NULL
                               AND later.lot_id = r.lot_id
                               AND later.id != r.id
                               AND later.state != 'cancelled'
                               AND later.date_call > r.date_done
                               AND later.date_call <= r.date_done + %(window)s
                        ) AS found
                  ) rework
                 WHERE r.state = 'done'
                   AND r.user_id IS NOT NULL
                   AND r.company_id = %(company)s
                   AND r.date_done >= %(since)s AND r.date_done < %(until)s
                 GROUP BY r.user_id
                """,
                window=timedelta(days=rework_days),
                company=company.id,
                since=since,
                until=until,
            )
        )
        return {
            row[0]: dict(
                zip(
                    ("jobs_done", "sla_jobs", "sla_met_count", "first_fix_count", "rework_count"),
                    row[1:],
                    strict=True,
                )
            )
            for row in self.env.cr.fetchall()
        }

    @api.model
    def _compute_month(self, month, company=None):
        """Create or refresh the open scorecards of ``month`` for every
        technician who did jobs in it (their ratings, complaints, penalties
        and rewards with them); nobody without jobs gets one. Closed
        scorecards are left as they are."""
        company = company or self.env.company
        start, end, since, until = self._month_bounds(month, company)
        params = self._scoring_params()
        weights = self._weights()
        values = defaultdict(dict)

        for user_id, measures in self._request_measures(
            company, since, until, params["rework_days"]
        ).items():
            values[user_id].update(measures)
        for user, count in self.env["repair.order"]._read_group(
            [
                ("state", "=", "done"),
                ("aftersales_request_id", "=", False),
                ("user_id", "!=", False),
                ("company_id", "=", company.id),
                ("aftersales_date_done", ">=", since),
                ("aftersales_date_done", "<", until),
            ],
            ["user_id"],
            ["__count"],
        ):
            measures = values[user.id]
            measures["jobs_done"] = measures.get("jobs_done", 0) + count
            measures["first_fix_count"] = measures.get("first_fix_count", 0) + count
        for user, count, score in self.env["aftersales.service.survey"]._read_group(
            [
                ("state", "=", "done"),
                ("user_id", "!=", False),
                ("company_id", "=", company.id),
                ("date_answered", ">=", start),
                ("date_answered", "<", end),
            ],
            ["user_id"],
            ["__count", "score:avg"],
        ):
            values[user.id].update(survey_count=count, survey_score=round(score, 2))
        per_criterion = defaultdict(list)
        for user, criterion, count, level in self.env["aftersales.survey.score"]._read_group(
            [
                ("user_id", "!=", False),
                ("company_id", "=", company.id),
                ("date", ">=", start),
                ("date", "<", end),
            ],
            ["user_id", "criterion_id"],
            ["__count", "level:avg"],
        ):
            per_criterion[user.id].append(
                {
                    "criterion_id": criterion.id,
                    "answer_count": count,
                    "average_level": round(level, 2),
                    "score": round(level * 25, 2),
                }
            )
            values.setdefault(user.id, {})
        for user_id, measures in self._complaint_measures(company, since, until).items():
            values[user_id].update(measures)
        for user_id, measures in self._penalty_measures(company, start, end).items():
            values[user_id].update(measures)
        with self._process_writing():
            return self._write_month(start, company, values, per_criterion, weights, params)

    @api.model
    def _write_month(self, start, company, values, per_criterion, weights, params):
        """The month's measures into its open cards (the computation step of
        ``_compute_month``, the only writer of the measures, X6)."""
        cards = self.search([("month", "=", start), ("company_id", "=", company.id)])
        by_user = {card.user_id.id: card for card in cards}
        # an open card whose measures went away (a cancelled penalty) is reset
        for user_id in by_user:
            values.setdefault(user_id, {})
        # a person without jobs in the month gets no scorecard (issue 15: a
        # supervisor without jobs scored 99, a working technician 52); an
        # open card whose jobs went away goes with them. A rating answered
        # this month of last month's job is work of this month's card.
        jobless = {
            user_id
            for user_id, measures in values.items()
            if not measures.get("jobs_done") and not measures.get("survey_count")
        }
        stale = cards.filtered(lambda c: c.state == "open" and c.user_id.id in jobless)
        stale.criterion_ids.unlink()
        stale.sudo().unlink()
        cards -= stale
        open_cards = cards.filtered(lambda c: c.state == "open")
        open_cards.criterion_ids.unlink()
        to_create = []
        for user_id, measures in values.items():
            if user_id in jobless:
                continue
            vals = self._score_values(measures, weights, params)
            card = by_user.get(user_id)
            if not card:
                to_create.append(dict(vals, user_id=user_id, month=start, company_id=company.id))
            elif card.state == "open":
                card.write(vals)
        new_cards = self.with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
        ).create(to_create)
        # the ratings per criterion of every refreshed card, in one batch
        self.env["aftersales.technician.scorecard.criterion"].create(
            [
                dict(line, scorecard_id=card.id)
                for card in open_cards | new_cards
                for line in per_criterion.get(card.user_id.id, [])
            ]
        )
        return open_cards | new_cards

    @api.model
    def _complaint_measures(self, company, since, until):
        """Hook: complaints attributed per technician (V8, with the complaint
        module's ledger)."""
        return {}

    @api.model
    def _penalty_measures(self, company, start, end):
        """Confirmed penalties and rewards of the performance ledger per
        technician (complaints and quality assessments feed it, V7)."""
        measures = {}
        for user, kind, amount in (
            self.env["aftersales.ledger.entry"]
            .sudo()
            ._read_group(
                [
                    ("state", "=", "confirmed"),
                    ("company_id", "=", company.id),
                    ("date", ">=", start),
                    ("date", "<", end),
                ],
                ["user_id", "kind"],
                ["amount:sum"],
            )
        ):
            measures.setdefault(user.id, {})[f"{kind}_amount"] = amount
        return measures

    @api.model
    def _score_values(self, measures, weights, params):
        """The rates, and the weighted score: each measure as 0..100, the
        weights of the measures with no basis this month spread over the
        others; then net rewards (minus penalties) in points."""
        jobs = measures.get("jobs_done", 0)
        sla_jobs = measures.get("sla_jobs", 0)
        vals = {
            "jobs_done": jobs,
            "sla_jobs": sla_jobs,
            "sla_met_count": measures.get("sla_met_count", 0),
            "first_fix_count": measures.get("first_fix_count", 0),
            "rework_count": measures.get("rework_count", 0),
            "survey_count": measures.get("survey_count", 0),
            "survey_score": measures.get("survey_score", 0.0),
            "complaint_count": measures.get("complaint_count", 0),
            "penalty_amount": measures.get("penalty_amount", 0.0),
            "reward_amount": measures.get("reward_amount", 0.0),
        }
        vals["sla_rate"] = round(100.0 * vals["sla_met_count"] / sla_jobs, 2) if sla_jobs else 0.0
        vals["first_fix_rate"] = round(100.0 * vals["first_fix_count"] / jobs, 2) if jobs else 0.0
        vals["rework_rate"] = round(100.0 * vals["rework_count"] / jobs, 2) if jobs else 0.0
        components = {
            "complaint": max(0.0, 100.0 - vals["complaint_count"] * params["complaint_points"])
        }
        if vals["survey_count"]:
            components["survey"] = vals["survey_score"]
        if sla_jobs:
            components["sla"] = vals["sla_rate"]
        if jobs:
            components["first_fix"] = vals["first_fix_rate"]
            components["rework"] = 100.0 - vals["rework_rate"]
        total_weight = sum(weights[key] for key in components)
        base = (
            sum(weights[key] * value for key, value in components.items()) / total_weight
            if total_weight
            else 0.0
        )
        net = vals["reward_amount"] - vals["penalty_amount"]
        bonus = net / params["amount_per_point"] if params["amount_per_point"] else 0.0
        vals["score"] = round(base + bonus, 2)
        return vals

    def write(self, vals):
        # a closed month is frozen (V8, X6): only its own steps touch it
        if not self._process_write_allowed() and self.filtered(lambda c: c.state == "closed"):
            raise UserError(self.env._("A closed scorecard does not change."))
        return super().write(vals)

    @api.model
    @in_company_lang
    def _cron_compute(self):
        """Daily: the current month, and the last one while it is open, in
        each company's time zone (not the cron user's)."""
        for company in self.env["res.company"].search([("active", "=", True)]):
            today = company._aftersales_today()
            self._compute_month(today - relativedelta(months=1), company)
            self._compute_month(today, company)
        return True

    # Actions ----------------------------------------------------------------

    def action_recompute(self):
        self._ensure_role(MANAGER, self.env._("recompute a scorecard"))
        for company, month in {(card.company_id, card.month) for card in self}:
            self._compute_month(month, company)
        return True

    def _set_state(self, state):
        """The one way a scorecard changes state (V8, X6): the after-sales
        manager closes an open month, recomputed one last time; a closed
        card is frozen."""
        if state != "closed":
            raise UserError(self.env._("A closed scorecard is not reopened."))
        label = self.env._("close the scorecard")
        closed = self.filtered(lambda c: c.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "The scorecard %s is already closed.",
                    ", ".join(closed.mapped("display_name")),
                )
            )
        self._ensure_role(MANAGER, label)
        self.action_recompute()
        self._write_process(
            {"state": "closed", "date_closed": fields.Datetime.now(), "closed_by_id": self.env.uid}
        )
        return True

    def action_close(self):
        """Freeze the month (V8): the record stays as it was computed."""
        return self._set_state("closed")

    def _xlsx_content(self):
        """The scorecards as an Excel sheet (V8)."""
        criteria = self.env["aftersales.rating.criterion"].search([("active", "=", True)])
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Scorecards"))
        bold = workbook.add_format({"bold": True})
        headers = [
            self.env._("Technician"),
            self.env._("Month"),
            self.env._("Jobs Done"),
            *criteria.mapped("name"),
            self.env._("Survey Score"),
            self.env._("SLA Compliance (%)"),
            self.env._("First-Time Fix (%)"),
            self.env._("Rework"),
            self.env._("Complaints"),
            self.env._("Penalties"),
            self.env._("Rewards"),
            self.env._("Score"),
            self.env._("Status"),
            self.env._("Closed On"),
        ]
        sheet.write_row(0, 0, headers, bold)
        states = dict(self._fields["state"]._description_selection(self.env))
        for row, card in enumerate(self, start=1):
            levels = {line.criterion_id: line.average_level for line in card.criterion_ids}
            sheet.write_row(
                row,
                0,
                [
                    card.user_id.name,
                    card.month.strftime("%Y-%m"),
                    card.jobs_done,
                    *[levels.get(criterion, "") for criterion in criteria],
                    card.survey_score,
                    card.sla_rate,
                    card.first_fix_rate,
                    card.rework_count,
                    card.complaint_count,
                    card.penalty_amount,
                    card.reward_amount,
                    card.score,
                    states[card.state],
                    # The company's clock (W9), not UTC nor the exporter's.
                    card.company_id._aftersales_format_datetime(card.date_closed),
                ],
            )
        sheet.set_column(0, 0, 24)
        workbook.close()
        return output.getvalue()

    def action_export_xlsx(self):
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._("Technician Scorecards.xlsx"),
                "raw": self._xlsx_content(),
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }


class AftersalesTechnicianScorecardCriterion(models.Model):
    """What customers said about the technician on one criterion this month."""

    _name = "aftersales.technician.scorecard.criterion"
    _description = "Scorecard Rating per Criterion"
    _order = "scorecard_id, criterion_id"

    scorecard_id = fields.Many2one(
        "aftersales.technician.scorecard", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one("aftersales.rating.criterion", required=True)
    user_id = fields.Many2one(related="scorecard_id.user_id", store=True)
    month = fields.Date(related="scorecard_id.month", store=True)
    company_id = fields.Many2one(related="scorecard_id.company_id", store=True)
    answer_count = fields.Integer(string="Answers")
    average_level = fields.Float(aggregator="avg", help="1 to 4.")
    score = fields.Float(aggregator="avg", help="Out of 100.")

    def _check_scorecard_steps(self):
        """Computed by the scorecard's month only (V8, X6)."""
        Card = self.env["aftersales.technician.scorecard"]
        if not Card._process_write_allowed():
            raise Card._process_error({"criterion_ids"})

    @api.model_create_multi
    def create(self, vals_list):
        self._check_scorecard_steps()
        return super().create(vals_list)

    def write(self, vals):
        self._check_scorecard_steps()
        return super().write(vals)

    def unlink(self):
        self._check_scorecard_steps()
        return super().unlink()

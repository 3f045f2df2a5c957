# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_base.lang import in_company_lang

from .survey_score import LEVEL_SCORE

SURVEY_XMLID = "aftersales_survey.survey_service_satisfaction"
# Jobs closed longer ago than this are not surveyed any more (first install,
# or the scheduled action stopped for a while).
DEFAULT_LOOKBACK_DAYS = 7


class AftersalesServiceSurvey(models.Model):
    """The satisfaction survey of one job (V1): a service request or a repair
    order closed the day before gets exactly one, sent by the scheduled
    action. It holds the customer's answer (Odoo's survey.user_input, reached
    through its access token) and, once answered, the ratings of the
    technician per criterion (V2) that the monthly scorecard averages (V3)."""

    _name = "aftersales.service.survey"
    _description = "Service Satisfaction Survey"
    _inherit = ["mail.thread", "aftersales.numbered.mixin", "aftersales.process.mixin"]
    _sequence_code = "aftersales.service.survey"
    # what the customer's answer set: only the answer's own step writes it
    _process_fields = (
        "state",
        "date_answered",
        "score_ids",
        "average_level",
        "score",
        "comment",
    )
    _order = "date_sent desc, id desc"

    request_id = fields.Many2one(
        "aftersales.service.request",
        string="Service Request",
        readonly=True,
        index="btree_not_null",
    )
    repair_id = fields.Many2one(
        "repair.order", string="Repair Order", readonly=True, index="btree_not_null"
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True)
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    user_id = fields.Many2one("res.users", string="Technician", index=True, readonly=True)
    lot_id = fields.Many2one("stock.lot", string="Serial Number", readonly=True)
    date_job_done = fields.Datetime(string="Job Closed On", readonly=True)
    date_sent = fields.Datetime(string="Sent On", readonly=True, default=fields.Datetime.now)
    date_answered = fields.Date(string="Answered On", readonly=True, index=True)
    user_input_id = fields.Many2one(
        "survey.user_input", string="Answer", readonly=True, required=True, ondelete="restrict"
    )
    survey_url = fields.Char(compute="_compute_survey_url", string="Survey Link")
    state = fields.Selection(
        [("sent", "Waiting for Answer"), ("done", "Answered")],
        default="sent",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    score_ids = fields.One2many(
        "aftersales.survey.score", "service_survey_id", string="Ratings", readonly=True
    )
    average_level = fields.Float(
        readonly=True, aggregator="avg", help="Weighted average rating, 1 to 4."
    )
    score = fields.Float(readonly=True, aggregator="avg", help="Weighted score out of 100.")
    comment = fields.Text(string="Suggestions or Complaints", readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _request_once = models.Constraint(
        "UNIQUE(request_id)", "A service request gets one satisfaction survey only."
    )
    _repair_once = models.Constraint(
        "UNIQUE(repair_id)", "A repair order gets one satisfaction survey only."
    )
    _one_job = models.Constraint(
        "CHECK(request_id IS NOT NULL OR repair_id IS NOT NULL)",
        "A satisfaction survey is about a service request or a repair order.",
    )

    @api.depends("user_input_id.access_token")
    def _compute_survey_url(self):
        for record in self:
            answer = record.user_input_id.sudo()
            record.survey_url = record.get_base_url() + answer.get_start_url() if answer else False

    # Sending (V1) ---------------------------------------------------------

    @api.model
    def _satisfaction_survey(self):
        survey = self.env.ref(SURVEY_XMLID, raise_if_not_found=False)
        if not survey or not survey.active:
            raise UserError(self.env._("The service satisfaction survey is missing or archived."))
        return survey

    @api.model
    @in_company_lang
    def _cron_send_surveys(self, batch_size=200):
        """Every job closed before today (and in the last days) gets its
        survey, once: the jobs are flagged in the same transaction, rows
        locked so that a second worker skips them. "Today" is the company's
        local day, whatever the cron user's time zone."""
        company = self.env.company
        today = company._aftersales_today()
        lookback = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("aftersales_survey.lookback_days", DEFAULT_LOOKBACK_DAYS)
        )
        since = company._aftersales_day_start(today - timedelta(days=lookback))
        until = company._aftersales_day_start(today)
        survey = self._satisfaction_survey()
        requests = self.env["aftersales.service.request"]
        repairs = self.env["repair.order"]
        sent = requests._run_batches(
            lambda: self._send_for_requests(survey, since, until, batch_size)
        )
        sent += repairs._run_batches(
            lambda: self._send_for_repairs(survey, since, until, batch_size)
        )
        return sent

    @api.model
    def _send_for_requests(self, survey, since, until, limit):
        requests = self.env["aftersales.service.request"]._locked_batch(
            [
                ("state", "=", "done"),
                ("date_done", ">=", since),
                ("date_done", "<", until),
                ("aftersales_survey_sent", "=", False),
            ],
            limit,
        )
        if not requests:
            return 0
        self._send(survey, [self._prepare_service_survey_vals(request) for request in requests])
        requests.write({"aftersales_survey_sent": True})
        return len(requests)

    @api.model
    def _send_for_repairs(self, survey, since, until, limit):
        """Repairs of a service request are surveyed with their request; the
        others (brought to the workshop directly) on their own."""
        repairs = self.env["repair.order"]._locked_batch(
            [
                ("state", "=", "done"),
                ("aftersales_date_done", ">=", since),
                ("aftersales_date_done", "<", until),
                ("aftersales_request_id", "=", False),
                ("partner_id", "!=", False),
                ("aftersales_survey_sent", "=", False),
            ],
            limit,
        )
        if not repairs:
            return 0
        self._send(survey, [self._prepare_service_survey_vals(repair) for repair in repairs])
        repairs.write({"aftersales_survey_sent": True})
        return len(repairs)

    @api.model
    def _prepare_service_survey_vals(self, job):
        """The survey record of a finished ``job``: a service request, or a
        repair order brought to the workshop directly."""
        if job._name == "repair.order":
            return {
                "repair_id": job.id,
                "partner_id": job.partner_id.id,
                "user_id": job.user_id.id,
                "lot_id": job.lot_id.id,
                "date_job_done": job.aftersales_date_done,
                "company_id": job.company_id.id,
            }
        return {
            "request_id": job.id,
            "partner_id": job.partner_id.id,
            "user_id": job.user_id.id,
            "lot_id": job.lot_id.id,
            "date_job_done": job.date_done,
            "company_id": job.company_id.id,
        }

    @api.model
    def _prepare_user_input_vals(self, survey, partner):
        """The answer of ``partner`` to ``survey``, with its own invite token."""
        return {
            "survey_id": survey.id,
            "partner_id": partner.id,
            "email": partner.email,
            "nickname": partner.name,
            "invite_token": str(uuid.uuid4()),
        }

    @api.model
    def _send(self, survey, vals_list):
        """Create the answers (survey's own token invitations, one invite
        token per job so that a customer's other jobs keep their attempt),
        the survey records, and mail the links in one batch."""
        partners = self.env["res.partner"].browse([vals["partner_id"] for vals in vals_list])
        answers = (
            self.env["survey.user_input"]
            .sudo()
            .create([self._prepare_user_input_vals(survey, partner) for partner in partners])
        )
        records = (
            self.sudo()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
            .create(
                [
                    dict(vals, user_input_id=answer.id)
                    for vals, answer in zip(vals_list, answers, strict=True)
                ]
            )
        )
        template = self.env.ref("aftersales_survey.mail_template_service_survey")
        with_email = records.filtered(lambda r: r.partner_id.email)
        if with_email:
            template.sudo().send_mail_batch(with_email.ids)
        return records

    # Answers (V2) ---------------------------------------------------------

    def _record_answers(self):
        """The customer submitted: each rated question gives its criterion a
        level; the free text is kept. Answered twice is refused."""
        answered = self.filtered(lambda r: r.state == "done")
        if answered:
            raise UserError(
                self.env._(
                    "The survey %s has already been answered.",
                    ", ".join(answered.mapped("name")),
                )
            )
        for record in self:
            levels = {}
            comments = []
            for line in record.user_input_id.user_input_line_ids:
                question = line.question_id
                if question.aftersales_criterion_id and line.suggested_answer_id.aftersales_level:
                    levels[question.aftersales_criterion_id] = (
                        line.suggested_answer_id.aftersales_level
                    )
                elif question.aftersales_is_comment and line.value_text_box:
                    comments.append(line.value_text_box)
            total_weight = sum(c.weight for c in levels) or 0.0
            if total_weight:
                average = sum(level * c.weight for c, level in levels.items()) / total_weight
            else:
                average = sum(levels.values()) / len(levels) if levels else 0.0
            record._set_state(
                "done",
                {
                    "date_answered": record.company_id._aftersales_today(),
                    "comment": "\n".join(comments) or False,
                    "average_level": round(average, 2),
                    "score": round(average * 25, 2),
                    "score_ids": [
                        Command.create(
                            {
                                "criterion_id": criterion.id,
                                "level": level,
                                "score": LEVEL_SCORE[level],
                            }
                        )
                        for criterion, level in levels.items()
                    ],
                },
            )
        self._after_answer()
        return True

    def _set_state(self, state, vals):
        """The one way a satisfaction survey changes state (V2, X6): it is
        answered when, and only when, the customer submitted its answer; the
        ratings come with it."""
        if state != "done":
            raise UserError(self.env._("A satisfaction survey is sent, then answered."))
        label = self.env._("record the customer's answer")
        self._ensure_state(("sent",), label)
        if self.user_input_id.filtered(lambda answer: answer.state != "done"):
            raise UserError(self.env._("The customer has not submitted the survey yet."))
        self._write_process(dict(vals, state="done"))
        return True

    def _after_answer(self):
        """Hook: what an answer sets off (the complaint of V4)."""
        return True

    def action_open_answer(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "survey.user_input",
            "res_id": self.user_input_id.id,
            "view_mode": "form",
        }

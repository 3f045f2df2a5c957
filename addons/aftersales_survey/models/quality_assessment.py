# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aftersales_base.roles import MANAGER, QUALITY, SUPERVISOR

METHODS = [
    ("inspection", "On-Site Inspection"),
    ("customer", "Customer Visit / Questionnaire"),
    ("feedback", "Hotline / Suggestion Box / Informants"),
]
FORMS = [("self", "Department Self-Assessment"), ("management", "Management Assessment")]
# A reward or penalty above this amount is the manager's to confirm; none is
# above the maximum (V7, X6). Both are settings (system parameters).
SUPERVISOR_LIMIT_PARAM = "aftersales_survey.quality_supervisor_limit"
SUPERVISOR_LIMIT = 1000.0
MAX_AMOUNT_PARAM = "aftersales_survey.quality_max_amount"
MAX_AMOUNT = 10000.0
# What the assessment says, frozen once it is confirmed or cancelled.
ASSESSED_FIELDS = {
    "method",
    "assessment_form",
    "date",
    "user_id",
    "department_id",
    "assessor_id",
    "line_ids",
    "outcome",
    "amount",
    "company_id",
}


class AftersalesQualityAssessment(models.Model):
    """A service-quality assessment (V7, 服务质量考核): a scored checklist,
    by one of the seed's methods, as the department's self-assessment or the
    management's; confirmed, it enters the quality ledger and, for an
    assessed technician, gives the reward or penalty decided."""

    _name = "aftersales.quality.assessment"
    _description = "Service Quality Assessment"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.numbered.mixin",
        "aftersales.process.mixin",
    ]
    _sequence_code = "aftersales.quality.assessment"
    _process_fields = ("state", "penalty_id", "confirmed_by_id", "date_confirmed")
    _order = "date desc, id desc"

    method = fields.Selection(METHODS, required=True, default="inspection", tracking=True)
    assessment_form = fields.Selection(
        FORMS, string="Form", required=True, default="management", tracking=True
    )
    date = fields.Date(
        required=True, default=lambda self: self.env.company._aftersales_today(), index=True
    )
    user_id = fields.Many2one("res.users", string="Technician Assessed", index=True, tracking=True)
    department_id = fields.Many2one("hr.department")
    assessor_id = fields.Many2one("res.users", required=True, default=lambda self: self.env.user)
    line_ids = fields.One2many(
        "aftersales.quality.assessment.line", "assessment_id", string="Checklist"
    )
    score = fields.Float(
        compute="_compute_score", store=True, aggregator="avg", help="Points won out of 100."
    )
    note = fields.Html(string="Findings")
    outcome = fields.Selection(
        [("none", "None"), ("reward", "Reward"), ("penalty", "Penalty")],
        default="none",
        required=True,
        tracking=True,
    )
    amount = fields.Monetary(tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    penalty_id = fields.Many2one(
        "aftersales.ledger.entry", string="Ledger Line", readonly=True, copy=False
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Confirmed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_confirmed = fields.Datetime(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _amount_positive = models.Constraint("CHECK(amount >= 0)", "An amount is positive.")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "line_ids" in fields_list and not values.get("line_ids"):
            values["line_ids"] = [
                Command.create({"item_id": item.id, "max_points": item.max_points})
                for item in self.env["aftersales.quality.item"].search([("active", "=", True)])
            ]
        return values

    @api.depends("line_ids.points", "line_ids.max_points")
    def _compute_score(self):
        for assessment in self:
            total = sum(assessment.line_ids.mapped("max_points"))
            won = sum(assessment.line_ids.mapped("points"))
            assessment.score = round(100.0 * won / total, 2) if total else 0.0

    @api.onchange("outcome")
    def _onchange_outcome(self):
        if self.outcome == "none":
            self.amount = 0.0

    @api.model
    def _amount_limits(self):
        params = self.env["ir.config_parameter"].sudo()
        return (
            float(params.get_param(SUPERVISOR_LIMIT_PARAM, SUPERVISOR_LIMIT)),
            float(params.get_param(MAX_AMOUNT_PARAM, MAX_AMOUNT)),
        )

    @api.constrains("outcome", "amount", "user_id")
    def _check_outcome(self):
        """V7, X6: a reward or a penalty names the technician and an amount
        above zero and within the maximum; no outcome, no amount."""
        maximum = self._amount_limits()[1]
        for assessment in self:
            if assessment.outcome != "none" and not (assessment.amount and assessment.user_id):
                raise ValidationError(
                    self.env._("A reward or penalty names the technician assessed and an amount.")
                )
            if assessment.amount < 0:
                raise ValidationError(
                    self.env._(
                        "The amount of a reward or a penalty is positive: the kind says "
                        "which way it goes."
                    )
                )
            if assessment.outcome == "none" and assessment.amount:
                raise ValidationError(
                    self.env._(
                        "%s decides no reward or penalty: it has no amount.", assessment.name
                    )
                )
            if assessment.amount > maximum:
                raise ValidationError(
                    self.env._(
                        "%(amount)s is above the largest reward or penalty of an assessment "
                        "(%(maximum)s).",
                        amount=assessment.amount,
                        maximum=maximum,
                    )
                )

    def write(self, vals):
        # a confirmed (or cancelled) assessment is what was decided (V7, X6)
        if ASSESSED_FIELDS.intersection(vals) and not self._process_write_allowed():
            self._ensure_state(("draft",), self.env._("change the assessment"))
        return super().write(vals)

    def _ensure_decider(self, action):
        """Who decides an assessment (V7, X6): a supervisor or the quality
        department, the manager for
        an amount above the supervisor's limit, never the technician
        assessed himself."""
        limit = self._amount_limits()[0]
        for assessment in self:
            assessment._ensure_role((SUPERVISOR, QUALITY), action)
            if assessment.outcome != "none" and assessment.amount > limit:
                assessment._ensure_role(MANAGER, action)
            if assessment.user_id == self.env.user and not self.env.su:
                raise AccessError(
                    self.env._("%s assesses you: somebody else decides it.", assessment.name)
                )
        return True

    def _ensure_draft_checklist(self):
        """The checklist of a confirmed or cancelled assessment is what was
        decided (V7, X6)."""
        if not self._process_write_allowed():
            self._ensure_state(("draft",), self.env._("change the checklist"))
        return True

    def _set_state(self, state):
        """The one way an assessment changes state (V7, X6): draft →
        confirmed (its reward or penalty into the ledger) → cancelled (the
        ledger line cancelled too) → draft again."""
        steps = {
            "done": (("draft",), self.env._("confirm the assessment")),
            "cancelled": (("draft", "done"), self.env._("cancel the assessment")),
            "draft": (("cancelled",), self.env._("reset the assessment to draft")),
        }
        if state not in steps:
            raise UserError(self.env._("An assessment is created as a draft."))
        from_states, label = steps[state]
        for assessment in self:
            if assessment.state not in from_states:
                if state == "done":
                    raise UserError(self.env._("%s is not a draft.", assessment.name))
                if state == "draft":
                    raise UserError(self.env._("Only a cancelled assessment goes back to draft."))
        self._ensure_state(from_states, label)
        self._ensure_decider(label)
        if state == "done":
            for assessment in self:
                if not assessment.line_ids:
                    raise UserError(self.env._("Score the checklist of %s first.", assessment.name))
            self._write_process(
                {
                    "state": "done",
                    "confirmed_by_id": self.env.uid,
                    "date_confirmed": fields.Datetime.now(),
                }
            )
            self._apply_outcome()
        elif state == "cancelled":
            self.penalty_id.sudo().action_cancel()
            self._write_process({"state": "cancelled"})
        else:
            self._write_process(
                {"state": "draft", "confirmed_by_id": False, "date_confirmed": False}
            )
        return True

    def action_confirm(self):
        return self._set_state("done")

    def _prepare_ledger_entry_vals(self):
        """The reward or penalty of the assessment, for the ledger."""
        self.ensure_one()
        return {
            "user_id": self.user_id.id,
            "kind": self.outcome,
            "role": "improvement" if self.outcome == "reward" else "other",
            "amount": self.amount,
            "date": self.date,
            "note": self.env._(
                "Quality assessment %(name)s (score %(score)s)",
                name=self.name,
                score=self.score,
            ),
            "company_id": self.company_id.id,
        }

    def _apply_outcome(self):
        """Rewards and penalties go, confirmed, to the complaint register's
        ledger (without a complaint), which the scorecard reads (V7, V8)."""
        decided = self.filtered(lambda a: a.outcome != "none")
        if not decided:
            return self.env["aftersales.ledger.entry"]
        lines = (
            self.env["aftersales.ledger.entry"]
            .sudo()
            .create([assessment._prepare_ledger_entry_vals() for assessment in decided])
        )
        lines.action_confirm()
        for assessment, line in zip(decided, lines, strict=True):
            assessment._write_process({"penalty_id": line.id})
        return lines

    def action_cancel(self):
        return self._set_state("cancelled")

    def action_draft(self):
        return self._set_state("draft")


class AftersalesQualityAssessmentLine(models.Model):
    """One checklist point of an assessment: the quality ledger's rows."""

    _name = "aftersales.quality.assessment.line"
    _description = "Quality Assessment Line"
    _order = "assessment_id, sequence, id"

    assessment_id = fields.Many2one(
        "aftersales.quality.assessment", required=True, ondelete="cascade", index=True
    )
    item_id = fields.Many2one("aftersales.quality.item", required=True)
    sequence = fields.Integer(related="item_id.sequence", store=True)
    measure = fields.Selection(related="item_id.measure")
    max_points = fields.Float(string="Out Of", required=True)
    points = fields.Float(aggregator="sum")
    measured_value = fields.Float(string="Measured", help="The number, where one is measured.")
    note = fields.Char(string="Comment")
    date = fields.Date(related="assessment_id.date", store=True)
    user_id = fields.Many2one(related="assessment_id.user_id", store=True)
    method = fields.Selection(related="assessment_id.method", store=True)
    state = fields.Selection(related="assessment_id.state", store=True)
    company_id = fields.Many2one(related="assessment_id.company_id", store=True)

    _points_range = models.Constraint(
        "CHECK(points >= 0 AND points <= max_points)",
        "The points of a checklist item are between 0 and its maximum.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        assessments = self.env["aftersales.quality.assessment"].browse(
            {vals["assessment_id"] for vals in vals_list if vals.get("assessment_id")}
        )
        assessments._ensure_draft_checklist()
        return super().create(vals_list)

    def write(self, vals):
        self.assessment_id._ensure_draft_checklist()
        if "assessment_id" in vals:
            self.assessment_id.browse(vals["assessment_id"])._ensure_draft_checklist()
        return super().write(vals)

    def unlink(self):
        self.assessment_id._ensure_draft_checklist()
        return super().unlink()

    @api.onchange("item_id")
    def _onchange_item_id(self):
        if self.item_id:
            self.max_points = self.item_id.max_points

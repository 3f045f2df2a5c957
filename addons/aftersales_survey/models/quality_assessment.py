# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

METHODS = [
    ("inspection", "On-Site Inspection"),
    ("customer", "Customer Visit / Questionnaire"),
    ("feedback", "Hotline / Suggestion Box / Informants"),
]
FORMS = [("self", "Department Self-Assessment"), ("management", "Management Assessment")]


class AftersalesQualityAssessment(models.Model):
    """A service-quality assessment (V7, 服务质量考核): a scored checklist,
    by one of the seed's methods, as the department's self-assessment or the
    management's; confirmed, it enters the quality ledger and, for an
    assessed technician, gives the reward or penalty decided."""

    _name = "aftersales.quality.assessment"
    _description = "Service Quality Assessment"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.numbered.mixin"]
    _sequence_code = "aftersales.quality.assessment"
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
        "aftersales.complaint.penalty", string="Ledger Line", readonly=True, copy=False
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Confirmed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
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

    @api.constrains("outcome", "amount", "user_id")
    def _check_outcome(self):
        for assessment in self:
            if assessment.outcome != "none" and not (assessment.amount and assessment.user_id):
                raise ValidationError(
                    self.env._("A reward or penalty names the technician assessed and an amount.")
                )

    def action_confirm(self):
        for assessment in self:
            if assessment.state != "draft":
                raise UserError(self.env._("%s is not a draft.", assessment.name))
            if not assessment.line_ids:
                raise UserError(self.env._("Score the checklist of %s first.", assessment.name))
        self.write({"state": "done"})
        self._apply_outcome()
        return True

    def _apply_outcome(self):
        """Rewards and penalties go, confirmed, to the complaint register's
        ledger (without a complaint), which the scorecard reads (V7, V8)."""
        decided = self.filtered(lambda a: a.outcome != "none")
        if not decided:
            return self.env["aftersales.complaint.penalty"]
        lines = (
            self.env["aftersales.complaint.penalty"]
            .sudo()
            .create(
                [
                    {
                        "user_id": assessment.user_id.id,
                        "kind": assessment.outcome,
                        "role": "improvement" if assessment.outcome == "reward" else "other",
                        "amount": assessment.amount,
                        "date": assessment.date,
                        "note": self.env._(
                            "Quality assessment %(name)s (score %(score)s)",
                            name=assessment.name,
                            score=assessment.score,
                        ),
                        "company_id": assessment.company_id.id,
                    }
                    for assessment in decided
                ]
            )
        )
        lines.action_confirm()
        for assessment, line in zip(decided, lines, strict=True):
            assessment.penalty_id = line
        return lines

    def action_cancel(self):
        self.penalty_id.sudo().action_cancel()
        self.write({"state": "cancelled"})
        return True

    def action_draft(self):
        if self.filtered(lambda a: a.state != "cancelled"):
            raise UserError(self.env._("Only a cancelled assessment goes back to draft."))
        self.write({"state": "draft"})
        return True


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

    @api.onchange("item_id")
    def _onchange_item_id(self):
        if self.item_id:
            self.max_points = self.item_id.max_points

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

TRIGGERS = [
    ("service", "After every service"),
    ("pickup", "After the product is picked up"),
    ("previous", "After another follow-up was made"),
]
KINDS = [("call", "Phone Call"), ("letter", "Letter"), ("file", "Customer File")]


class AftersalesFollowupRule(models.Model):
    """When the follow-up clerk calls, writes or files (V5, V6): the customer
    file within two days of every service, the next-day
    satisfaction call after every service, the first call 3 days to a week
    after the customer picked the product up, the second in the 7 days after
    the week following the first. The scheduled action plans the calls."""

    _name = "aftersales.followup.rule"
    _description = "Follow-up Rule"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(KINDS, default="call", required=True)
    trigger = fields.Selection(TRIGGERS, required=True, default="service")
    previous_rule_id = fields.Many2one(
        "aftersales.followup.rule",
        string="After",
        help="The follow-up this one comes after (for 'After another follow-up was made').",
    )
    days_from = fields.Integer(
        string="From (working days)",
        required=True,
        default=1,
        help="Working days of the company's calendar: public holidays do not count, make-up "
        "working days do.",
    )
    days_to = fields.Integer(
        string="To (working days)",
        required=True,
        default=1,
        help="The follow-up is due this many working days after the service.",
    )
    user_id = fields.Many2one(
        "res.users", string="Follow-up Clerk", help="Who makes these calls; empty: the desk."
    )
    content = fields.Text(string="Script", translate=True, help="What to talk about.")

    _days_order = models.Constraint(
        "CHECK(days_from >= 0 AND days_to >= days_from)",
        "A follow-up window runs forward: 'from' at least 0 and not after 'to'.",
    )

    @api.constrains("trigger", "previous_rule_id")
    def _check_previous_rule(self):
        for rule in self:
            if (rule.trigger == "previous") != bool(rule.previous_rule_id):
                raise ValidationError(
                    self.env._(
                        "The rule %s: name the follow-up it comes after exactly when it comes "
                        "after another follow-up.",
                        rule.name,
                    )
                )
            if rule.previous_rule_id == rule:
                raise ValidationError(self.env._("A follow-up cannot come after itself."))

    def _window(self, base_day, company=None):
        """(first day, due day) of the follow-up after ``base_day``."""
        self.ensure_one()
        return self._windows([(self, company or self.env.company, base_day)])[0]

    @api.model
    def _windows(self, items):
        """(first day, due day) of each (rule, company, base day): the
        rule's days are working days of the company (T1), so that a call is
        not due on a public holiday. One plan per company for all."""
        pairs = [(company, base, rule.days_from) for rule, company, base in items]
        pairs += [(company, base, rule.days_to) for rule, company, base in items]
        days = self.env["res.company"]._aftersales_plan_days_grouped(pairs)
        return list(zip(days[: len(items)], days[len(items) :], strict=True))

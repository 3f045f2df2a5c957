# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

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
    days_from = fields.Integer(string="From (days)", required=True, default=1)
    days_to = fields.Integer(string="To (days)", required=True, default=1)
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

    def _window(self, base_day):
        self.ensure_one()
        return base_day + timedelta(days=self.days_from), base_day + timedelta(days=self.days_to)

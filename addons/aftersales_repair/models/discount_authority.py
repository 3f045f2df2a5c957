# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesDiscountAuthority(models.Model):
    """How much discount a user may give on a job without a manager (S10),
    e.g. 10 % on up to 5 jobs a week, keeping a margin floor."""

    _name = "aftersales.discount.authority"
    _description = "Discount Authority"
    _order = "user_id"
    _check_company_auto = True

    user_id = fields.Many2one("res.users", required=True, index=True, ondelete="cascade")
    max_discount = fields.Float(string="Maximum Discount (%)", required=True, default=10.0)
    max_jobs_per_week = fields.Integer(string="Discounted Jobs per Week", required=True, default=5)
    margin_floor = fields.Float(
        string="Margin Floor (%)",
        default=0.0,
        help="The job's margin after the discount must stay at least this high.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _user_company_uniq = models.Constraint(
        "UNIQUE(user_id, company_id)", "A user has one discount authority per company."
    )
    _max_discount_range = models.Constraint(
        "CHECK(max_discount >= 0 AND max_discount <= 100)",
        "The maximum discount is between 0 and 100 %.",
    )
    _jobs_positive = models.Constraint(
        "CHECK(max_jobs_per_week >= 0)", "The number of jobs cannot be negative."
    )

    def _for_user(self, user, company):
        return self.search([("user_id", "=", user.id), ("company_id", "=", company.id)], limit=1)

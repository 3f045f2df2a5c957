# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesComplaintRoutingRule(models.Model):
    """C4: a complaint of a category goes to a handling department and owner
    (contract dispute → senior management, transport → logistics, quality →
    the quality department). A rule on a category also covers its sub-types;
    a rule on the sub-type itself wins."""

    _name = "aftersales.complaint.routing.rule"
    _description = "Complaint Routing Rule"
    _order = "sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category_id = fields.Many2one("aftersales.complaint.category", required=True, index=True)
    department_id = fields.Many2one("hr.department", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        domain="[('share', '=', False)]",
        help="Empty: the department's manager owns the complaint.",
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    @api.model
    def _route(self, category, company):
        """The rule for ``category`` in ``company``: exact sub-type first."""
        rules = self.search(
            [
                ("category_id", "in", (category | category.parent_id).ids),
                ("company_id", "in", [company.id, False]),
            ]
        )
        # A shared rule never routes a branch's complaint to another company's department.
        rules = rules.filtered(
            lambda r: r.department_id.company_id in (company, r.env["res.company"])
        )
        return rules.filtered(lambda r: r.category_id == category)[:1] or rules[:1]

    def _owner(self):
        self.ensure_one()
        return self.user_id or self.department_id.manager_id.user_id


# One concept per file: the complaint's register is in complaint.py.
class AftersalesComplaint(models.Model):
    _inherit = "aftersales.complaint"  # pylint: disable=consider-merging-classes-inherited

    @api.depends("category_id", "company_id")
    def _compute_routing(self):
        Rule = self.env["aftersales.complaint.routing.rule"]
        for complaint in self:
            category = complaint.category_id
            rule = category and Rule._route(category, complaint.company_id)
            if rule:
                complaint.department_id = rule.department_id
                complaint.user_id = rule._owner()
            else:
                complaint.department_id = complaint.department_id
                complaint.user_id = complaint.user_id

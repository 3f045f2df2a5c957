# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class AftersalesWarrantyPolicy(models.Model):
    """What a product's warranty promises (W1): how long, what it covers,
    on which terms, which services are free, and whether service is for life."""

    _name = "aftersales.warranty.policy"
    _description = "Warranty Policy"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    period = fields.Integer(required=True, default=1)
    period_unit = fields.Selection(
        [("day", "Days"), ("month", "Months"), ("year", "Years")],
        required=True,
        default="year",
    )
    scope = fields.Html(
        translate=True, help="Overview of what the warranty covers (parts, labour)."
    )
    terms = fields.Html(
        translate=True, help="Conditions and exclusions printed on the certificate."
    )
    free_service_ids = fields.Many2many(
        "product.product",
        string="Free Services",
        domain="[('type', '=', 'service')]",
        help="Services the customer gets free of charge during the warranty.",
    )
    lifetime_service = fields.Boolean(
        help="After the warranty ends, the product keeps being serviced for life "
        "(at the paid rate)."
    )

    _period_positive = models.Constraint(
        "CHECK(period > 0)", "A warranty period must be longer than zero."
    )

    @api.depends("period", "period_unit")
    def _compute_display_name(self):
        units = dict(self._fields["period_unit"]._description_selection(self.env))
        for policy in self:
            policy.display_name = (
                f"{policy.name} ({policy.period} {units.get(policy.period_unit, '')})"
            )

    def _end_date(self, start_date):
        """The last day covered by a warranty that starts on ``start_date``."""
        self.ensure_one()
        delta = relativedelta(**{f"{self.period_unit}s": self.period})
        return start_date + delta - relativedelta(days=1)

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_certificate_issue_days = fields.Integer(
        string="Certificate Issue Deadline (days)",
        config_parameter="aftersales_warranty.certificate_issue_days",
        default=3,
        help="A certificate issued by hand more than this many days after "
        "acceptance is flagged as late (W2).",
    )
    aftersales_renewal_notice_days = fields.Integer(
        string="Renewal Notice (days before end)",
        config_parameter="aftersales_warranty.renewal_notice_days",
        default=30,
        help="How long before a maintenance contract ends the customer gets the "
        "renewal notice and the salesperson an opportunity (W5).",
    )
    aftersales_free_period_notice_days = fields.Integer(
        string="Free Maintenance Ending Notice (days)",
        config_parameter="aftersales_warranty.free_period_notice_days",
        default=90,
        help="How long before a free maintenance period ends the sales director is told (W5).",
    )
    aftersales_sales_director_id = fields.Many2one(
        related="company_id.aftersales_sales_director_id", readonly=False
    )

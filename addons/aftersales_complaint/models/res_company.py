# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # I1: the company's complaint address (a mail alias): a mail to it
    # registers a complaint of this company.
    aftersales_complaint_alias_id = fields.Many2one(
        "mail.alias", string="Complaint Alias", copy=False, ondelete="set null"
    )
    aftersales_complaint_alias_name = fields.Char(
        string="Complaint E-mail",
        compute="_compute_aftersales_complaint_alias_name",
        inverse="_inverse_aftersales_complaint_alias_name",
        help="The local part of the address customers write to with a complaint: a mail to "
        "it registers a complaint of this company.",
    )

    @api.depends("aftersales_complaint_alias_id.alias_name")
    def _compute_aftersales_complaint_alias_name(self):
        for company in self:
            company.aftersales_complaint_alias_name = (
                company.sudo().aftersales_complaint_alias_id.alias_name
            )

    def _inverse_aftersales_complaint_alias_name(self):
        for company in self:
            company._aftersales_set_alias(
                "aftersales_complaint_alias_id",
                "aftersales.complaint",
                company.aftersales_complaint_alias_name,
            )

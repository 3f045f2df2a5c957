# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


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
            company._aftersales_set_complaint_alias(company.aftersales_complaint_alias_name)

    def _aftersales_set_complaint_alias(self, alias_name):
        """Creates, renames or removes the company's complaint alias: it
        registers complaints in this company, from anybody."""
        self.ensure_one()
        company = self.sudo()
        alias = company.aftersales_complaint_alias_id
        alias_name = (alias_name or "").strip()
        if not alias_name:
            company.aftersales_complaint_alias_id = False
            alias.unlink()
            return True
        if alias:
            if alias.alias_name != alias_name:
                alias.alias_name = alias_name
            return True
        if not company.alias_domain_id:
            raise UserError(
                self.env._(
                    "%(company)s has no alias domain yet: set it in Settings > General "
                    "Settings > Alias Domain before giving it an e-mail address.",
                    company=company.name,
                )
            )
        company.aftersales_complaint_alias_id = (
            self.env["mail.alias"]
            .sudo()
            .create(
                {
                    "alias_name": alias_name,
                    "alias_domain_id": company.alias_domain_id.id,
                    "alias_model_id": self.env["ir.model"]._get_id("aftersales.complaint"),
                    "alias_defaults": repr({"company_id": company.id}),
                    "alias_contact": "everyone",
                }
            )
        )
        return True

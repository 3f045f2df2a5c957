# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesRequestType(models.Model):
    _inherit = "aftersales.request.type"

    checklist_template_id = fields.Many2one(
        "aftersales.checklist.template",
        string="Inspection Checklist",
        help="Jobs of this type are inspected on this checklist unless their plan names another.",
    )

    def _checklist_for_company(self, company):
        """The type's checklist, when a document of ``company`` may use it:
        request types are shared by the companies, a checklist may be one
        company's."""
        self.ensure_one()
        template = self.checklist_template_id
        if template.company_id and template.company_id != company:
            return template.browse()
        return template

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesServiceRequest(models.Model):
    _inherit = "aftersales.service.request"

    checklist_template_id = fields.Many2one(
        "aftersales.checklist.template",
        string="Inspection Checklist",
        compute="_compute_checklist_template_id",
        store=True,
        readonly=False,
        precompute=True,
        help="What the technician checks on this visit (from the maintenance plan or the "
        "request type); the inspection report is filled on it.",
    )

    @api.depends("request_type_id", "company_id")
    def _compute_checklist_template_id(self):
        for request in self:
            if not request.checklist_template_id and request.request_type_id:
                request.checklist_template_id = request.request_type_id._checklist_for_company(
                    request.company_id
                )

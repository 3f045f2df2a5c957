# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    aftersales_contract_id = fields.Many2one(
        "aftersales.maintenance.contract",
        string="Maintenance Contract",
        index="btree_not_null",
        help="The contract whose renewal this opportunity follows up.",
    )

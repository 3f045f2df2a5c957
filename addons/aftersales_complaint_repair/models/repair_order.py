# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class RepairOrder(models.Model):
    """A complaint about a workshop repair is registered from the repair (C12)."""

    _name = "repair.order"
    _inherit = ["repair.order", "aftersales.complaint.source.mixin"]
    _complaint_field = "repair_id"

    def _complaint_defaults(self):
        return {
            **super()._complaint_defaults(),
            "partner_id": self.partner_id.id,
            "service_request_id": self.aftersales_request_id.id,
            "category_id": self.env.ref("aftersales_complaint.categ_sv_quality").id,
        }

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class AftersalesServiceRequest(models.Model):
    """A complaint about a service call is registered from the call (C12)."""

    _name = "aftersales.service.request"
    _inherit = ["aftersales.service.request", "aftersales.complaint.source.mixin"]
    _complaint_field = "service_request_id"

    def _complaint_defaults(self):
        return {
            **super()._complaint_defaults(),
            "partner_id": self.partner_id.id,
            "category_id": self.env.ref("aftersales_complaint.categ_service").id,
        }

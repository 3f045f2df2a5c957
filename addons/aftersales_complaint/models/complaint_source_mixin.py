# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesComplaintSourceMixin(models.AbstractModel):
    """A record a complaint can be registered from (C12, C13): its complaints,
    their count for the smart button, and the 'Register Complaint' button
    opening a complaint form filled from the record."""

    _name = "aftersales.complaint.source.mixin"
    _description = "Complaint Source"
    # The complaint's field pointing back at the source record.
    _complaint_field = None

    complaint_count = fields.Integer(compute="_compute_complaint_count")

    @api.depends_context("uid")
    def _compute_complaint_count(self):
        Complaint = self.env["aftersales.complaint"]
        counts = {}
        # A warehouse or repair user without an after-sales role sees no count.
        if Complaint.has_access("read"):
            counts = dict(
                Complaint._read_group(
                    [(self._complaint_field, "in", self.ids)],
                    [self._complaint_field],
                    ["__count"],
                )
            )
        for record in self:
            record.complaint_count = counts.get(record, 0)

    def _complaint_defaults(self):
        """The complaint form's defaults taken from this record."""
        self.ensure_one()
        return {self._complaint_field: self.id}

    def action_register_complaint(self):
        self.ensure_one()
        defaults = {f"default_{key}": value for key, value in self._complaint_defaults().items()}
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register Complaint"),
            "res_model": "aftersales.complaint",
            "view_mode": "form",
            "target": "current",
            "context": defaults,
        }

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_complaint.action_complaint"
        )
        action["domain"] = [(self._complaint_field, "=", self.id)]
        action["context"] = {
            f"default_{key}": value for key, value in self._complaint_defaults().items()
        }
        return action

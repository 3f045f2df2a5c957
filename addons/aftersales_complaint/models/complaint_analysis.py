# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain

DEFAULT_REPEAT_WINDOW_DAYS = 180


# One concept per file: the complaint's register is in complaint.py.
class AftersalesComplaint(models.Model):
    """What the analysis counts (C14) and the repeat rule of the penalties
    (C8): time to resolve, and whether the same problem was complained about
    before within the repeat window."""

    _inherit = "aftersales.complaint"  # pylint: disable=consider-merging-classes-inherited

    resolve_hours = fields.Float(
        string="Hours to Resolve",
        compute="_compute_resolve_hours",
        store=True,
        aggregator="avg",
    )
    repeat_of_id = fields.Many2one(
        "aftersales.complaint",
        compute="_compute_repeat",
        store=True,
        index="btree_not_null",
    )
    is_repeat = fields.Boolean(
        string="Repeat Complaint", compute="_compute_repeat", store=True, tracking=True
    )
    repeat_rate = fields.Float(
        string="Repeat Rate (%)", compute="_compute_repeat", store=True, aggregator="avg"
    )

    @api.depends("date_received", "date_done")
    def _compute_resolve_hours(self):
        for complaint in self:
            if complaint.date_done and complaint.date_received:
                delta = complaint.date_done - complaint.date_received
                complaint.resolve_hours = delta.total_seconds() / 3600
            else:
                complaint.resolve_hours = 0.0

    @api.model
    def _repeat_window_days(self):
        return int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("aftersales_complaint.repeat_window_days", DEFAULT_REPEAT_WINDOW_DAYS)
        )

    @api.depends("commercial_partner_id", "product_id", "root_cause_id", "date_received", "state")
    def _compute_repeat(self):
        window = timedelta(days=self._repeat_window_days())
        for complaint in self:
            earlier = self.browse()
            if complaint.date_received and complaint.state != "rejected":
                same = []
                if complaint.product_id:
                    same.append(
                        Domain("commercial_partner_id", "=", complaint.commercial_partner_id.id)
                        & Domain("product_id", "=", complaint.product_id.id)
                    )
                if complaint.root_cause_id:
                    same.append(Domain("root_cause_id", "=", complaint.root_cause_id.id))
                if same:
                    received, own_id = complaint.date_received, complaint._origin.id or 0
                    before = Domain("date_received", "<", received) | (
                        Domain("date_received", "=", received) & Domain("id", "<", own_id)
                    )
                    earlier = self.sudo().search(
                        Domain.OR(same)
                        & before
                        & Domain("state", "!=", "rejected")
                        & Domain("company_id", "=", complaint.company_id.id)
                        & Domain("date_received", ">=", received - window),
                        order="date_received desc, id desc",
                        limit=1,
                    )
            complaint.repeat_of_id = self.browse(earlier.id)
            complaint.is_repeat = bool(earlier)
            complaint.repeat_rate = 100.0 if earlier else 0.0

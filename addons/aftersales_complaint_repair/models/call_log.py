# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class AftersalesCallLog(models.Model):
    """A hotline call (I5) turned into a complaint in one click, once: a
    call is converted into a service request or a complaint, not both."""

    _inherit = "aftersales.call.log"
    _process_fields = ("state", "request_id", "complaint_id")

    complaint_id = fields.Many2one(
        "aftersales.complaint",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )

    def _conversion_fields(self):
        return {**super()._conversion_fields(), "aftersales.complaint": "complaint_id"}

    def _converted_to(self):
        return super()._converted_to() or self.complaint_id

    def _complaint_values(self):
        """A complaint filled from the call (I5): the caller, what he said,
        when he called, by phone."""
        self.ensure_one()
        category = self.env.ref("aftersales_complaint.categ_service", raise_if_not_found=False)
        return {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "channel": "phone",
            "date_received": self.date_received,
            "description": self.question or "",
            "category_id": category.id if category else False,
            "call_log_id": self.id,
        }

    def action_create_complaint(self):
        """One click: the call becomes a complaint at its first step."""
        self.ensure_one()
        self._ensure_convertible()
        if not self.partner_id:
            raise UserError(
                self.env._(
                    "Find the caller (his phone number) or choose him before registering "
                    "his complaint."
                )
            )
        complaint = self.env["aftersales.complaint"].create([self._complaint_values()])
        return complaint._get_records_action(name=self.env._("Complaint"))

    def action_view_complaint(self):
        self.ensure_one()
        return self.complaint_id._get_records_action(name=self.env._("Complaint"))


class AftersalesComplaint(models.Model):
    """A complaint registered from a hotline call points back at it (I5)."""

    _name = "aftersales.complaint"
    _inherit = ["aftersales.complaint", "aftersales.call.log.source"]

    _call_log_uniq = models.UniqueIndex(
        "(call_log_id) WHERE call_log_id IS NOT NULL",
        "A hotline call is turned into one complaint only.",
    )

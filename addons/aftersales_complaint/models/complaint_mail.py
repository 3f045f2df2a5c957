# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AftersalesComplaint(models.Model):
    """I1, C1: a mail to the company's complaint address registers a
    complaint at its first step (Record), channel e-mail
    (aftersales.mail.intake.mixin); a reply lands in its chatter."""

    _inherit = "aftersales.complaint"  # pylint: disable=consider-merging-classes-inherited

    _mail_intake_text_field = "description"
    _mail_intake_text_limit = 4000

    @api.model
    def _prepare_mail_intake_vals(self, text, partner, company):
        """The category is the desk's to choose before submitting."""
        values = super()._prepare_mail_intake_vals(text, partner, company)
        values["category_id"] = self.env.ref("aftersales_complaint.categ_to_classify").id
        return values

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.aftersales_base.roles import DESK, TECHNICIAN

CONTACT_NOTE_LIMIT = 1000


class AftersalesServiceRequest(models.Model):
    """The response level's moment (T2, S5): the first contact with the
    customer, logged by the Contacted step, by a message sent to the customer
    from the chatter by an employee, or by the arrival."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited

    def action_mark_contacted(self, note=False):
        """The desk, the supervisor or the job's technician called the
        customer (S5): the response is met now, unless it was earlier; the
        optional note goes to the chatter."""
        self._ensure_role((DESK, TECHNICIAN), self.env._("log a contact with the customer"))
        if not self.env.su and not self.env.user.has_group(DESK):
            self._ensure_own_job(self.env._("log a contact with the customer of"))
        self.check_access("write")
        closed = self.filtered(lambda r: r.state in ("done", "cancelled"))
        if closed:
            raise UserError(
                self.env._(
                    "%s is closed: a contact is logged on an open request.",
                    ", ".join(closed.mapped("name")),
                )
            )
        note = (note or "").strip()
        if len(note) > CONTACT_NOTE_LIMIT:
            raise ValidationError(
                self.env._(
                    "The contact note is %(length)s characters long: at most %(limit)s are "
                    "accepted.",
                    length=len(note),
                    limit=CONTACT_NOTE_LIMIT,
                )
            )
        self._record_level_met("date_responded")
        body = Markup("<p>%s</p>") % self.env._("Customer contacted.")
        if note:
            body += Markup("<p>%s</p>") % note
        self._message_log_batch(dict.fromkeys(self.ids, body))
        return True

    def message_post(self, **kwargs):
        message = super().message_post(**kwargs)
        if self._is_contact_with_customer(message):
            # the suite's own step, whoever may post (X6: not a write by the poster)
            self.sudo()._record_level_met("date_responded", message.date)
        return message

    def _is_contact_with_customer(self, message):
        """``message`` is sent to the customer (not an internal note) by an
        employee (not the customer, not the system)."""
        if len(self) != 1 or self.date_responded or self.state in ("done", "cancelled"):
            return False
        user = self.env.user
        if user.share or user._is_superuser() or message.message_type != "comment":
            return False
        if not message.subtype_id or message.subtype_id.internal:
            return False
        customer = self.commercial_partner_id
        recipients = message.sudo().partner_ids | self.sudo().message_partner_ids
        return customer in recipients.commercial_partner_id

    def action_open_contact_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customer Contacted"),
            "res_model": "aftersales.contact.customer",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

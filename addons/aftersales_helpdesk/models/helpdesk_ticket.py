# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext


class HelpdeskTicket(models.Model):
    """C12: a helpdesk ticket escalated to an after-sales complaint; the
    ticket and the complaint point at each other."""

    _inherit = "helpdesk.ticket"

    aftersales_complaint_id = fields.Many2one(
        "aftersales.complaint",
        string="Complaint",
        copy=False,
        readonly=True,
        index="btree_not_null",
        tracking=True,
    )

    def _check_complaint_link(self, vals_list):
        """X6: the link is made by the escalation only, both ways at once."""
        Complaint = self.env["aftersales.complaint"]
        if Complaint._process_write_allowed():
            return
        if any(vals.get("aftersales_complaint_id") for vals in vals_list):
            raise Complaint._process_error({"helpdesk_ticket_id"})

    @api.model_create_multi
    def create(self, vals_list):
        self._check_complaint_link(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if "aftersales_complaint_id" in vals:
            self._check_complaint_link([{"aftersales_complaint_id": True}])
        return super().write(vals)

    def action_escalate_to_complaint(self):
        self.ensure_one()
        if self.aftersales_complaint_id:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s is already complaint %(complaint)s.",
                    ticket=self.number,
                    complaint=self.aftersales_complaint_id.name,
                )
            )
        if not self.partner_id:
            raise UserError(
                self.env._("Set the ticket's contact: a complaint needs a complainant.")
            )
        category = self.category_id.aftersales_complaint_category_id
        if not category:
            raise UserError(
                self.env._(
                    "Map the ticket category “%(category)s” to a complaint category first "
                    "(Helpdesk configuration, categories).",
                    category=self.category_id.name or self.env._("none"),
                )
            )
        Complaint = self.env["aftersales.complaint"]
        complaint = Complaint._create_process(self._prepare_complaint_vals(category))
        with Complaint._process_writing():
            self.aftersales_complaint_id = complaint
        self.message_post(
            body=self.env._("Escalated to complaint %(name)s.", name=complaint.name),
            subtype_xmlid="mail.mt_note",
        )
        return self.action_view_aftersales_complaint()

    def _prepare_complaint_vals(self, category):
        """The complaint the ticket escalates to, in ``category``."""
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id,
            "channel": "helpdesk",
            "category_id": category.id,
            "description": f"{self.name}\n\n{html2plaintext(self.description or '')}".strip(),
            "helpdesk_ticket_id": self.id,
            "company_id": self.company_id.id or self.env.company.id,
        }

    def action_view_aftersales_complaint(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "aftersales.complaint",
            "res_id": self.aftersales_complaint_id.id,
            "view_mode": "form",
        }

    def _aftersales_close(self):
        """Moves the tickets to the first closed stage of their company."""
        stages = self.env["helpdesk.ticket.stage"].sudo().search([("closed", "=", True)])
        for ticket in self.filtered(lambda t: not t.closed):
            stage = stages.filtered(
                lambda s, t=ticket: not s.company_id or s.company_id == t.company_id
            )[:1]
            if stage:
                ticket.sudo().stage_id = stage

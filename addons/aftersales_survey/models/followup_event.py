# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_base.roles import DESK

# Customers are called two weeks before an event, and the letter follows
# within two working days (V5, T1).
ANNOUNCE_DAYS = 14
LETTER_DAYS = 2


class AftersalesFollowupEvent(models.Model):
    """A customer event (gathering, discount or free-service campaign):
    announcing it plans a call to each invited customer two weeks ahead and
    the letter within two days after the call (V5)."""

    _name = "aftersales.followup.event"
    _description = "Customer Event"
    _inherit = ["mail.thread", "aftersales.process.mixin"]
    _order = "date_event desc, id desc"
    _process_fields = ("state",)

    name = fields.Char(required=True)
    event_type = fields.Selection(
        [
            ("gathering", "Customer Gathering"),
            ("discount", "Discount Campaign"),
            ("free_service", "Free Service Campaign"),
        ],
        required=True,
        default="free_service",
    )
    date_event = fields.Date(string="Event Date", required=True)
    partner_ids = fields.Many2many("res.partner", string="Invited Customers")
    description = fields.Text(string="Announcement")
    state = fields.Selection(
        [("draft", "Draft"), ("announced", "Announced"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    followup_ids = fields.One2many("aftersales.followup", "event_id", string="Calls and Letters")
    followup_count = fields.Integer(compute="_compute_followup_count")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    def _compute_followup_count(self):
        counts = dict(
            self.env["aftersales.followup"]._read_group(
                [("event_id", "in", self.ids)], ["event_id"], ["__count"]
            )
        )
        for event in self:
            event.followup_count = counts.get(event, 0)

    def _set_state(self, state):
        """The one way an event changes state (V5, X6): announced once, two
        weeks ahead, with its calls and letters planned; or cancelled with
        the calls and letters still to do."""
        if state == "announced":
            label = self.env._("announce the event")
            for event in self:
                if event.state != "draft":
                    raise UserError(self.env._("%s has already been announced.", event.name))
            self._ensure_role(DESK, label)
            for event in self:
                today = event.company_id._aftersales_today()
                if not event.partner_ids:
                    raise UserError(self.env._("Invite customers to %s first.", event.name))
                if event.date_event - timedelta(days=ANNOUNCE_DAYS) < today:
                    raise UserError(
                        self.env._(
                            "%s is less than two weeks away: customers are told two weeks ahead.",
                            event.name,
                        )
                    )
            self._plan_followups()
        elif state == "cancelled":
            label = self.env._("cancel the event")
            self._ensure_state(("draft", "announced"), label)
            self._ensure_role(DESK, label)
            self.followup_ids.filtered(lambda f: f.state == "todo")._set_state("cancelled")
        else:
            raise UserError(self.env._("An event is created as a draft."))
        self._write_process({"state": state})
        return True

    def _prepare_followup_vals(self, partner):
        """What the call and the letter announcing the event to ``partner``
        share (their kind and dates are added to it)."""
        self.ensure_one()
        return {
            "event_id": self.id,
            "partner_id": partner.id,
            "content": self.description or self.name,
            "company_id": self.company_id.id,
            "user_id": False,
        }

    def _plan_followups(self):
        # the call two weeks before the event (calendar days: a date counted
        # back), the letter within two working days after the call (T1)
        call_days = {event: event.date_event - timedelta(days=ANNOUNCE_DAYS) for event in self}
        letter_days = dict(
            zip(
                self,
                self.env["res.company"]._aftersales_plan_days_grouped(
                    [(event.company_id, call_days[event], LETTER_DAYS) for event in self]
                ),
                strict=True,
            )
        )
        vals_list = []
        for event in self:
            call_day = call_days[event]
            for partner in event.partner_ids:
                common = event._prepare_followup_vals(partner)
                vals_list += [
                    dict(common, kind="call", date_planned=call_day, date_deadline=call_day),
                    dict(
                        common,
                        kind="letter",
                        date_planned=call_day,
                        date_deadline=letter_days[event],
                    ),
                ]
        return (
            self.env["aftersales.followup"].with_context(mail_create_nolog=True).create(vals_list)
        )

    def action_announce(self):
        return self._set_state("announced")

    def action_cancel(self):
        return self._set_state("cancelled")

    def action_view_followups(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Calls and Letters"),
            "res_model": "aftersales.followup",
            "view_mode": "list,form",
            "domain": [("event_id", "=", self.id)],
        }

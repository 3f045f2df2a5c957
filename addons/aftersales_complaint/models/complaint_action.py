# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class AftersalesComplaintAction(models.Model):
    """A corrective or preventive action (C9) with its owner, deadline and
    effectiveness review; an effective improvement may earn a reward (C8)."""

    _name = "aftersales.complaint.action"
    _description = "Complaint Corrective Action"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.batch.mixin"]
    _order = "date_deadline, id"
    _check_company_auto = True

    name = fields.Char(string="Action", required=True, tracking=True)
    complaint_id = fields.Many2one(
        "aftersales.complaint", required=True, index=True, ondelete="cascade", check_company=True
    )
    kind = fields.Selection(
        [("corrective", "Corrective"), ("preventive", "Preventive")],
        default="corrective",
        required=True,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    date_deadline = fields.Date(string="Deadline", required=True, index=True, tracking=True)
    state = fields.Selection(
        [
            ("open", "Open"),
            ("implemented", "Implemented"),
            ("reviewed", "Reviewed"),
            ("cancelled", "Cancelled"),
        ],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    date_implemented = fields.Date(readonly=True, copy=False)
    effectiveness = fields.Selection(
        [("effective", "Effective"), ("ineffective", "Not Effective")],
        tracking=True,
        copy=False,
    )
    review_note = fields.Text(string="Review", tracking=True, copy=False)
    reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    overdue_reminded = fields.Boolean(readonly=True, copy=False)
    reward_ids = fields.One2many("aftersales.complaint.penalty", "action_id")
    company_id = fields.Many2one(related="complaint_id.company_id", store=True, index=True)

    def write(self, vals):
        if "date_deadline" in vals:
            vals = dict(vals, overdue_reminded=False)
        return super().write(vals)

    def action_implemented(self):
        if self.filtered(lambda a: a.state != "open"):
            raise UserError(self.env._("Only an open action can be marked implemented."))
        today = self.env.company._aftersales_today()
        self.write({"state": "implemented", "date_implemented": today})

    def action_review(self):
        """The effectiveness review, by a supervisor or manager."""
        self.complaint_id._check_group(
            "aftersales_warranty.group_aftersales_supervisor", self.env._("review")
        )
        for action in self:
            if action.state != "implemented":
                raise UserError(
                    self.env._("%(name)s must be implemented before its review.", name=action.name)
                )
            if not action.effectiveness:
                raise UserError(self.env._("Say whether %(name)s worked.", name=action.name))
        self.write({"state": "reviewed", "reviewed_by_id": self.env.user.id})

    def action_cancel(self):
        if self.filtered(lambda a: a.state == "reviewed"):
            raise UserError(self.env._("A reviewed action stays on record."))
        self.write({"state": "cancelled"})

    def action_reward(self):
        """C8: an improvement that worked earns its owner a draft reward."""
        self.complaint_id._check_group(
            "aftersales_warranty.group_aftersales_manager", self.env._("reward")
        )
        for action in self:
            if action.state != "reviewed" or action.effectiveness != "effective":
                raise UserError(
                    self.env._(
                        "Only an improvement reviewed as effective earns a reward (%(name)s).",
                        name=action.name,
                    )
                )
        amount = float(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("aftersales_complaint.reward_amount", 100.0)
        )
        return self.env["aftersales.complaint.penalty"].create(
            [
                {
                    "complaint_id": action.complaint_id.id,
                    "action_id": action.id,
                    "user_id": action.user_id.id,
                    "kind": "reward",
                    "role": "improvement",
                    "fixed_amount": amount,
                    "note": action.name,
                }
                for action in self
                if not action.reward_ids.filtered(lambda r: r.state != "cancelled")
            ]
        )

    @api.model
    def _remind_overdue_batch(self, today, limit):
        actions = self._locked_batch(
            [
                ("state", "=", "open"),
                ("overdue_reminded", "=", False),
                ("date_deadline", "<", today),
            ],
            limit,
        )
        if not actions:
            return 0
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": action.id,
                    "activity_type_id": todo.id,
                    "user_id": action.user_id.id,
                    "date_deadline": today,
                    "summary": self.env._("Corrective action overdue"),
                }
                for action in actions
            ]
        )
        actions.with_context(tracking_disable=True).write({"overdue_reminded": True})
        body = self.env._("Deadline passed: the owner was reminded.")
        actions._message_log_batch(dict.fromkeys(actions.ids, body))
        return len(actions)

    @api.model
    def _cron_remind_overdue(self, batch_size=500):
        today = self.env.company._aftersales_today()
        return self._run_batches(lambda: self._remind_overdue_batch(today, batch_size))

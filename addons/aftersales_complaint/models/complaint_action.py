# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.aftersales_base.lang import in_company_lang
from odoo.addons.aftersales_base.roles import MANAGER, QUALITY, SUPERVISOR

# The one path of an action (X6): the states each state is reached from.
TRANSITIONS = {
    "implemented": ("open",),
    "reviewed": ("implemented",),
    "cancelled": ("open", "implemented"),
}


class AftersalesComplaintAction(models.Model):
    """A corrective or preventive action (C9) with its owner, deadline and
    effectiveness review; an effective improvement may earn a reward (C8)."""

    _name = "aftersales.complaint.action"
    _description = "Complaint Corrective Action"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.activity.mixin",
        "aftersales.batch.mixin",
        "aftersales.process.mixin",
    ]
    _order = "date_deadline, id"
    _check_company_auto = True
    # X6: written only by the action's transition ``_set_state()`` (and the
    # overdue reminder's own flag), never by write(), create() or import.
    _process_fields = (
        "state",
        "date_implemented",
        "effectiveness",
        "reviewed_by_id",
        "date_reviewed",
        "overdue_reminded",
    )

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
        copy=False,
    )
    date_implemented = fields.Date(readonly=True, copy=False)
    effectiveness = fields.Selection(
        [("effective", "Effective"), ("ineffective", "Not Effective")],
        readonly=True,
        tracking=True,
        copy=False,
        help="Decided by the review (a supervisor or manager who does not own the action).",
    )
    review_note = fields.Text(string="Review", tracking=True, copy=False)
    reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_reviewed = fields.Datetime(readonly=True, copy=False)
    overdue_reminded = fields.Boolean(readonly=True, copy=False)
    reward_ids = fields.One2many("aftersales.ledger.entry", "action_id")
    company_id = fields.Many2one(related="complaint_id.company_id", store=True, index=True)

    def write(self, vals):
        if "review_note" in vals and self.filtered(lambda a: a.state in ("reviewed", "cancelled")):
            raise UserError(self.env._("The review of a reviewed action stays as it was written."))
        result = super().write(vals)
        if "date_deadline" in vals:
            # A new deadline is reminded again when it passes.
            self.filtered("overdue_reminded")._write_process({"overdue_reminded": False})
        return result

    # -- the steps ------------------------------------------------------------
    def action_implemented(self):
        """C9: the owner (or a supervisor) reports the action implemented."""
        self._ensure_state(("open",), self.env._("Implemented"))
        if not (self.env.su or self.env.user.has_group(SUPERVISOR)):
            others = self.filtered(lambda a: a.user_id != self.env.user)
            if others:
                raise AccessError(
                    self.env._(
                        "Only the owner of %(name)s or a supervisor reports it implemented.",
                        name=others[0].name,
                    )
                )
        self._set_state("implemented", {"date_implemented": self.env.company._aftersales_today()})
        return True

    def action_review_effective(self):
        """C9: the effectiveness review found that the action worked."""
        return self._review("effective")

    def action_review_ineffective(self):
        """C9: the effectiveness review found that the action did not work."""
        return self._review("ineffective")

    def _review(self, effectiveness):
        """The effectiveness review, by a supervisor or manager who does not
        own the action (nobody reviews his own work)."""
        self._ensure_state(("implemented",), self.env._("Review"))
        self._ensure_role((SUPERVISOR, QUALITY), self.env._("review corrective actions"))
        own = self.filtered(lambda a: a.user_id == self.env.user)
        if own:
            raise AccessError(
                self.env._(
                    "%(name)s is your own action: another supervisor or manager reviews it.",
                    name=own[0].name,
                )
            )
        self._set_state(
            "reviewed",
            {
                "effectiveness": effectiveness,
                "reviewed_by_id": self.env.user.id,
                "date_reviewed": fields.Datetime.now(),
            },
        )
        return True

    def action_cancel(self):
        """A supervisor drops an action that is not reviewed yet."""
        if self.filtered(lambda a: a.state == "reviewed"):
            raise UserError(self.env._("A reviewed action stays on record."))
        self._ensure_state(("open", "implemented"), self.env._("Cancel"))
        self._ensure_role(SUPERVISOR, self.env._("cancel corrective actions"))
        self._set_state("cancelled")
        return True

    def action_reward(self):
        """C8: an improvement that worked earns its owner a draft reward."""
        self._ensure_role(MANAGER, self.env._("reward an improvement"))
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
        self.env["aftersales.ledger.entry"].create(
            [
                action._prepare_reward_vals(amount)
                for action in self
                if not action.reward_ids.filtered(lambda r: r.state != "cancelled")
            ]
        )
        return True

    def _prepare_reward_vals(self, amount):
        """The draft reward of the action's owner."""
        self.ensure_one()
        return {
            "complaint_id": self.complaint_id.id,
            "action_id": self.id,
            "user_id": self.user_id.id,
            "kind": "reward",
            "role": "improvement",
            "fixed_amount": amount,
            "note": self.name,
        }

    # -- the one transition -----------------------------------------------------
    def _set_state(self, state, values=None):
        """The one transition of a corrective action (X6): from the state
        before it, with the step's own values; tracked in the chatter."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for action in self:
            if action.state not in TRANSITIONS.get(state, ()):
                raise UserError(
                    self.env._(
                        "%(name)s is “%(current)s”: it cannot become “%(state)s”.",
                        name=action.name,
                        current=labels[action.state],
                        state=labels.get(state, state),
                    )
                )
        return self._write_process(dict(values or {}, state=state))

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
        self._aftersales_schedule_activities(
            [
                {
                    "record": action,
                    "user": action.user_id,
                    "date_deadline": today,
                    "summary": self.env._("Corrective action overdue"),
                }
                for action in actions
            ]
        )
        actions.with_context(tracking_disable=True)._write_process({"overdue_reminded": True})
        body = self.env._("Deadline passed: the owner was reminded.")
        actions._message_log_batch(dict.fromkeys(actions.ids, body))
        return len(actions)

    @api.model
    @in_company_lang
    def _cron_remind_overdue(self, batch_size=500):
        today = self.env.company._aftersales_today()
        return self._run_batches(lambda: self._remind_overdue_batch(today, batch_size))

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

RESULTS = [
    ("satisfied", "Satisfied"),
    ("resolved", "Request Answered"),
    ("unresolved", "Request Unresolved"),
    ("no_answer", "No Answer"),
]
# An unresolved request goes to the supervisor within this many days (V5).
REPORT_DAYS = 2


class AftersalesFollowup(models.Model):
    """A follow-up call or letter (V5, V6) as the registers of the seed keep
    them (跟踪服务电话记录表 / 信函登记表): who, when, which customer, what
    was said, what the customer asked for and the result."""

    _name = "aftersales.followup"
    _description = "Follow-up Call or Letter"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.numbered.mixin"]
    _sequence_code = "aftersales.followup"
    _order = "date_planned, id"

    kind = fields.Selection(
        [("call", "Phone Call"), ("letter", "Letter")], default="call", required=True
    )
    rule_id = fields.Many2one("aftersales.followup.rule", readonly=True, index="btree_not_null")
    event_id = fields.Many2one("aftersales.followup.event", readonly=True, index="btree_not_null")
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True)
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    request_id = fields.Many2one(
        "aftersales.service.request", string="Service Request", index="btree_not_null"
    )
    user_id = fields.Many2one(
        "res.users", string="Made By", default=lambda self: self.env.user, tracking=True
    )
    date_planned = fields.Date(string="Planned On", required=True, default=fields.Date.today)
    date_deadline = fields.Date(string="Due By", required=True, default=fields.Date.today)
    date_done = fields.Datetime(string="Made On", readonly=True, copy=False)
    content = fields.Text(string="What Was Said")
    customer_request = fields.Text(string="Customer's Request")
    result = fields.Selection(RESULTS, tracking=True)
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="todo",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _rule_once_per_request = models.UniqueIndex(
        "(rule_id, request_id) WHERE rule_id IS NOT NULL AND request_id IS NOT NULL",
        "A follow-up rule plans one call per service request.",
    )
    _event_once_per_customer = models.UniqueIndex(
        "(event_id, partner_id, kind) WHERE event_id IS NOT NULL",
        "An event is announced once per customer by phone and once by letter.",
    )
    _window_order = models.Constraint(
        "CHECK(date_deadline >= date_planned)", "A follow-up is due after it is planned."
    )

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for followup in self:
            followup.is_overdue = followup.state == "todo" and followup.date_deadline < today

    def action_done(self):
        for followup in self:
            if followup.state != "todo":
                raise UserError(self.env._("%s is not to do any more.", followup.name))
            if not followup.result:
                raise UserError(self.env._("Record the result of %s first.", followup.name))
            if followup.kind == "call" and followup.result != "no_answer" and not followup.content:
                raise UserError(self.env._("Write down what was said in %s.", followup.name))
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        self.filtered(lambda f: f.result == "unresolved")._report_to_supervisor()
        return True

    def action_cancel(self):
        if self.filtered(lambda f: f.state != "todo"):
            raise UserError(self.env._("Only a follow-up to do can be cancelled."))
        self.write({"state": "cancelled"})
        return True

    def _report_to_supervisor(self):
        """What the clerk could not answer goes to the supervisor, due
        within two days (V5)."""
        if not self:
            return
        due = fields.Date.context_today(self) + timedelta(days=REPORT_DAYS)
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": followup.id,
                    "activity_type_id": todo.id,
                    "user_id": (
                        followup.request_id.supervisor_id
                        or followup.company_id._aftersales_service_manager()
                    ).id,
                    "date_deadline": due,
                    "summary": self.env._("Unresolved customer request"),
                    "note": followup.customer_request or followup.content or "",
                }
                for followup in self
            ]
        )

    # Planning (V5, V6) -----------------------------------------------------

    @api.model
    def _cron_plan(self):
        """Plan the calls of every active rule for the jobs and calls that
        have reached them; idempotent (one follow-up per rule and request)."""
        today = fields.Date.context_today(self)
        horizon = today - timedelta(days=60)
        Survey = self.env["aftersales.service.survey"]
        planned = self.browse()
        for rule in self.env["aftersales.followup.rule"].search([("active", "=", True)]):
            existing = self.search([("rule_id", "=", rule.id), ("request_id", "!=", False)])
            skip = set(existing.request_id.ids)
            if rule.trigger == "previous":
                bases = [
                    (f.request_id, f.partner_id, fields.Date.context_today(self, f.date_done))
                    for f in self.search(
                        [
                            ("rule_id", "=", rule.previous_rule_id.id),
                            ("state", "=", "done"),
                            ("request_id", "!=", False),
                            ("date_done", ">=", Survey._local_midnight(horizon)),
                        ]
                    )
                ]
            else:
                domain = [
                    ("state", "=", "done"),
                    ("date_done", ">=", Survey._local_midnight(horizon)),
                ]
                if rule.trigger == "pickup":
                    domain.append(("receipt_id", "!=", False))
                bases = [
                    (r, r.partner_id, fields.Date.context_today(self, r.date_done))
                    for r in self.env["aftersales.service.request"].search(domain)
                ]
            vals_list = []
            for request, partner, base_day in bases:
                if request.id in skip:
                    continue
                date_from, date_to = rule._window(base_day)
                if date_from > today + timedelta(days=1):
                    continue  # not yet: planned the day before
                skip.add(request.id)
                vals_list.append(
                    {
                        "kind": rule.kind,
                        "rule_id": rule.id,
                        "request_id": request.id,
                        "partner_id": partner.id,
                        "user_id": rule.user_id.id,
                        "date_planned": date_from,
                        "date_deadline": date_to,
                        "content": rule.content,
                        "company_id": request.company_id.id,
                    }
                )
            planned |= self.with_context(mail_create_nolog=True).create(vals_list)
        return planned

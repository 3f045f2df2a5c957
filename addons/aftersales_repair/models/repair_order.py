# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aftersales_base.lang import in_company_lang
from odoo.addons.aftersales_base.roles import SUPERVISOR, TECHNICIAN

INSPECTION_NOTE_LIMIT = 4000


class RepairOrder(models.Model):
    """Odoo's repair order as the after-sales repair card (S8): the service
    request it comes from, the promised date, time lines per technician, the
    parts (Odoo's repair parts), the supervisor's inspection before return and
    the escalation of repairs past their promised date (S9)."""

    _name = "repair.order"
    _inherit = [
        "repair.order",
        "aftersales.activity.mixin",
        "aftersales.batch.mixin",
        "aftersales.process.mixin",
    ]
    # Only the suite's own steps on the repair (X6): the supervisor's
    # inspection and the overdue escalation. Odoo's repair fields and flow
    # (state, parts, ...) are untouched.
    _process_fields = (
        "aftersales_inspected_by_id",
        "aftersales_date_inspected",
        "aftersales_overdue_escalated",
    )

    aftersales_request_id = fields.Many2one(
        "aftersales.service.request", string="Service Request", readonly=True, index=True
    )
    aftersales_receipt_id = fields.Many2one(
        "aftersales.goods.receipt", string="Product Receipt", readonly=True
    )
    aftersales_receipt_state = fields.Selection(related="aftersales_receipt_id.state")
    aftersales_date_promised = fields.Date(string="Promised For", tracking=True, index=True)
    aftersales_time_ids = fields.One2many(
        "aftersales.repair.time", "repair_id", string="Repair Time"
    )
    aftersales_hours = fields.Float(
        string="Hours Spent", compute="_compute_aftersales_hours", store=True
    )
    aftersales_inspected_by_id = fields.Many2one(
        "res.users", string="Inspected By", readonly=True, copy=False, tracking=True
    )
    aftersales_date_inspected = fields.Datetime(string="Inspected On", readonly=True, copy=False)
    # The repair's completion (set when it is done): what the satisfaction
    # survey and the scorecards date a workshop job by.
    aftersales_date_done = fields.Datetime(string="Repaired On", readonly=True, copy=False)
    aftersales_inspection_note = fields.Text(string="Inspection Note")

    @api.constrains("aftersales_inspection_note")
    def _check_aftersales_inspection_note(self):
        limit = INSPECTION_NOTE_LIMIT
        for repair in self:
            if len(repair.aftersales_inspection_note or "") > limit:
                raise ValidationError(
                    self.env._(
                        "%(field)s of %(name)s is %(length)s characters long: at most "
                        "%(limit)s are accepted.",
                        field=self._fields["aftersales_inspection_note"].get_description(self.env)[
                            "string"
                        ],
                        name=repair.name,
                        length=len(repair.aftersales_inspection_note),
                        limit=limit,
                    )
                )

    aftersales_overdue_escalated = fields.Boolean(readonly=True, copy=False)

    @api.depends("aftersales_time_ids.hours")
    def _compute_aftersales_hours(self):
        for repair in self:
            repair.aftersales_hours = sum(repair.aftersales_time_ids.mapped("hours"))

    def action_aftersales_inspect(self):
        """The supervisor inspects the repaired product before it goes back."""
        if not self.env.user.has_group(SUPERVISOR):
            raise AccessError(self.env._("Only a supervisor inspects repairs."))
        self.check_access("write")
        for repair in self:
            if repair.state != "done":
                raise UserError(
                    self.env._("%s is not repaired yet: end the repair first.", repair.name)
                )
            if not repair.aftersales_time_ids:
                raise UserError(
                    self.env._(
                        "The repair card of %s has no time line: record the repair time.",
                        repair.name,
                    )
                )
        self._write_process(
            {
                "aftersales_inspected_by_id": self.env.user.id,
                "aftersales_date_inspected": fields.Datetime.now(),
            }
        )
        return True

    def action_aftersales_return(self):
        self.ensure_one()
        self._ensure_role(
            (TECHNICIAN, "stock.group_stock_user"), self.env._("give the product back")
        )
        if not self.aftersales_receipt_id:
            raise UserError(
                self.env._("%s has no product receipt: nothing to give back.", self.name)
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return to Customer"),
            "res_model": "aftersales.return.product",
            "view_mode": "form",
            "target": "new",
            "context": {"default_repair_id": self.id},
        }

    @api.model
    def _escalate_overdue_batch(self, today, limit):
        """Repairs past their promised date, product still in the workshop:
        the service manager gets an activity, once (S9)."""
        repairs = self._locked_batch(
            [
                ("aftersales_date_promised", "<", today),
                ("aftersales_overdue_escalated", "=", False),
                ("aftersales_receipt_id.state", "=", "in"),
            ],
            limit,
        )
        if not repairs:
            return 0
        self._aftersales_schedule_activities(
            [
                {
                    "record": repair,
                    "user": repair.company_id._aftersales_service_manager(),
                    "date_deadline": today,
                    "summary": self.env._(
                        "Repair overdue since %s", repair.aftersales_date_promised
                    ),
                }
                for repair in repairs
            ]
        )
        repairs._write_process({"aftersales_overdue_escalated": True})
        return len(repairs)

    @api.model
    @in_company_lang
    def _cron_escalate_overdue(self, batch_size=500):
        today = self.env.company._aftersales_today()
        return self._run_batches(lambda: self._escalate_overdue_batch(today, batch_size))

    def action_repair_done(self):
        result = super().action_repair_done()
        completed = self.filtered(lambda r: r.state == "done" and not r.aftersales_date_done)
        now = fields.Datetime.now()
        completed.write({"aftersales_date_done": now})
        # the request's resolution level is met by the workshop (T2)
        completed.aftersales_request_id.sudo()._record_level_met("date_resolved", now)
        return result

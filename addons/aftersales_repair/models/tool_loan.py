# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain

from odoo.addons.aftersales_base.lang import in_company_lang

# Who takes a tool back (S13): the warehouse keeper or the service manager.
RETURN_GROUPS = ("stock.group_stock_manager", "aftersales_base.group_aftersales_manager")


class AftersalesToolLoan(models.Model):
    """The register of special tools lent to technicians (S13, S5): which
    tool, to whom, when it went out, when it is due and when it came back.
    Tools not back by their due date are reminded once to the technician."""

    _name = "aftersales.tool.loan"
    _description = "Special Tool Loan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.activity.mixin",
        "aftersales.batch.mixin",
        "aftersales.numbered.mixin",
        "aftersales.process.mixin",
    ]
    # X6: written only by the loan's transition ``_set_state()`` (and the
    # overdue reminder's own flag), never by write(), create() or import.
    _process_fields = ("state", "date_returned", "overdue_reminded")
    _sequence_code = "aftersales.tool.loan"
    _order = "date_out desc, id desc"
    _check_company_auto = True

    product_id = fields.Many2one(
        "product.product", string="Tool", required=True, tracking=True, check_company=True
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        domain="[('product_id', '=', product_id)]",
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Technician", required=True, index=True, tracking=True
    )
    request_id = fields.Many2one(
        "aftersales.service.request", string="For Job", index=True, check_company=True
    )
    date_out = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    date_due = fields.Date(required=True, index=True, tracking=True)
    date_returned = fields.Datetime(readonly=True, copy=False, tracking=True)
    state = fields.Selection(
        [("out", "On Loan"), ("returned", "Returned")],
        default="out",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    overdue_reminded = fields.Boolean(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.constrains("date_out", "date_due")
    def _check_dates(self):
        for loan in self:
            if loan.date_due < loan.date_out.date():
                raise ValidationError(self.env._("A tool is due back after it went out."))

    def _compute_is_overdue(self):
        for loan in self:
            today = loan.company_id._aftersales_today()
            loan.is_overdue = loan.state == "out" and loan.date_due < today

    def _search_is_overdue(self, operator, value):
        # Odoo hands a boolean search over as ``in`` (``not in`` is derived).
        if operator != "in":
            return NotImplemented
        today = self.env.company._aftersales_today()
        overdue = Domain("state", "=", "out") & Domain("date_due", "<", today)
        if True in value and False in value:
            return Domain.TRUE
        # ``~`` negates the whole condition, not only its first term.
        return overdue if True in value else ~overdue

    def write(self, vals):
        result = super().write(vals)
        if "date_due" in vals:
            # A new due date is reminded again when it passes.
            self.filtered("overdue_reminded")._write_process({"overdue_reminded": False})
        return result

    def action_return(self):
        """S13: the keeper takes the tool back."""
        if self.filtered(lambda loan: loan.state != "out"):
            raise UserError(self.env._("This tool is already back."))
        if not (self.env.su or any(self.env.user.has_group(g) for g in RETURN_GROUPS)):
            raise AccessError(
                self.env._("Only the warehouse keeper or the service manager takes a tool back.")
            )
        self._set_state("returned", {"date_returned": fields.Datetime.now()})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def _set_state(self, state, values=None):
        """The one transition of a loan (X6): out → returned, tracked."""
        if state != "returned" or self.filtered(lambda loan: loan.state != "out"):
            raise UserError(self.env._("A tool on loan can only come back."))
        return self._write_process(dict(values or {}, state=state))

    @api.model
    def _remind_overdue_batch(self, today, limit):
        loans = self._locked_batch(
            [("state", "=", "out"), ("date_due", "<", today), ("overdue_reminded", "=", False)],
            limit,
        )
        if not loans:
            return 0
        self._aftersales_schedule_activities(
            [
                {
                    "record": loan,
                    "user": loan.user_id,
                    "date_deadline": today,
                    "summary": self.env._(
                        "Bring back %(tool)s (due %(due)s)",
                        tool=loan.product_id.display_name,
                        due=loan.date_due,
                    ),
                }
                for loan in loans
            ]
        )
        loans._write_process({"overdue_reminded": True})
        return len(loans)

    @api.model
    @in_company_lang
    def _cron_remind_overdue(self, batch_size=500):
        today = self.env.company._aftersales_today()
        return self._run_batches(lambda: self._remind_overdue_batch(today, batch_size))

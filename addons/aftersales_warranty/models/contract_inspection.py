# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_base.roles import MANAGER, TECHNICIAN


class AftersalesContractInspection(models.Model):
    """A periodic inspection a maintenance contract promises (W6), planned
    when the contract starts, done by a technician with a report."""

    _name = "aftersales.contract.inspection"
    _description = "Contract Inspection"
    _inherit = ["mail.thread", "aftersales.process.mixin"]
    _order = "date_planned, id"
    _process_fields = ("state", "date_done")

    contract_id = fields.Many2one(
        "aftersales.maintenance.contract", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    date_planned = fields.Date(string="Planned On", required=True, index=True)
    date_done = fields.Date(string="Done On", readonly=True, copy=False)
    user_id = fields.Many2one("res.users", string="Technician", domain="[('share', '=', False)]")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    report = fields.Html(string="Inspection Report")

    def _set_state(self, state):
        """The one way an inspection changes state (X6): a technician (or
        above) records it done with its report; it is cancelled with its
        contract, by the contract's own step."""
        if state == "done":
            label = self.env._("mark the inspection done")
            self._ensure_state(("planned",), label)
            self._ensure_role(TECHNICIAN, label)
            for inspection in self:
                if not inspection.report:
                    raise UserError(
                        self.env._("Write the inspection report before marking it done.")
                    )
            vals = {"state": "done", "date_done": self.env.company._aftersales_today()}
        elif state == "cancelled":
            label = self.env._("cancel the inspection")
            self._ensure_state(("planned",), label)
            if self.contract_id.filtered(lambda c: c.state != "cancelled"):
                self._ensure_role(MANAGER, label)
            vals = {"state": "cancelled"}
        else:
            raise UserError(self.env._("An inspection is planned when its contract starts."))
        self._write_process(vals)
        return True

    def action_done(self):
        if self.filtered(lambda i: i.state != "planned"):
            raise UserError(self.env._("Only a planned inspection can be done."))
        return self._set_state("done")

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class AftersalesContractInspection(models.Model):
    """A periodic inspection a maintenance contract promises (W6), planned
    when the contract starts, done by a technician with a report."""

    _name = "aftersales.contract.inspection"
    _description = "Contract Inspection"
    _inherit = ["mail.thread"]
    _order = "date_planned, id"

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
        tracking=True,
    )
    report = fields.Html(string="Inspection Report")

    def action_done(self):
        if self.filtered(lambda i: i.state != "planned"):
            raise UserError(self.env._("Only a planned inspection can be done."))
        for inspection in self:
            if not inspection.report:
                raise UserError(self.env._("Write the inspection report before marking it done."))
        self.write({"state": "done", "date_done": self.env.company._aftersales_today()})
        return True

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class AftersalesContractBillingForecast(models.TransientModel):
    """The accountant's view of what the daily action will invoice in the
    next three months (P6): computed on opening, never stored for long."""

    _name = "aftersales.contract.billing.forecast"
    _description = "Upcoming Contract Billing Period"
    _order = "date_due, id"

    contract_id = fields.Many2one("aftersales.maintenance.contract", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    date_from = fields.Date(string="From", readonly=True)
    date_to = fields.Date(string="To", readonly=True)
    date_due = fields.Date(string="Invoice On", readonly=True)
    units = fields.Integer(readonly=True)
    amount = fields.Monetary(readonly=True, string="Untaxed Amount")

    @api.model
    def _forecast_vals(self, months=3):
        """The periods the contracts the user may read will bill until
        ``months`` months from the company's today (overdue ones too)."""
        contracts = self.env["aftersales.maintenance.contract"].search(
            [("billing_next_due", "!=", False)]
        )
        vals_list = []
        for company in contracts.company_id:
            until = company._aftersales_today() + relativedelta(months=months)
            mine = contracts.filtered(lambda c, co=company: c.company_id == co)
            for plan in mine._billing_plans(until):
                contract = plan["contract"]
                vals_list.append(
                    {
                        "contract_id": contract.id,
                        "partner_id": contract.partner_id.id,
                        "company_id": company.id,
                        "currency_id": contract.currency_id.id,
                        "date_from": plan["date_from"],
                        "date_to": plan["date_to"],
                        "date_due": plan["date_due"],
                        "units": plan["units"],
                        "amount": plan["amount"],
                    }
                )
        return vals_list

    @api.model
    def action_open_forecast(self):
        self.env["aftersales.maintenance.contract"].check_access("read")
        self.search([("create_uid", "=", self.env.uid)]).unlink()
        rows = self.create(self._forecast_vals())
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Upcoming Contract Invoices"),
            "res_model": self._name,
            "view_mode": "list,pivot",
            "domain": [("id", "in", rows.ids)],
            "context": {"search_default_group_due_month": 1},
        }

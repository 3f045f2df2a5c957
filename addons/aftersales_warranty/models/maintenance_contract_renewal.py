# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, models

from odoo.addons.aftersales_base.lang import in_company_lang


class AftersalesMaintenanceContract(models.Model):
    """The daily lifecycle of maintenance contracts (W5): expiry, the renewal
    notice with its CRM opportunity, and the sales director's warning before a
    free maintenance period ends. Each step works on a batch with a fixed
    number of queries, processes a contract once per term however often it
    runs, and locks what it processes so that two workers never share it."""

    _inherit = "aftersales.maintenance.contract"

    def _param_days(self, key, default):
        return int(self.env["ir.config_parameter"].sudo().get_param(key, default))

    @api.model
    def _expire_batch(self, today, limit):
        contracts = self._locked_batch(
            [("state", "in", ("running", "expiring")), ("date_end", "<", today)], limit
        )
        if not contracts:
            return 0
        contracts.with_context(tracking_disable=True)._set_state("expired")
        body = self.env._("The contract has ended: Running → Expired.")
        contracts._message_log_batch(dict.fromkeys(contracts.ids, body))
        return len(contracts)

    @api.model
    def _renewal_notice_batch(self, today, limit):
        """Renewal notice to the customer and one opportunity for the
        salesperson, for contracts ending within the notice period."""
        notice = self._param_days("aftersales_warranty.renewal_notice_days", 30)
        contracts = self._locked_batch(
            [
                ("state", "=", "running"),
                ("is_free_maintenance", "=", False),
                ("renewal_lead_id", "=", False),
                ("date_end", ">=", today),
                ("date_end", "<=", today + relativedelta(days=notice)),
            ],
            limit,
        )
        if not contracts:
            return 0
        stage = self.env["crm.stage"].search([("is_won", "=", False)], limit=1)
        leads = (
            self.env["crm.lead"]
            .sudo()
            .with_context(mail_create_nolog=True, tracking_disable=True)
            .create([contract._prepare_renewal_lead_vals(stage) for contract in contracts])
        )
        quiet = contracts.with_context(tracking_disable=True)
        for contract, lead in zip(quiet, leads, strict=True):
            contract._set_state("expiring", {"renewal_lead_id": lead.id})
        template = self.env.ref("aftersales_warranty.mail_template_contract_renewal")
        template.sudo().send_mail_batch(contracts.ids)
        bodies = {
            contract.id: self.env._(
                "Renewal notice sent to the customer; opportunity %(lead)s created "
                "for %(user)s. Running → Expiring.",
                lead=contract.renewal_lead_id.name,
                user=contract.user_id.name or "-",
            )
            for contract in contracts
        }
        contracts._message_log_batch(bodies)
        return len(contracts)

    def _prepare_renewal_lead_vals(self, stage):
        self.ensure_one()
        return {
            "name": self.env._("Renewal of %s", self.name),
            "type": "opportunity",
            "partner_id": self.partner_id.id,
            "user_id": self.user_id.id,
            # given, not computed: crm computes a lead's team one lead at a time
            "team_id": self.user_id.sale_team_id.id,
            "company_id": self.company_id.id,
            "expected_revenue": self.fee,
            "date_deadline": self.date_end,
            "stage_id": stage.id,
            "aftersales_contract_id": self.id,
        }

    @api.model
    def _free_period_notice_batch(self, today, limit):
        """An activity for the sales director when a free maintenance period
        ends within the configured notice (three months by default)."""
        notice = self._param_days("aftersales_warranty.free_period_notice_days", 90)
        contracts = self._locked_batch(
            [
                ("state", "in", ("running", "expiring")),
                ("is_free_maintenance", "=", True),
                ("free_end_notified", "=", False),
                ("date_end", ">=", today),
                ("date_end", "<=", today + relativedelta(days=notice)),
            ],
            limit,
        )
        if not contracts:
            return 0
        self._aftersales_schedule_activities(
            [
                {
                    "record": contract,
                    "user": contract._sales_director(),
                    "date_deadline": today,
                    "summary": self.env._("Free maintenance ends on %s", contract.date_end),
                    "note": self.env._(
                        "Offer %(customer)s a paid maintenance contract.",
                        customer=contract.partner_id.name,
                    ),
                }
                for contract in contracts
            ]
        )
        contracts.write({"free_end_notified": True})
        return len(contracts)

    def _sales_director(self):
        self.ensure_one()
        return (
            self.company_id.aftersales_sales_director_id
            or self.user_id.sale_team_id.user_id
            or self.user_id
            or self.env.user
        )

    @api.model
    @in_company_lang
    def _cron_contract_lifecycle(self, batch_size=500):
        today = self.env.company._aftersales_today()
        steps = (self._expire_batch, self._renewal_notice_batch, self._free_period_notice_batch)
        return sum(self._run_batches(lambda s=step: s(today, batch_size)) for step in steps)

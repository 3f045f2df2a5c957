# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, models

from odoo.addons.aftersales_base.roles import MANAGER


class ResCompany(models.Model):
    _inherit = "res.company"

    # The sales director (aftersales_warranty) receives the day's unsolved calls.
    # The last local day whose list was sent: a rerun of the evening action
    # (another worker, a restart) sends nothing twice.
    aftersales_same_day_reported_on = fields.Date(
        string="Unsolved Calls Reported For", readonly=True, copy=False
    )

    # I1: the company's service address (a mail alias): a mail to it opens a
    # service request of this company.
    aftersales_request_alias_id = fields.Many2one(
        "mail.alias", string="Service Request Alias", copy=False, ondelete="set null"
    )
    aftersales_request_alias_name = fields.Char(
        string="Service Request E-mail",
        compute="_compute_aftersales_request_alias_name",
        inverse="_inverse_aftersales_request_alias_name",
        help="The local part of the address customers write to for service: a mail to it "
        "opens a service request of this company.",
    )

    @api.depends("aftersales_request_alias_id.alias_name")
    def _compute_aftersales_request_alias_name(self):
        for company in self:
            company.aftersales_request_alias_name = (
                company.sudo().aftersales_request_alias_id.alias_name
            )

    def _inverse_aftersales_request_alias_name(self):
        for company in self:
            company._aftersales_set_alias(
                "aftersales_request_alias_id",
                "aftersales.service.request",
                company.aftersales_request_alias_name,
            )

    def _aftersales_sales_director(self):
        """Who receives the day's list of unsolved calls: the sales director,
        else the service manager (the list is the seed's written report: it
        always goes to somebody who answers for it)."""
        self.ensure_one()
        return self.aftersales_sales_director_id or self._aftersales_service_manager()

    def _aftersales_setup_steps(self):
        """Repair's essentials (issue 15): a zone with its supervisor and
        technicians, technician certifications, a cash journal (cash
        collected on site) and a service manager."""
        steps = super()._aftersales_setup_steps()
        company = self.sudo()
        zones = self.env["aftersales.zone"].sudo()
        manager = company.aftersales_service_manager_id or (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("all_group_ids", "in", self.env.ref(MANAGER).ids),
                    ("company_ids", "in", company.ids),
                    ("share", "=", False),
                    ("id", "!=", SUPERUSER_ID),
                ],
                limit=1,
            )
        )
        steps += [
            {
                "key": "zones",
                "sequence": 30,
                "name": self.env._("Service zones with a supervisor and technicians"),
                "done": bool(
                    zones.search_count(
                        [
                            ("company_id", "=", company.id),
                            ("supervisor_id", "!=", False),
                            ("technician_ids", "!=", False),
                        ],
                        limit=1,
                    )
                ),
                "action": "aftersales_repair.action_aftersales_zone",
                "hint": self.env._(
                    "Every service request belongs to a zone: its supervisor dispatches the "
                    "calls to the zone's technicians."
                ),
            },
            {
                "key": "certifications",
                "sequence": 40,
                "name": self.env._("Technician certifications"),
                "done": bool(
                    self.env["aftersales.technician.certification"]
                    .sudo()
                    .search_count([("company_id", "=", company.id)], limit=1)
                ),
                "action": "aftersales_repair.action_technician_certification",
                "hint": self.env._(
                    "Only technicians certified for a product category are dispatched to its jobs."
                ),
            },
            {
                "key": "cash_journal",
                "sequence": 50,
                "name": self.env._("Cash journal"),
                "done": bool(
                    self.env["account.journal"]
                    .sudo()
                    .search_count(
                        [
                            *self.env["account.journal"]._check_company_domain(company),
                            ("type", "=", "cash"),
                        ],
                        limit=1,
                    )
                ),
                "action": "account.action_account_journal_form",
                "hint": self.env._(
                    "Cash the technician collects on site is registered in the company's "
                    "cash journal."
                ),
            },
            {
                "key": "service_manager",
                "sequence": 80,
                "name": self.env._("Service manager"),
                "done": bool(manager),
                "action": "base.action_res_users",
                "hint": self.env._(
                    "A user with the After-Sales Service Manager role: receives escalations "
                    "and contacts the customer of every complaint."
                ),
            },
        ]
        return steps

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.aftersales_base.tests.common import make_user

from .common import SIGNATURE, ServiceFixtures


class BillingFixtures(ServiceFixtures):
    """A 15 % sales tax on the labour (80.00 an hour, cost 45.00) and on a
    spare part (50.00, cost 30.00) with stock; an accountant, a warehouse
    keeper and a cash journal."""

    @classmethod
    def setup_billing_fixtures(cls):
        cls.setup_service_fixtures()
        env = cls.env
        company = env.company
        cls.tax = env["account.tax"].create(
            {
                "name": "Test VAT 15%",
                "amount": 15.0,
                "amount_type": "percent",
                "type_tax_use": "sale",
                "company_id": company.id,
            }
        )
        cls.labour = env.ref("aftersales_repair.product_aftersales_labour")
        cls.labour.write(
            {"list_price": 80.0, "standard_price": 45.0, "taxes_id": [Command.set(cls.tax.ids)]}
        )
        cls.part = env["product.product"].create(
            {
                "name": "Test fan motor",
                "is_storable": True,
                "list_price": 50.0,
                "standard_price": 30.0,
                "taxes_id": [Command.set(cls.tax.ids)],
            }
        )
        cls.warehouse = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
        env["stock.quant"]._update_available_quantity(cls.part, cls.warehouse.lot_stock_id, 10)
        cls.customer.property_product_pricelist = False
        cls.cash_journal = env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", company.id)], limit=1
        ) or env["account.journal"].create(
            {"name": "Test Cash", "type": "cash", "code": "TCSH", "company_id": company.id}
        )
        cls.accountant = make_user(
            env, login="as_rep_accountant", groups="account.group_account_invoice"
        )
        cls.keeper = make_user(env, login="as_rep_keeper", groups="stock.group_stock_manager")

    @classmethod
    def make_job(cls, lot=None, hours=(), parts=(), close=True, **vals):
        """A dispatched job on site with time lines (hours per line) and, when
        parts are given, a workshop repair consuming them; closed on site."""
        request = cls.make_request(lot=lot or cls.new_lot(), **vals)
        request.with_user(cls.supervisor).write({"user_id": cls.tech.id})
        request.with_user(cls.tech).action_arrive()
        Time = cls.env["aftersales.repair.time"].with_user(cls.tech)
        for spent in hours:
            Time.create({"request_id": request.id, "hours": spent, "description": "On site"})
        if parts:
            repair = cls.env["repair.order"].create(
                {
                    "partner_id": request.partner_id.id,
                    "aftersales_request_id": request.id,
                    "move_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": qty,
                                "repair_line_type": "add",
                            }
                        )
                        for product, qty in parts
                    ],
                }
            )
            request._write_process({"repair_id": repair.id})
            repair.action_validate()
            if repair.aftersales_deposit_needed:
                cls.pay_deposit(repair)
            repair.action_repair_start()
            repair.action_repair_end()
        if close:
            request.with_user(cls.tech).write(
                {"diagnosis": "Fixed", "customer_signature": SIGNATURE}
            )
            request.with_user(cls.tech).action_close_on_site()
        return request

    @classmethod
    def pay_deposit(cls, repair):
        """A warranty claim's parts deposit, invoiced, posted and paid (S13)."""
        repair.with_user(cls.accountant).action_aftersales_create_deposit()
        deposit = repair.aftersales_deposit_invoice_id
        deposit.action_post()
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=deposit.ids
        ).create({"journal_id": cls.cash_journal.id})._create_payments()
        return deposit

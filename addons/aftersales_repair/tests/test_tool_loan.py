# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.service.model import call_kw
from odoo.tests import TransactionCase, tagged

from odoo.addons.rpc.controllers.xmlrpc import dumps as xmlrpc_dumps

from .billing_common import BillingFixtures

REFUSED = "change only through its steps"
OLD_CONTEXT_KEYS = {"install_mode": True, "aftersales_process_write": True}


@tagged("post_install", "-at_install")
class TestToolLoanRules(BillingFixtures, TransactionCase):
    """S13/X6: a loan's state and return date change only through the
    return, by the warehouse keeper or the service manager; "overdue" and
    "not overdue" are each other's complement."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_billing_fixtures()
        cls.Loan = cls.env["aftersales.tool.loan"]
        cls.tool = cls.env["product.product"].create({"name": "Test flaring tool", "type": "consu"})
        cls.today = fields.Date.context_today(cls.Loan)

    def _loan(self, due_in_days, **vals):
        return self.Loan.with_user(self.keeper).create(
            {
                "product_id": self.tool.id,
                "user_id": self.tech.id,
                "date_out": fields.Datetime.now() - timedelta(days=10),
                "date_due": self.today + timedelta(days=due_in_days),
                **vals,
            }
        )

    def test_s13_state_is_not_written_created_or_imported(self):
        """X6: the keeper cannot mark a tool returned by writing; a loan is
        created out; an import of a returned loan is refused."""
        loan = self._loan(-1)
        keeper = loan.with_user(self.keeper)
        for vals in (
            {"state": "returned"},
            {"date_returned": fields.Datetime.now()},
            {"overdue_reminded": True},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, REFUSED):
                keeper.with_context(**OLD_CONTEXT_KEYS).write(vals)
        with self.assertRaisesRegex(UserError, REFUSED):
            self._loan(3, state="returned")
        result = self.Loan.with_user(self.keeper).load(
            [".id", "state"], [[str(loan.id), "returned"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn(REFUSED, result["messages"][0]["message"])
        self.assertEqual(loan.state, "out")

    def test_s13_return_is_the_transition(self):
        """S13/X6: the return answers RPC with True, is the keeper's, tracked."""
        loan = self._loan(-1)
        self.env.flush_all()
        self.env.cr.precommit.run()  # the creation's transaction, before the return
        with self.assertRaises(AccessError):
            loan.with_user(self.tech).with_context(**OLD_CONTEXT_KEYS).action_return()
        with self.assertRaises(AccessError):
            loan.with_user(self.desk).action_return()
        result = call_kw(self.Loan.with_user(self.keeper), "action_return", [loan.ids], {})
        self.assertIs(result, True)
        xmlrpc_dumps((result,))
        self.assertEqual(loan.state, "returned")
        self.assertTrue(loan.date_returned)
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = loan.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(tracked.new_value_char, "Returned")
        self.assertEqual(loan.copy().state, "out", "a copy goes out again")

    def test_s13_overdue_and_not_overdue_searches(self):
        """S13: the "not overdue" filter is the complement of "overdue" (a
        returned late tool is not overdue any more)."""
        late = self._loan(-1)
        on_time = self._loan(2)
        back = self._loan(-3)
        back.with_user(self.keeper).action_return()
        ids = (late | on_time | back).ids
        for domain, expected in (
            ([("is_overdue", "=", True)], late),
            ([("is_overdue", "!=", False)], late),
            ([("is_overdue", "=", False)], on_time | back),
            ([("is_overdue", "!=", True)], on_time | back),
            (["!", ("is_overdue", "=", True)], on_time | back),
        ):
            with self.subTest(domain=domain):
                self.assertEqual(self.Loan.search([*domain, ("id", "in", ids)]), expected)

    def test_s13_new_due_date_is_reminded_again(self):
        """S13: a reminded loan given a new due date is reminded when it passes."""
        loan = self._loan(-1)
        self.Loan._remind_overdue_batch(self.today, 100)
        self.assertTrue(loan.overdue_reminded)
        loan.with_user(self.keeper).date_due = self.today - timedelta(days=1)
        self.assertFalse(loan.overdue_reminded)

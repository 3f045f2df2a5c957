# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import Form, TransactionCase, tagged

from .common import make_user


@tagged("post_install", "-at_install")
class TestCustomerRights(TransactionCase):
    """Issue 15 (X2, W9): the service desk registers a new caller itself. The
    desk and the supervisor create and change customers (the customer
    archive); none of them deletes one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.desk = make_user(cls.env, "desk", login="as_cr_desk")
        cls.supervisor = make_user(cls.env, "supervisor", login="as_cr_supervisor")
        cls.technician = make_user(cls.env, "technician", login="as_cr_tech")

    def test_desk_and_supervisor_create_and_change_customers(self):
        for user in (self.desk, self.supervisor):
            with self.subTest(user=user.login):
                partners = self.env["res.partner"].with_user(user)
                self.assertTrue(partners.has_access("create"))
                caller = partners.create(
                    {"name": f"New caller of {user.login}", "phone": "+86 571 8800 1234"}
                )
                caller.write({"street": "1 Lake Road", "city": "Hangzhou"})
                self.assertEqual(caller.city, "Hangzhou")
                # what the many2one's "Create" does in the web client
                quick_id, _name = partners.name_create(f"Quick caller of {user.login}")
                self.assertTrue(quick_id)
                with self.assertRaises(AccessError, msg="a customer is never deleted by the desk"):
                    caller.unlink()

    def test_desk_fills_the_customer_form(self):
        with Form(self.env["res.partner"].with_user(self.desk)) as form:
            form.name = "Walk-in customer"
            form.phone = "+86 571 8800 5678"
        self.assertEqual(form.record.name, "Walk-in customer")

    def test_technician_does_not_create_customers(self):
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.technician).create({"name": "Not mine"})

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user

# Instants where the UTC day is not China's, the demo company's (issue 12):
# tests whose result depends on "today" freeze the clock at one of them (any
# instant would do, these are the ones where a UTC or user "today" is wrong).
UTC_NIGHT = "2026-11-30 23:30:00"  # 07:30 on 1 December in China, last day of November in UTC
CHINA_MIDNIGHT = "2026-11-30 16:30:00"  # 00:30 on 1 December in China


def make_role_users(env):
    """One user per after-sales role (X2), for tests that act as a role."""
    xmlid = "aftersales_warranty.group_aftersales_"
    roles = ("desk", "technician", "supervisor", "manager", "executive")
    users = {
        role: new_test_user(
            env, login=f"as_test_{role}", groups=f"{xmlid}{role}", tz="Asia/Shanghai"
        )
        for role in roles
    }
    users["employee"] = new_test_user(env, login="as_test_employee", groups="base.group_user")
    users["portal"] = new_test_user(env, login="as_test_portal", groups="base.group_portal")
    return users


def link(record):
    return [Command.link(record.id)]


class WarrantyFixtures:
    """Records most warranty tests need: a 2-year policy, a serial-tracked
    product using it, serials, a customer."""

    @classmethod
    def setup_warranty_fixtures(cls):
        env = cls.env
        # the company's local day is the suite's day: China's, as in the demo
        env.company.partner_id.tz = "Asia/Shanghai"
        cls.policy = env["aftersales.warranty.policy"].create(
            {"name": "Two years", "period": 2, "period_unit": "year"}
        )
        cls.product = env["product.product"].create(
            {
                "name": "Test air conditioner",
                "is_storable": True,
                "tracking": "serial",
                "aftersales_warranty_policy_id": cls.policy.id,
            }
        )
        cls.lots = env["stock.lot"].create(
            [{"name": f"TEST-SN-{i:03d}", "product_id": cls.product.id} for i in range(3)]
        )
        cls.customer = env["res.partner"].create(
            {"name": "Test Customer Co.", "is_company": True, "email": "c@example.com"}
        )

    @classmethod
    def make_certificate(cls, lot, start, activate=True, **extra):
        cert = cls.env["aftersales.warranty.certificate"].create(
            {
                "partner_id": cls.customer.id,
                "product_id": lot.product_id.id,
                "lot_id": lot.id,
                "date_start": start,
                **extra,
            }
        )
        if activate:
            cert.action_activate()
        return cert


def make_portal_customers(env, prefix):
    """Two customer companies A and B, each with a portal user who is one of
    its contacts (password = login): for portal isolation tests (X5)."""
    result = {}
    for key in ("a", "b"):
        company = env["res.partner"].create(
            {"name": f"{prefix} Portal Customer {key.upper()} Ltd", "is_company": True}
        )
        user = new_test_user(
            env,
            login=f"{prefix.lower()}_portal_cust_{key}",
            groups="base.group_portal",
            context={"no_reset_password": True},
            name=f"{prefix} Contact {key.upper()}",
            email=f"{key}@{prefix.lower()}-customer.example.com",
            tz="Asia/Shanghai",
        )
        user.partner_id.parent_id = company
        result[f"customer_{key}"], result[f"user_{key}"] = company, user
    return result

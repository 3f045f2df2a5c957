# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user

# Instants where the UTC day is not China's, the demo company's (issue 12):
# tests whose result depends on "today" freeze the clock at one of them (any
# instant would do, these are the ones where a UTC or user "today" is wrong).
UTC_NIGHT = "2026-11-30 23:30:00"  # 07:30 on 1 December in China, last day of November in UTC
CHINA_MIDNIGHT = "2026-11-30 16:30:00"  # 00:30 on 1 December in China
GROUP = "aftersales_base.group_aftersales_"


def make_role_users(env):
    """One user per after-sales role (X2), for tests that act as a role."""
    roles = ("desk", "technician", "supervisor", "manager", "executive")
    users = {
        role: new_test_user(
            env, login=f"as_test_{role}", groups=f"{GROUP}{role}", tz="Asia/Shanghai"
        )
        for role in roles
    }
    users["employee"] = new_test_user(env, login="as_test_employee", groups="base.group_user")
    users["portal"] = new_test_user(env, login="as_test_portal", groups="base.group_portal")
    return users


def link(record):
    return [Command.link(record.id)]


def make_calendar(env, name="Test service hours"):
    """Monday to Friday, 8-12 and 13-17, in China."""
    return env["resource.calendar"].create(
        {
            "name": name,
            "tz": "Asia/Shanghai",
            "attendance_ids": [Command.clear()]
            + [
                Command.create(
                    {
                        "name": f"{day} {period}",
                        "dayofweek": str(day),
                        "hour_from": start,
                        "hour_to": end,
                        "day_period": period,
                    }
                )
                for day in range(5)
                for period, start, end in (("morning", 8, 12), ("afternoon", 13, 17))
            ],
        }
    )


class AftersalesFixtures:
    """The one fixture factory of the suite's tests (mixed into a test case):
    the company's day is China's, its working calendar, one user per role and
    a customer. Each module's fixtures build on it; set up once per class."""

    @classmethod
    def setup_base_fixtures(cls):
        if cls.__dict__.get("_aftersales_base_fixtures"):
            return
        cls._aftersales_base_fixtures = True
        env = cls.env
        # the company's local day is the suite's day: China's, as in the demo
        env.company.partner_id.tz = "Asia/Shanghai"
        cls.calendar = make_calendar(env)
        cls.desk = new_test_user(env, login="as_fx_desk", groups=f"{GROUP}desk")
        cls.supervisor = new_test_user(
            env, login="as_fx_supervisor", groups=f"{GROUP}supervisor", tz="Asia/Shanghai"
        )
        cls.manager = new_test_user(env, login="as_fx_manager", groups=f"{GROUP}manager")
        cls.tech = new_test_user(env, login="as_fx_tech", groups=f"{GROUP}technician")
        cls.tech2 = new_test_user(env, login="as_fx_tech2", groups=f"{GROUP}technician")
        cls.executive = new_test_user(env, login="as_fx_exec", groups=f"{GROUP}executive")
        cls.customer = env["res.partner"].create(
            {"name": "Test Customer Co.", "is_company": True, "email": "c@example.com"}
        )


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

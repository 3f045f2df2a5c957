# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user


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
    users["employee"] = new_test_user(
        env, login="as_test_employee", groups="base.group_user"
    )
    users["portal"] = new_test_user(
        env, login="as_test_portal", groups="base.group_portal"
    )
    return users


def link(record):
    return [Command.link(record.id)]

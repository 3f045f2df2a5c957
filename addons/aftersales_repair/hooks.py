# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools import SQL


def uninstall_hook(env):
    """The module's own service hours (7x24, demo calendars) go with it: the
    zones that use them, whose table is dropped next, must not keep them."""
    env.cr.execute(
        SQL(
            "ALTER TABLE %s DROP CONSTRAINT IF EXISTS %s",
            SQL.identifier("aftersales_zone"),
            SQL.identifier("aftersales_zone_resource_calendar_id_fkey"),
        )
    )

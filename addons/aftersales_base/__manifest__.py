# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales: Base",
    "summary": "The After-Sales app under every module of the suite: roles, menu, "
    "settings, the performance ledger, the company's clock and shared plumbing",
    "version": "19.0.1.6.0",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales-suite/aftersales",
    "author": "After-Sales Suite Authors",
    "license": "LGPL-3",
    "depends": ["mail", "resource", "portal"],
    "pre_init_hook": "pre_init_hook",
    "uninstall_hook": "uninstall_hook",
    "data": [
        "security/aftersales_base_security.xml",
        "security/ir.model.access.csv",
        "data/calendar_day_cn_2026.xml",
        "views/res_config_settings_views.xml",
        "views/resource_calendar_views.xml",
        "views/calendar_day_views.xml",
        "wizard/calendar_day_import_views.xml",
        "wizard/setup_checklist_views.xml",
        "views/aftersales_menus.xml",
        "views/ledger_entry_views.xml",
    ],
    "demo": [
        "demo/aftersales_base_demo.xml",
    ],
}

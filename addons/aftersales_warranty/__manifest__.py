# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales: Warranties and Maintenance Contracts",
    "summary": "Warranty policies, certificates and maintenance contracts; "
    "the base of the after-sales suite (roles, menu, settings)",
    "version": "19.0.1.0.0",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales-suite/aftersales",
    "author": "After-Sales Suite Authors",
    "license": "LGPL-3",
    "application": True,
    "depends": ["stock", "crm", "portal", "hr"],
    "data": [
        "security/aftersales_security.xml",
        "security/ir.model.access.csv",
        "views/res_config_settings_views.xml",
        "views/aftersales_menus.xml",
        "views/warranty_policy_views.xml",
        "views/product_views.xml",
    ],
    "demo": [
        "demo/aftersales_users_demo.xml",
        "demo/aftersales_warranty_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "aftersales_warranty/static/tests/tours/*.js",
        ],
    },
}

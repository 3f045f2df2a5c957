# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales: Warranties and Maintenance Contracts",
    "summary": "Warranty policies, certificates, coverage checks, maintenance contracts, "
    "inspections and renewals",
    "version": "19.0.1.6.0",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales-suite/aftersales",
    "author": "After-Sales Suite Authors",
    "license": "LGPL-3",
    "application": True,
    "depends": ["aftersales_base", "stock", "crm", "portal", "account"],
    "data": [
        "security/aftersales_warranty_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/product_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "report/warranty_reports.xml",
        "report/warranty_report_templates.xml",
        "views/res_config_settings_views.xml",
        "views/aftersales_menus.xml",
        "views/warranty_policy_views.xml",
        "views/warranty_certificate_views.xml",
        "views/warranty_service_views.xml",
        "views/maintenance_contract_views.xml",
        "views/coverage_check_views.xml",
        "views/warranty_backfill_views.xml",
        "views/product_views.xml",
        "views/res_partner_views.xml",
        "views/stock_lot_views.xml",
        "views/crm_lead_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/aftersales_company_demo.xml",
        "demo/aftersales_users_demo.xml",
        "demo/aftersales_warranty_demo.xml",
        "demo/aftersales_portal_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "aftersales_warranty/static/tests/tours/*.js",
        ],
    },
}

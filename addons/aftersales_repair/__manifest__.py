# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales: Service Calls and Repairs",
    "summary": "Call register, zones with arrival SLAs, certified technicians, "
    "dispatch, on-site and carry-in repairs on Odoo's repair orders",
    "version": "19.0.1.3.0",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales-suite/aftersales",
    "author": "After-Sales Suite Authors",
    "license": "LGPL-3",
    "depends": ["aftersales_warranty", "repair", "hr", "resource"],
    "uninstall_hook": "uninstall_hook",
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/aftersales_repair_security.xml",
        "security/ir.model.access.csv",
        "data/resource_calendar_data.xml",
        "data/ir_sequence_data.xml",
        "data/service_request_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "data/product_data.xml",
        "report/repair_reports.xml",
        "report/repair_report_templates.xml",
        "views/aftersales_zone_views.xml",
        "views/technician_certification_views.xml",
        "views/wizard_views.xml",
        "views/service_request_views.xml",
        "views/goods_receipt_views.xml",
        "views/repair_order_views.xml",
        "views/config_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/service_request_billing_views.xml",
        "views/daily_report_views.xml",
        "views/tool_loan_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/aftersales_repair_demo.xml",
        "demo/aftersales_billing_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "aftersales_repair/static/tests/tours/*.js",
        ],
    },
}

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales: Complaints",
    "summary": "The eight-step complaint process: register, judge, route, investigate, "
    "propose, notify, penalise, improve",
    "version": "19.0.1.4.0",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales-suite/aftersales",
    "author": "After-Sales Suite Authors",
    "license": "LGPL-3",
    "depends": ["aftersales_base", "hr", "product"],
    "data": [
        "security/ir.model.access.csv",
        "security/aftersales_complaint_security.xml",
        "data/complaint_category_data.xml",
        "data/complaint_routing_data.xml",
        "data/complaint_stage_deadline_data.xml",
        "data/ir_sequence_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "report/complaint_reports.xml",
        "views/complaint_views.xml",
        "views/complaint_action_views.xml",
        "views/ledger_entry_views.xml",
        "views/complaint_config_views.xml",
        "views/complaint_category_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/aftersales_complaint_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "aftersales_complaint/static/tests/tours/*.js",
        ],
    },
}

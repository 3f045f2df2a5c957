# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales: Planned Maintenance and Inspections",
    "summary": "Maintenance plans that become dispatched service requests, "
    "inspection checklists and reports, return visits during the warranty",
    "version": "19.0.1.0.0",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales-suite/aftersales",
    "author": "After-Sales Suite Authors",
    "license": "LGPL-3",
    "depends": ["aftersales_repair"],
    "data": [
        "security/ir.model.access.csv",
        "security/aftersales_maintenance_security.xml",
        "data/request_type_data.xml",
        "data/maintenance_plan_data.xml",
        "views/checklist_template_views.xml",
        "views/request_type_views.xml",
        "data/inspection_report_data.xml",
        "report/inspection_reports.xml",
        "report/inspection_report_templates.xml",
        "views/inspection_report_views.xml",
        "views/inspection_portal_templates.xml",
        "views/maintenance_plan_views.xml",
        "views/portal_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "aftersales_maintenance/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/aftersales_maintenance_demo.xml",
    ],
}

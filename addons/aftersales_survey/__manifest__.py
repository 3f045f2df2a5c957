# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales: Surveys and Technician Scoring",
    "summary": "A survey after every service, follow-up calls, quality assessment "
    "and monthly technician scorecards",
    "version": "19.0.1.4.0",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales-suite/aftersales",
    "author": "After-Sales Suite Authors",
    "license": "LGPL-3",
    "depends": ["aftersales_repair", "survey"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/aftersales_survey_security.xml",
        "data/rating_criterion_data.xml",
        "data/ir_sequence_data.xml",
        "data/survey_data.xml",
        "data/mail_template_data.xml",
        "data/followup_rule_data.xml",
        "data/quality_item_data.xml",
        "data/ir_cron_data.xml",
        "report/followup_reports.xml",
        "views/rating_criterion_views.xml",
        "views/service_survey_views.xml",
        "views/technician_scorecard_views.xml",
        "views/followup_views.xml",
        "views/res_partner_views.xml",
        "views/product_category_views.xml",
        "views/quality_assessment_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/aftersales_survey_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "aftersales_survey/static/tests/tours/*.js",
        ],
    },
}

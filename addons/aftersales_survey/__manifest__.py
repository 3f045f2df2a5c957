# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales: Surveys and Technician Scoring",
    "summary": "A survey after every service, follow-up calls, quality assessment "
    "and monthly technician scorecards",
    "version": "19.0.1.0.0",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales-suite/aftersales",
    "author": "After-Sales Suite Authors",
    "license": "LGPL-3",
    "depends": ["aftersales_complaint", "survey"],
    "data": [
        "security/ir.model.access.csv",
        "data/rating_criterion_data.xml",
        "views/rating_criterion_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/aftersales_survey_demo.xml",
    ],
}

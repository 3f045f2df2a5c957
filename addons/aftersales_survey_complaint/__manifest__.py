# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales: Complaints from Surveys",
    "summary": "A low survey score or a complaint in the comment opens a complaint; "
    "complaints count in the technician scorecard",
    "version": "19.0.1.2.0",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales-suite/aftersales",
    "author": "After-Sales Suite Authors",
    "license": "LGPL-3",
    "depends": ["aftersales_survey", "aftersales_complaint_repair"],
    "auto_install": True,
    "pre_init_hook": "pre_init_hook",
    "data": [
        "data/ir_config_parameter_data.xml",
        "views/service_survey_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/aftersales_survey_complaint_demo.xml",
    ],
}

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales: Complaints about Repairs and Returns",
    "summary": "Register complaints from service calls, workshop repairs and customer "
    "returns; returns carry their reason and who is responsible",
    "version": "19.0.1.4.0",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales-suite/aftersales",
    "author": "After-Sales Suite Authors",
    "license": "LGPL-3",
    "depends": ["aftersales_complaint", "aftersales_repair"],
    "auto_install": True,
    "pre_init_hook": "pre_init_hook",
    "data": [
        "views/complaint_views.xml",
        "views/complaint_source_views.xml",
    ],
    "demo": [
        "demo/aftersales_complaint_repair_demo.xml",
    ],
}

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales: Helpdesk Bridge",
    "summary": "Escalate OCA helpdesk tickets to after-sales complaints",
    "version": "19.0.1.2.0",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales-suite/aftersales",
    "author": "After-Sales Suite Authors",
    "license": "LGPL-3",
    "auto_install": True,
    "depends": ["aftersales_complaint", "helpdesk_mgmt"],
    "data": [
        "views/helpdesk_ticket_category_views.xml",
        "views/helpdesk_ticket_views.xml",
    ],
}

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The three service levels of a request (T2) by the names of their fields,
for the analysis, the dashboard and the breach cause (T3), which read them
all the same way."""

SLA_LEVELS = {
    "response": {
        "deadline": "response_deadline",
        "warning": "response_warning_at",
        "date": "date_responded",
        "met": "response_met",
        "status": "response_status",
    },
    "arrival": {
        "deadline": "sla_deadline",
        "warning": "sla_warning_at",
        "date": "date_arrival",
        "met": "sla_met",
        "status": "sla_status",
    },
    "resolution": {
        "deadline": "resolution_deadline",
        "warning": "resolution_warning_at",
        "date": "date_resolved",
        "met": "resolution_met",
        "status": "resolution_status",
    },
}
LEVEL_SELECTION = [
    ("response", "Response"),
    ("arrival", "Arrival"),
    ("resolution", "Resolution"),
]


def request_levels(requests):
    """The levels whose fields the request model has, in SLA_LEVELS' order
    (arrival alone until the response and resolution levels are installed)."""
    fields = requests.env["aftersales.service.request"]._fields
    return {
        level: names
        for level, names in SLA_LEVELS.items()
        if all(name in fields for name in names.values())
    }

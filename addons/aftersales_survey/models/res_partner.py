# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# What the customer file (客户档案基本资料表) holds beyond the customer archive
# (W9: name, address, phone, products, serials, services): the follow-up
# clerk fills these when filing the customer (V5).
CUSTOMER_FILE_FIELDS = (
    "aftersales_service_wish",
    "aftersales_maintenance_months",
    "aftersales_next_maintenance",
    "aftersales_next_call_content",
    "aftersales_next_call_date",
)
# P4: the customer file's dates that remind by themselves (the follow-up's
# reminder type -> the partner's date).
REMINDER_TYPES = [
    ("maintenance", "Maintenance Reminder"),
    ("call", "Call Reminder"),
    ("inquiry", "Use Inquiry"),
]
REMINDER_FIELDS = {
    "maintenance": "aftersales_next_maintenance",
    "call": "aftersales_next_call_date",
}


class ResPartner(models.Model):
    # the batch mixin: the daily reminders lock the customers they remind
    # (two workers never remind the same customer, P4)
    _name = "res.partner"
    _inherit = ["res.partner", "aftersales.batch.mixin"]

    aftersales_service_wish = fields.Text(string="Service the Customer Hopes For")
    aftersales_maintenance_months = fields.Integer(string="Maintenance Cycle (months)")
    aftersales_next_maintenance = fields.Date(string="Next Maintenance")
    aftersales_next_call_content = fields.Text(
        string="Next Service Call",
        help="What to talk about in the next call: the customer's potential needs, "
        "maintenance due, events or offers of interest.",
    )
    aftersales_next_call_date = fields.Date(string="Next Call On")
    aftersales_file_date = fields.Date(string="Customer File Completed On", readonly=True)

    @api.model
    def get_import_templates(self):
        """X1, W9 (issue 15): beside Odoo's contacts template, the customer
        files of the previous system (name, phone, address and what the
        follow-up clerk files: the service hoped for, the maintenance cycle
        and the next maintenance and call), as CSV and XLSX."""
        return [
            *super().get_import_templates(),
            {
                "label": self.env._("Import Template for Customer Files"),
                "template": "/aftersales_survey/static/xls/aftersales_customer_file.csv",
            },
            {
                "label": self.env._("Import Template for Customer Files (Excel)"),
                "template": "/aftersales_survey/static/xls/aftersales_customer_file.xlsx",
            },
        ]

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# The eight steps of complaint handling (seed 篇一 (三)): each state is the
# step to be done next; ``done`` and ``rejected`` end the process.
COMPLAINT_STATES = [
    ("record", "Record"),
    ("judge", "Judge"),
    ("assign", "Assign"),
    ("investigate", "Investigate"),
    ("propose", "Propose"),
    ("notify", "Notify"),
    ("penalise", "Penalise"),
    ("improve", "Improve"),
    ("done", "Done"),
    ("rejected", "Rejected"),
]
STEPS = [key for key, _label in COMPLAINT_STATES[:8]]
CLOSED_STATES = ("done", "rejected")
CHANNELS = [
    ("phone", "Phone"),
    ("letter", "Letter"),
    ("email", "E-mail"),
    ("visit", "Visit"),
    ("hotline", "Hotline"),
    ("suggestion_box", "Suggestion Box"),
    ("survey", "Survey"),
    ("helpdesk", "Helpdesk Ticket"),
    ("portal", "Portal"),
    ("return", "Customer Return"),
]


class AftersalesComplaint(models.Model):
    """A customer complaint (客诉) as registered (C1) and the record of its
    handling (C10). The eight steps live in complaint_process.py, deadlines
    and escalation in complaint_escalation.py."""

    _name = "aftersales.complaint"
    _description = "Customer Complaint"
    _inherit = [
        "aftersales.mail.intake.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.activity.mixin",
        "aftersales.batch.mixin",
        "aftersales.process.mixin",
        "aftersales.numbered.mixin",
    ]
    _sequence_code = "aftersales.complaint"
    _order = "date_received desc, id desc"
    _check_company_auto = True
    # X6: written only by the complaint's transition ``_set_state()`` and by
    # its own deadline bookkeeping (complaint_escalation.py), never by
    # write(), create(), copy() or import.
    _process_fields = (
        "state",
        "judged_by_id",
        "approved_by_id",
        "date_approved",
        "date_notified",
        "date_done",
        "date_stage_start",
        "stage_deadline",
        "stage_escalated",
        "escalation_count",
        "late_user_ids",
        "executive_notified",
    )

    name = fields.Char(index=True)
    state = fields.Selection(
        COMPLAINT_STATES,
        default="record",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # C1: who complains, how and when
    partner_id = fields.Many2one(
        "res.partner", string="Complainant", required=True, index=True, tracking=True
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    partner_email = fields.Char(related="partner_id.email", string="E-mail")
    channel = fields.Selection(CHANNELS, default="phone", required=True, tracking=True)
    date_received = fields.Datetime(
        string="Received At", required=True, default=fields.Datetime.now, index=True
    )
    category_id = fields.Many2one(
        "aftersales.complaint.category", required=True, tracking=True, index=True
    )
    category_root_id = fields.Many2one(
        "aftersales.complaint.category",
        string="Main Category",
        compute="_compute_category_root_id",
        store=True,
        index=True,
    )
    severity = fields.Selection(
        [("normal", "Normal"), ("serious", "Serious")],
        default="normal",
        required=True,
        tracking=True,
        help="A serious complaint goes to the executives at once (C11).",
    )
    description = fields.Text(tracking=True)
    customer_demand = fields.Text(string="Customer's Demand", tracking=True)
    # C1: what the complaint is about (the bridge with the repair module
    # fills them from the service call, repair or return it is about)
    product_id = fields.Many2one("product.product", tracking=True, index=True)
    technician_id = fields.Many2one(
        "res.users",
        string="Employee Concerned",
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
        help="The technician or employee the complaint is about.",
    )
    target_department_id = fields.Many2one(
        "hr.department", string="Department Concerned", tracking=True
    )

    @api.depends("category_id.parent_id")
    def _compute_category_root_id(self):
        for complaint in self:
            complaint.category_root_id = complaint.category_id.parent_id or complaint.category_id

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesChecklistTemplate(models.Model):
    """What a technician checks on a planned visit (P1, P2): a list of items,
    each ticked ok / not ok or measured against its expected range. A
    maintenance plan names its template; each inspection report copies it."""

    _name = "aftersales.checklist.template"
    _description = "Inspection Checklist Template"
    _order = "name, id"

    name = fields.Char(required=True, translate=True, size=128)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    item_ids = fields.One2many(
        "aftersales.checklist.item", "template_id", string="Items", copy=True
    )
    item_count = fields.Integer(compute="_compute_item_count")
    photos_required = fields.Boolean(
        help="An inspection report on this checklist cannot be submitted without at least "
        "one photo, even when no item asks for one."
    )
    note = fields.Text(help="Instructions printed at the top of the inspection report.")

    @api.depends("item_ids")
    def _compute_item_count(self):
        for template in self:
            template.item_count = len(template.item_ids)


class AftersalesChecklistItem(models.Model):
    """One line of a checklist: a yes/no check or a measurement with the
    range it must stay in (out of range is flagged on the report)."""

    _name = "aftersales.checklist.item"
    _description = "Inspection Checklist Item"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "aftersales.checklist.template", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Check", required=True, translate=True, size=256)
    kind = fields.Selection(
        [("check", "OK / Not OK"), ("measure", "Measured Value")],
        required=True,
        default="check",
    )
    uom = fields.Char(
        string="Unit", size=16, help="The unit of the measured value (°C, MPa, V...)."
    )
    value_min = fields.Float(string="Minimum", help="The lowest acceptable value.")
    value_max = fields.Float(string="Maximum", help="The highest acceptable value.")
    photo_required = fields.Boolean(help="The technician must attach a photo for this item.")
    company_id = fields.Many2one(related="template_id.company_id", store=True)

    @api.constrains("kind", "value_min", "value_max")
    def _check_range(self):
        for item in self:
            if item.kind == "measure" and item.value_min > item.value_max:
                raise ValidationError(
                    self.env._("The minimum of “%(item)s” is above its maximum.", item=item.name)
                )

    def _is_out_of_range(self, value):
        """Whether a measured value is outside this item's range."""
        self.ensure_one()
        return self.kind == "measure" and not (self.value_min <= value <= self.value_max)

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesComplaintCategory(models.Model):
    """Complaint categories and their sub-types (C2), kept as data so that a
    company adds its own without code: a top-level record is a category
    (product quality, service, proposal), its children are the sub-types."""

    _name = "aftersales.complaint.category"
    _description = "Complaint Category"
    _parent_store = True
    _order = "complete_name"
    _rec_name = "complete_name"
    # complete_name is stored once (English) for ordering; people see and
    # search the names in their own language (X4).
    _rec_names_search = ["name", "parent_id.name", "complete_name"]

    name = fields.Char(required=True, translate=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    parent_id = fields.Many2one(
        "aftersales.complaint.category",
        string="Category",
        index=True,
        ondelete="restrict",
        help="Empty for a category; the category for a sub-type.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("aftersales.complaint.category", "parent_id", string="Sub-types")
    code = fields.Char()
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for categ in self:
            if categ.parent_id:
                categ.complete_name = f"{categ.parent_id.complete_name} / {categ.name}"
            else:
                categ.complete_name = categ.name

    @api.depends_context("lang")
    @api.depends("name", "parent_id.name")
    def _compute_display_name(self):
        """“Category / Sub-type” in the reader's language (X4)."""
        for categ in self:
            if categ.parent_id:
                categ.display_name = f"{categ.parent_id.name} / {categ.name}"
            else:
                categ.display_name = categ.name

    @api.constrains("parent_id")
    def _check_two_levels(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A complaint category cannot contain itself."))
        for categ in self:
            if categ.parent_id.parent_id:
                raise ValidationError(
                    self.env._(
                        "“%(name)s” would be a sub-type of a sub-type: complaint "
                        "categories have two levels, category and sub-type.",
                        name=categ.name,
                    )
                )

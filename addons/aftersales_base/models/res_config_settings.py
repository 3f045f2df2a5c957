# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..roles import MANAGER

# The suite's settings are the fields named so (every module's block).
PREFIX = "aftersales_"
VISIBLE = {
    "id",
    "display_name",
    "company_id",
    "create_uid",
    "create_date",
    "write_uid",
    "write_date",
}


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_service_manager_id = fields.Many2one(
        related="company_id.aftersales_service_manager_id", readonly=False
    )
    aftersales_hotline = fields.Char(related="company_id.aftersales_hotline", readonly=False)
    # The domain of the suite's mail addresses (I1), shown after their names.
    aftersales_alias_domain_name = fields.Char(
        string="After-Sales Alias Domain", related="company_id.alias_domain_id.name"
    )

    # The service manager saves the suite's settings (issue 15) ---------------
    # Odoo lets only administrators save settings. A service manager who is
    # not one reads and saves the suite's fields (``aftersales_*``) and
    # nothing else: the record is made and saved as the system with only
    # those values, every other field keeps its current value.

    def _aftersales_manager_only(self):
        return not self.env.is_admin() and self.env.user.has_group(MANAGER)

    def _aftersales_setting_fields(self):
        return {
            name
            for name, field in self._fields.items()
            if name.startswith(PREFIX) and not field.readonly
        }

    def _has_field_access(self, field, operation):
        # A service manager who is not an administrator sees none of the
        # other settings, whose record is made as the system.
        if (
            not self.env.su
            and field.name not in VISIBLE
            and not field.name.startswith(PREFIX)
            and self._aftersales_manager_only()
        ):
            return False
        return super()._has_field_access(field, operation)

    @api.model
    def default_get(self, fields):
        if not self._aftersales_manager_only():
            return super().default_get(fields)
        allowed = self._aftersales_setting_fields() | {"company_id"}
        values = super(ResConfigSettings, self.sudo()).default_get(
            [name for name in fields if name in allowed]
        )
        return {name: value for name, value in values.items() if name in allowed}

    @api.model_create_multi
    def create(self, vals_list):
        if not self._aftersales_manager_only():
            return super().create(vals_list)
        allowed = self._aftersales_setting_fields()
        vals_list = [{k: v for k, v in vals.items() if k in allowed} for vals in vals_list]
        return super(ResConfigSettings, self.sudo()).create(vals_list).with_env(self.env)

    def write(self, vals):
        if not self._aftersales_manager_only():
            return super().write(vals)
        if set(vals) - self._aftersales_setting_fields():
            raise AccessError(
                self.env._("A service manager changes only the After-Sales settings.")
            )
        return super(ResConfigSettings, self.sudo()).write(vals)

    def _get_classified_fields(self, fnames=None):
        if self._aftersales_manager_only():
            allowed = self._aftersales_setting_fields()
            fnames = [name for name in (fnames or self._fields) if name in allowed]
        return super()._get_classified_fields(fnames)

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        # The other apps' settings (and the fields Odoo adds to the form for
        # their conditions) are fields he cannot read: he gets the
        # After-Sales page alone. Views are
        # cached per set of groups, which tells him from an administrator.
        arch, view = super()._get_view(view_id, view_type, **options)
        if view_type == "form" and self._aftersales_manager_only():
            for node in arch.xpath("/form/*[not(self::app[@name='aftersales_base'])]"):
                node.getparent().remove(node)
        return arch, view

    def _compute_display_name(self):
        # Odoo names the record after its window action, which only
        # administrators may read; the form asks for the name on every save.
        if not self._aftersales_manager_only():
            return super()._compute_display_name()
        actions = self.env["ir.actions.act_window"].sudo()
        action = actions.search([("res_model", "=", self._name)], limit=1)
        for settings in self:
            settings.display_name = action.name or self._name

    def execute(self):
        if not self._aftersales_manager_only():
            return super().execute()
        self.ensure_one()
        # Made as the system with the manager's values of the suite's fields
        # only (create, write): every other field holds its current value,
        # so saving it as the system changes nothing else.
        self.sudo().set_values()
        return {"type": "ir.actions.client", "tag": "reload"}

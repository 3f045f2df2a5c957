# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrConfigParameter(models.Model):
    _inherit = "ir.config_parameter"

    @api.model
    def _aftersales_set_default(self, key, value):
        """A module's data sets a setting's first value with this (at
        install): a value the company has set already is kept."""
        params = self.sudo()
        if params.get_param(key) is False:
            params.set_param(key, value)
        return params.get_param(key)

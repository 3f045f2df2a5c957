# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_service_manager_id = fields.Many2one(
        "res.users",
        string="Service Manager",
        domain="[('share', '=', False)]",
        help="Receives the escalations of overdue repairs (S9) and breached "
        "arrival deadlines when a zone has no supervisor.",
    )

    def _aftersales_service_manager(self):
        self.ensure_one()
        if self.aftersales_service_manager_id:
            return self.aftersales_service_manager_id
        managers = self.env.ref("aftersales_warranty.group_aftersales_manager").user_ids
        return (
            managers.filtered(lambda u: self in u.company_ids and not u._is_superuser())[:1]
            or self.env.user
        )

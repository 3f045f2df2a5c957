# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.aftersales_base.roles import MANAGER

# The levels a contract promises (T2); 0 / empty: the zone's.
SERVICE_LEVEL_FIELDS = (
    "sla_response_hours",
    "sla_arrival_hours",
    "sla_resolution_hours",
    "sla_calendar_id",
)


class AftersalesMaintenanceContract(models.Model):
    """The service levels a maintenance contract promises (T2: e.g. a
    30-minute response, 7×24, a 4-hour arrival). They override the zone's
    for the equipment the contract covers. The service manager sets them;
    everybody who reads the contract sees them."""

    _inherit = "aftersales.maintenance.contract"  # pylint: disable=consider-merging-classes-inherited

    sla_response_hours = fields.Float(
        string="Promised Response (hours)",
        tracking=True,
        help="Hours between the call and the first contact with the customer, on the "
        "contract's hours. 0: the zone's.",
    )
    sla_arrival_hours = fields.Float(
        string="Promised Arrival (hours)",
        tracking=True,
        help="Hours between the call and the technician's arrival. 0: the zone's.",
    )
    sla_resolution_hours = fields.Float(
        string="Promised Resolution (hours)",
        tracking=True,
        help="Hours between the call and the job done. 0: the zone's.",
    )
    sla_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Service Hours",
        tracking=True,
        help="The hours in which the promised levels run, e.g. 7×24. Empty: the zone's.",
    )
    can_edit_service_levels = fields.Boolean(compute="_compute_can_edit_service_levels")

    _sla_hours_positive = models.Constraint(
        "CHECK(sla_response_hours >= 0 AND sla_arrival_hours >= 0 AND sla_resolution_hours >= 0)",
        "A promised service level cannot be negative.",
    )

    @api.depends_context("uid")
    def _compute_can_edit_service_levels(self):
        allowed = self.env.su or self.env.user.has_group(MANAGER)
        for contract in self:
            contract.can_edit_service_levels = allowed

    def _ensure_service_levels_editable(self, vals_list):
        """Only the service manager promises service levels (T2); a salesperson
        creates and renews contracts with them as they are."""
        given = {name for vals in vals_list for name in SERVICE_LEVEL_FIELDS if vals.get(name)}
        if not given or self.env.su or self._in_process_step():
            return True
        if self.env.user.has_group(MANAGER):
            return True
        raise AccessError(
            self.env._(
                "Only the service manager sets the service levels a contract promises (%s).",
                ", ".join(
                    self._fields[name].get_description(self.env)["string"] for name in sorted(given)
                ),
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._ensure_service_levels_editable(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        # clearing a level (back to the zone's) is a change too
        changed = {name: True for name in SERVICE_LEVEL_FIELDS if name in vals}
        self._ensure_service_levels_editable([changed])
        return super().write(vals)

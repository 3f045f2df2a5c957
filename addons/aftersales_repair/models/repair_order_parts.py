# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

SUPERVISOR = "aftersales_warranty.group_aftersales_supervisor"


class RepairOrder(models.Model):
    """Issuing spare parts on a repair (S13): the customer accepts the
    quotation before parts that are not in stock are ordered; parts are
    reserved and consumed only once the repair is started; parts added after
    the acceptance wait for the advisor (the supervisor)."""

    _inherit = "repair.order"  # pylint: disable=consider-merging-classes-inherited

    aftersales_accepted_by = fields.Char(string="Quotation Accepted By", copy=False, tracking=True)
    aftersales_date_accepted = fields.Datetime(
        string="Quotation Accepted On", readonly=True, copy=False
    )
    aftersales_extra_part_count = fields.Integer(
        string="Extra Parts to Approve", compute="_compute_aftersales_extra_part_count"
    )

    def _compute_aftersales_extra_part_count(self):
        for repair in self:
            repair.aftersales_extra_part_count = len(
                repair.move_ids.filtered("aftersales_extra_pending")
            )

    def action_aftersales_customer_accept(self):
        """The customer accepted the quotation (who, when)."""
        for repair in self:
            if repair.state in ("done", "cancel"):
                raise UserError(self.env._("%s is closed.", repair.name))
            if not repair.aftersales_accepted_by:
                raise UserError(self.env._("Write who accepted the quotation of %s.", repair.name))
        self.write({"aftersales_date_accepted": fields.Datetime.now()})
        return True

    def _aftersales_short_parts(self):
        """The parts of the repair that its stock cannot give now."""
        self.ensure_one()
        short = self.env["product.product"]
        for move in self.move_ids:
            if move.repair_line_type != "add" or not move.product_id.is_storable:
                continue
            available = move.product_id.with_context(location=move.location_id.id).free_qty
            if (
                move.product_uom._compute_quantity(move.product_uom_qty, move.product_id.uom_id)
                > available
            ):
                short |= move.product_id
        return short

    def _action_repair_confirm(self):
        for repair in self.filtered(lambda r: r.state == "draft"):
            short = repair._aftersales_short_parts()
            if short and not repair.aftersales_date_accepted:
                raise UserError(
                    self.env._(
                        "%(parts)s of %(repair)s must be ordered: the customer accepts "
                        "the quotation first.",
                        parts=", ".join(short.mapped("display_name")),
                        repair=repair.name,
                    )
                )
        return super()._action_repair_confirm()

    def action_repair_start(self):
        res = super().action_repair_start()
        self.move_ids._aftersales_issuable()._action_assign()
        return res

    def action_repair_end(self):
        pending = self.move_ids.filtered("aftersales_extra_pending")
        if pending:
            raise UserError(
                self.env._(
                    "The advisor has not approved the extra parts: %s.",
                    ", ".join(pending.product_id.mapped("display_name")),
                )
            )
        return super().action_repair_end()

    def action_aftersales_approve_extra_parts(self):
        """The advisor updates the quotation with the extra parts and approves them."""
        if not self.env.user.has_group(SUPERVISOR):
            raise AccessError(self.env._("Only the advisor approves extra parts."))
        moves = self.move_ids.filtered("aftersales_extra_pending")
        if not moves:
            raise UserError(self.env._("No extra part waits for approval."))
        moves.write({"aftersales_approved_by_id": self.env.uid})
        self.filtered(
            lambda r: r.state == "under_repair"
        ).move_ids._aftersales_issuable()._action_assign()
        return True

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.aftersales_base.roles import SUPERVISOR, TECHNICIAN


class RepairOrder(models.Model):
    """Issuing spare parts on a repair (S13): the customer accepts the
    quotation before parts that are not in stock are ordered; parts are
    reserved and consumed only once the repair is started; parts added after
    the acceptance wait for the advisor (the supervisor); a part whose used
    quantity is left empty is consumed (and billed) as planned.

    These rules are the suite's: they hold on the repair orders of a service
    request (the suite's documents) only. Any other repair order follows
    Odoo's Repairs unchanged."""

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
        """The customer accepted the quotation (who, when), as the technician
        or the advisor records it (S13)."""
        self._ensure_role(TECHNICIAN, self.env._("record the customer's acceptance"))
        self.check_access("write")
        for repair in self:
            if repair.state in ("done", "cancel"):
                raise UserError(self.env._("%s is closed.", repair.name))
            if not repair.aftersales_accepted_by:
                raise UserError(self.env._("Write who accepted the quotation of %s.", repair.name))
        self.write({"aftersales_date_accepted": fields.Datetime.now()})
        return True

    def _aftersales_is_service_job(self):
        """The repairs of ``self`` that are a service request's (the suite's
        documents, where its rules on parts apply)."""
        return self.filtered("aftersales_request_id")

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
        for repair in self._aftersales_is_service_job().filtered(lambda r: r.state == "draft"):
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
        self._aftersales_is_service_job().move_ids._aftersales_issuable()._action_assign()
        return res

    def action_repair_end(self):
        jobs = self._aftersales_is_service_job()
        pending = jobs.move_ids.filtered("aftersales_extra_pending")
        if pending:
            raise UserError(
                self.env._(
                    "The advisor has not approved the extra parts: %s.",
                    ", ".join(pending.product_id.mapped("display_name")),
                )
            )
        jobs.filtered(lambda r: r.state == "under_repair")._aftersales_take_planned_quantities()
        return super().action_repair_end()

    def _aftersales_take_planned_quantities(self):
        """Odoo cancels a part line whose used quantity is zero when the
        repair ends, and a cancelled part is never billed (S13): a used
        quantity the technician left empty is the planned quantity. A part
        that was not used goes back to stock first (Return to Stock)."""
        moves = self.move_ids.filtered(
            lambda m: (
                m.repair_line_type
                and m.state not in ("done", "cancel")
                and m.product_uom.is_zero(m.quantity)
                and not m.product_uom.is_zero(m.product_uom_qty)
            )
        )
        for move in moves:
            move.quantity = move.product_uom_qty
        return moves

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

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

STARTED = ("under_repair", "done")


class StockMove(models.Model):
    """The spare-part lines of a repair (S13)."""

    _inherit = "stock.move"

    aftersales_extra_part = fields.Boolean(
        string="Added After Acceptance", readonly=True, copy=False
    )
    aftersales_approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False
    )
    aftersales_extra_pending = fields.Boolean(compute="_compute_aftersales_extra_pending")

    @api.depends("aftersales_extra_part", "aftersales_approved_by_id")
    def _compute_aftersales_extra_pending(self):
        for move in self:
            move.aftersales_extra_pending = (
                move.aftersales_extra_part and not move.aftersales_approved_by_id
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("repair_id") and vals.get("repair_line_type") == "add":
                repair = self.env["repair.order"].browse(vals["repair_id"])
                if repair.aftersales_request_id and repair.aftersales_date_accepted:
                    vals["aftersales_extra_part"] = True
                self._aftersales_substitute_part(vals)
        return super().create(vals_list)

    @api.model
    def _aftersales_substitute_part(self, vals):
        """W7: a discontinued part added to a repair is replaced by its
        approved substitute (none approved: the part cannot be added)."""
        product = self.env["product.product"].browse(vals.get("product_id"))
        if not product.product_tmpl_id.aftersales_discontinued:
            return vals
        part = product.product_tmpl_id._aftersales_part_for_request()
        vals["product_id"] = part.id
        if vals.get("product_uom"):
            vals["product_uom"] = part.uom_id.id
        return vals

    @api.onchange("product_id")
    def _onchange_aftersales_substitute_part(self):
        """W7: the desk sees the substitute as soon as it picks the part."""
        if self.repair_id and self.repair_line_type == "add" and self.product_id:
            template = self.product_id.product_tmpl_id
            if template.aftersales_discontinued:
                part = template._aftersales_part_for_request()
                self.product_id = part
                return {
                    "warning": {
                        "title": self.env._("Discontinued part"),
                        "message": self.env._(
                            "%(old)s is no longer made: its approved substitute %(new)s "
                            "is used instead.",
                            old=template.display_name,
                            new=part.display_name,
                        ),
                    }
                }
        return None

    def _aftersales_job_part(self):
        """A part line of a service request's repair (the suite's rules on
        parts hold there only; other repairs are Odoo's)."""
        self.ensure_one()
        return bool(self.repair_id.aftersales_request_id and self.repair_line_type)

    def _aftersales_issuable(self):
        """Moves that may be reserved: anything but a service job's parts, or
        parts of a started service job that are not waiting for the advisor."""
        return self.filtered(
            lambda m: (
                not m._aftersales_job_part()
                or (m.repair_id.state in STARTED and not m.aftersales_extra_pending)
            )
        )

    def _action_assign(self, force_qty=False):
        return super(StockMove, self._aftersales_issuable())._action_assign(force_qty=force_qty)

    def write(self, vals):
        if "quantity" in vals or vals.get("picked"):
            for move in self:
                if move._aftersales_job_part() and move.repair_id.state not in STARTED:
                    raise UserError(
                        self.env._(
                            "Parts are issued only on a started repair: start %s first.",
                            move.repair_id.name,
                        )
                    )
        return super().write(vals)

    def action_aftersales_return_to_stock(self):
        """An unused part goes back to stock (S13): never a consumed part,
        and a part already issued (picked) to the technician only when the
        warehouse keeper has it back in hand and confirms it."""
        keeper = self.env.user.has_group("stock.group_stock_manager")
        for move in self:
            if move.state == "done":
                raise UserError(
                    self.env._(
                        "%(part)s was used on %(repair)s: a consumed part cannot be returned.",
                        part=move.product_id.display_name,
                        repair=move.repair_id.name,
                    )
                )
            if move.picked and not keeper:
                raise AccessError(
                    self.env._(
                        "%s was issued: the warehouse keeper takes it back and confirms "
                        "the return.",
                        move.product_id.display_name,
                    )
                )
        self._do_unreserve()
        self.write({"picked": False})
        self._action_cancel()
        return True

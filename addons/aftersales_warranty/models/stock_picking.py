# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        res = super()._action_done()
        self._aftersales_issue_certificates()
        return res

    def _prepare_warranty_certificate_vals(self, move, policy):
        """The certificate of a delivered ``move`` (the serial and quantity
        are added per certificate)."""
        day = move.company_id._aftersales_date(move.date)
        return {
            "partner_id": (move.picking_id.partner_id or move.partner_id).id,
            "product_id": move.product_id.id,
            "policy_id": policy.id,
            "issue_type": "delivery",
            "picking_id": move.picking_id.id,
            "move_id": move.id,
            "date_start": day,
            "date_issued": day,
            "company_id": move.company_id.id,
            "user_id": move.picking_id.user_id.id,
        }

    def _aftersales_issue_certificates(self):
        """Issue and activate the warranty certificates of validated customer
        deliveries (W2): one per serial of a serial-tracked product, one per
        delivery line otherwise, for products that have a warranty policy. A
        serial that already has an active certificate keeps it."""
        deliveries = self.filtered(
            lambda p: (
                p.state == "done"
                and p.picking_type_code == "outgoing"
                and p.location_dest_id.usage == "customer"
            )
        )
        vals_list = []
        uncovered = {}  # picking -> its moves of serials that get no certificate
        for move in deliveries.move_ids.filtered(lambda m: m.state == "done"):
            policy = move.product_id.product_tmpl_id._aftersales_warranty_policy()
            if not policy:
                if (
                    move.product_id.tracking == "serial"
                    and move.move_line_ids.lot_id
                    and not move.product_id.categ_id._aftersales_is_no_warranty()
                ):
                    uncovered.setdefault(move.picking_id, []).append(move)
                continue
            base = self._prepare_warranty_certificate_vals(move, policy)
            if move.product_id.tracking == "serial":
                for lot in move.move_line_ids.lot_id:
                    vals_list.append(dict(base, lot_id=lot.id, quantity=1))
            else:
                vals_list.append(dict(base, quantity=move.product_qty))
        self._aftersales_notify_uncovered(uncovered)
        if not vals_list:
            return self.env["aftersales.warranty.certificate"]
        Certificate = self.env["aftersales.warranty.certificate"].sudo()
        kept = Certificate.search(
            [
                ("lot_id", "in", [v["lot_id"] for v in vals_list if v.get("lot_id")]),
                ("state", "=", "active"),
            ]
        )
        vals_list = [v for v in vals_list if v.get("lot_id") not in kept.lot_id.ids]
        certificates = Certificate.create(vals_list)
        certificates.action_activate()
        for picking in deliveries:
            issued = certificates.filtered(lambda c, p=picking: c.picking_id == p)
            still = kept.filtered(lambda c, p=picking: c.lot_id in p.move_line_ids.lot_id)
            if issued:
                picking.message_post(
                    body=Markup(self.env._("Warranty certificates issued: %s"))
                    % Markup(", ").join(c._get_html_link() for c in issued)
                )
            if still:
                picking.message_post(
                    body=Markup(
                        self.env._("Serials already under warranty kept their certificate: %s")
                    )
                    % Markup(", ").join(c._get_html_link() for c in still)
                )
        return certificates

    def _aftersales_notify_uncovered(self, uncovered):
        """Serials delivered without a warranty policy get no certificate:
        say so once per delivery, in its chatter and as an activity of the
        company's service manager, with the way to issue them later (the
        back-fill wizard, once a policy exists). Written in the company's
        language, whoever validates (X4)."""
        entries = []
        for picking, moves in uncovered.items():
            env = picking.with_context(lang=picking.company_id._aftersales_lang()).env
            lines = Markup("").join(
                Markup("<li>%s</li>")
                % env._(
                    "%(product)s (%(serials)s): no warranty policy on the product or on "
                    "its category %(category)s",
                    product=move.product_id.display_name,
                    serials=", ".join(move.move_line_ids.lot_id.mapped("name")),
                    category=move.product_id.categ_id.display_name,
                )
                for move in moves
            )
            hint = env._(
                "Give the product or its category a warranty policy, then issue the "
                "certificates with After-Sales > Configuration > Back-fill Warranty "
                "Certificates."
            )
            note = Markup("<p>%s</p><ul>%s</ul><p>%s</p>") % (
                env._("No warranty certificate was issued for:"),
                lines,
                hint,
            )
            picking.message_post(body=note, message_type="comment", subtype_xmlid="mail.mt_note")
            entries.append(
                {
                    "record": picking,
                    "user": picking.company_id._aftersales_service_manager(),
                    "summary": env._("Delivered without warranty certificate"),
                    "note": note,
                }
            )
        self.env["aftersales.activity.mixin"]._aftersales_schedule_activities(entries)

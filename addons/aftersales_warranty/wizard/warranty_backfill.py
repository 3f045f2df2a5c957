# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.aftersales_base.roles import MANAGER

# Quiet creation of historical certificates: no "created" log, no tracking
# values, no follower added, on thousands of old documents.
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
}


class AftersalesWarrantyBackfill(models.TransientModel):
    """Issues the warranty certificates of serials delivered before the suite
    was installed, or before their product had a warranty policy (W2, X1):
    one per serial, starting on the delivery day, numbered in the year of the
    delivery, expired when the warranty has already ended. Safe to run again:
    a serial that has a certificate (not void) is skipped. Large runs go to a
    scheduled action that commits batch by batch and reports its progress."""

    _name = "aftersales.warranty.backfill"
    _description = "Warranty Certificate Back-fill"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(string="Delivered From")
    date_to = fields.Date(string="Delivered To")
    product_ids = fields.Many2many("product.product", string="Products")
    categ_ids = fields.Many2many("product.category", string="Product Categories")
    partner_ids = fields.Many2many("res.partner", string="Customers")
    state = fields.Selection(
        [
            ("draft", "New"),
            ("preview", "Previewed"),
            ("queued", "Queued"),
            ("done", "Done"),
        ],
        default="draft",
        readonly=True,
    )
    to_issue_count = fields.Integer(string="Certificates to Issue", readonly=True)
    expired_count = fields.Integer(string="Of Which Already Expired", readonly=True)
    no_policy_count = fields.Integer(string="Skipped: No Warranty Policy", readonly=True)
    certified_count = fields.Integer(string="Skipped: Already Certified", readonly=True)
    no_customer_count = fields.Integer(string="Skipped: No Customer", readonly=True)
    issued_count = fields.Integer(string="Certificates Issued", readonly=True)
    last_line_id = fields.Integer(readonly=True)

    # -- what is looked at ----------------------------------------------------
    def _line_domain(self):
        """Delivered serials of the filters: done move lines of validated
        customer deliveries of serial-tracked products."""
        self.ensure_one()
        company = self.company_id
        domain = Domain(
            [
                ("state", "=", "done"),
                ("company_id", "=", company.id),
                ("lot_id", "!=", False),
                ("product_id.tracking", "=", "serial"),
                ("picking_id.picking_type_code", "=", "outgoing"),
                ("location_dest_id.usage", "=", "customer"),
            ]
        )
        if self.date_from:
            domain &= Domain(
                "picking_id.date_done", ">=", company._aftersales_day_start(self.date_from)
            )
        if self.date_to:
            domain &= Domain(
                "picking_id.date_done",
                "<",
                company._aftersales_day_start(self.date_to + timedelta(days=1)),
            )
        products = Domain.FALSE if (self.product_ids or self.categ_ids) else Domain.TRUE
        if self.product_ids:
            products |= Domain("product_id", "in", self.product_ids.ids)
        if self.categ_ids:
            products |= Domain("product_id.categ_id", "child_of", self.categ_ids.ids)
        domain &= products
        if self.partner_ids:
            domain &= Domain("picking_id.partner_id", "child_of", self.partner_ids.ids)
        return domain

    def _scan(self, issue, limit=1000):
        """Looks at the next ``limit`` delivered serials (newest first, after
        ``last_line_id``) and counts them; creates their certificates when
        ``issue``. Returns (the smallest line id seen or 0, counts,
        certificates). Queries per batch, not per
        serial: one search of lines, one grouped read of the certificates
        their serials have, one create per year, one activation, one expiry."""
        self.ensure_one()
        domain = self._line_domain()
        if self.last_line_id:
            domain &= Domain("id", "<", self.last_line_id)
        lines = (
            self.env["stock.move.line"]
            .sudo()
            .search_fetch(
                domain,
                ["lot_id", "product_id", "picking_id", "move_id", "company_id"],
                order="id desc",
                limit=limit,
            )
        )
        counts = dict.fromkeys(("issue", "expired", "no_policy", "certified", "no_customer"), 0)
        if not lines:
            return 0, counts, self.env["aftersales.warranty.certificate"]
        Certificate = self.env["aftersales.warranty.certificate"].sudo()
        certified = {
            lot.id
            for [lot] in Certificate._read_group(
                [("lot_id", "in", lines.lot_id.ids), ("state", "!=", "void")], ["lot_id"]
            )
        }
        today = self.company_id._aftersales_today()
        policies = {}
        by_year = defaultdict(list)
        for line in lines:
            lot = line.lot_id
            if lot.id in certified:
                counts["certified"] += 1
                continue
            product = line.product_id
            if product not in policies:
                policies[product] = product.product_tmpl_id._aftersales_warranty_policy()
            policy = policies[product]
            if not policy:
                counts["no_policy"] += 1
                continue
            picking = line.picking_id
            partner = picking.partner_id or line.move_id.partner_id
            if not partner:
                counts["no_customer"] += 1
                continue
            certified.add(lot.id)  # a serial delivered twice: its latest delivery
            day = line.company_id._aftersales_date(picking.date_done or line.move_id.date)
            counts["issue"] += 1
            if policy._end_date(day) < today:
                counts["expired"] += 1
            by_year[day.year].append(
                {
                    "partner_id": partner.id,
                    "product_id": product.id,
                    "lot_id": lot.id,
                    "quantity": 1,
                    "policy_id": policy.id,
                    "issue_type": "delivery",
                    "picking_id": picking.id,
                    "move_id": line.move_id.id,
                    "date_start": day,
                    "date_issued": day,
                    "company_id": line.company_id.id,
                    "user_id": picking.user_id.id,
                }
            )
        certificates = Certificate
        if issue:
            for year in sorted(by_year):
                vals_list = sorted(by_year[year], key=lambda v: (v["date_start"], v["lot_id"]))
                # numbered in the year of the delivery (%(year)s of the
                # sequence's prefix, or its date range when it has them)
                certificates |= Certificate.with_context(
                    **QUIET, ir_sequence_date=fields.Date.to_string(vals_list[0]["date_start"])
                ).create(vals_list)
            certificates = certificates.with_context(**QUIET)
            certificates.action_activate()
            ended = certificates.filtered(lambda c: c.date_end < today)
            if ended:
                ended._set_state("expired")
        return lines[-1].id, counts, certificates

    def _run(self, issue, limit=1000):
        """Every batch of the filters from ``last_line_id`` on; in a
        scheduled action each batch is committed (and the run stops when the
        action's time is up, to go on at its next run)."""
        self.ensure_one()
        totals = dict.fromkeys(("issue", "expired", "no_policy", "certified", "no_customer"), 0)
        in_cron = bool(self.env.context.get("cron_id"))
        while True:
            last_id, counts, _certificates = self._scan(issue, limit)
            if not last_id:
                break
            for key, value in counts.items():
                totals[key] += value
            if issue:
                # the progress is on the wizard: a run that stops goes on after it
                self.write(
                    {
                        "last_line_id": last_id,
                        "issued_count": self.issued_count + counts["issue"],
                        "expired_count": self.expired_count + counts["expired"],
                        "no_policy_count": self.no_policy_count + counts["no_policy"],
                        "certified_count": self.certified_count + counts["certified"],
                        "no_customer_count": self.no_customer_count + counts["no_customer"],
                    }
                )
                if in_cron and self.env["ir.cron"]._commit_progress(sum(counts.values())) <= 0:
                    return totals, False
            else:
                self.last_line_id = last_id
        return totals, True

    # -- buttons ------------------------------------------------------------------
    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_preview(self):
        """Counts without issuing anything (a read-only pass over the batches)."""
        self.ensure_one()
        self._ensure_manager()
        self.last_line_id = 0
        totals, _finished = self._run(issue=False)
        self.write(
            {
                "state": "preview",
                "last_line_id": 0,
                "to_issue_count": totals["issue"],
                "expired_count": totals["expired"],
                "no_policy_count": totals["no_policy"],
                "certified_count": totals["certified"],
                "no_customer_count": totals["no_customer"],
                "issued_count": 0,
            }
        )
        return self._reopen()

    def _sync_limit(self):
        return int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("aftersales_warranty.backfill_sync_limit", 2000)
        )

    def action_issue(self):
        """Issues now when the filters hold few serials; else queues the run
        for the scheduled action (triggered at once) and says so."""
        self.ensure_one()
        self._ensure_manager()
        lines = (
            self.env["stock.move.line"]
            .sudo()
            .search_count(self._line_domain(), limit=self._sync_limit() + 1)
        )
        self.write(
            {
                "last_line_id": 0,
                "issued_count": 0,
                "expired_count": 0,
                "no_policy_count": 0,
                "certified_count": 0,
                "no_customer_count": 0,
            }
        )
        if lines > self._sync_limit():
            self.state = "queued"
            self.env.ref("aftersales_warranty.ir_cron_warranty_backfill")._trigger()
            return self._reopen()
        self._issue_all()
        return self._reopen()

    def _issue_all(self):
        _totals, finished = self.with_context(**QUIET)._run(issue=True)
        if finished:
            self.state = "done"
            self._post_summary()
        return finished

    def _ensure_manager(self):
        self.env["aftersales.warranty.certificate"]._ensure_role(
            MANAGER, self.env._("back-fill warranty certificates")
        )

    def _post_summary(self):
        """One note for the whole run, on the company's contact (the register
        of what was done to the company's records), not one per certificate
        or delivery."""
        body = Markup(
            "<p>%s</p><ul><li>%s</li><li>%s</li><li>%s</li><li>%s</li><li>%s</li></ul>"
        ) % (
            self.env._(
                "Warranty certificates back-filled by %(user)s (deliveries %(start)s to %(end)s).",
                user=self.env.user.name,
                start=self.date_from or "…",
                end=self.date_to or "…",
            ),
            self.env._("Certificates issued: %s", self.issued_count),
            self.env._("Of which already expired: %s", self.expired_count),
            self.env._("Skipped, no warranty policy: %s", self.no_policy_count),
            self.env._("Skipped, already certified: %s", self.certified_count),
            self.env._("Skipped, no customer: %s", self.no_customer_count),
        )
        self.company_id.partner_id.sudo().message_post(
            body=body, message_type="comment", subtype_xmlid="mail.mt_note"
        )

    # -- scheduled action ----------------------------------------------------
    @api.model
    def _cron_run_backfills(self):
        """Runs the queued back-fills, batch by batch, committing each."""
        for wizard in self.search([("state", "=", "queued")], order="id"):
            if not wizard._issue_all():
                # time is up: the action is triggered again to go on
                self.env.ref("aftersales_warranty.ir_cron_warranty_backfill")._trigger()
                return

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


class AftersalesWarrantyBackfill(models.Model):
    """Issues the warranty certificates of goods delivered before the suite
    was installed, or before their product had a warranty policy (W2, X1):
    one per serial of a serial-tracked product, one per delivery line
    (customer, product, quantity) of other products, starting on the delivery
    day, numbered in the year of the delivery, expired when the warranty has
    already ended. Products of a category without warranty are left out.
    Safe to run again: a serial or a delivery line that has a certificate
    (not void) is skipped. Large runs go to a scheduled action that commits
    batch by batch and reports its progress.

    A persistent model, not a transient wizard (issue 15): a queued run of
    100 000 serials takes longer than the transient vacuum's hour, and its
    position (``last_line_id``, ``last_move_id``) and counts must survive a
    crash of the worker for the next run of the scheduled action to go on
    where it stopped. The run also stays as the record of what was issued,
    by whom, with which filters: the manager reopens it (Back-fill Runs)."""

    _name = "aftersales.warranty.backfill"
    _description = "Warranty Certificate Back-fill"
    _order = "id desc"

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
    # where the run is: serials first (move lines, newest first), then the
    # delivery lines of products not tracked by serial (moves, newest first)
    last_line_id = fields.Integer(readonly=True)
    last_move_id = fields.Integer(readonly=True)
    phase = fields.Selection(
        [("serial", "Serials"), ("line", "Delivery Lines")], default="serial", readonly=True
    )
    total_count = fields.Integer(string="Deliveries to Look At", readonly=True)
    done_count = fields.Integer(string="Deliveries Looked At", readonly=True)
    progress = fields.Float(compute="_compute_progress")
    date_done = fields.Datetime(string="Finished On", readonly=True)

    @api.depends("total_count", "done_count", "state")
    def _compute_progress(self):
        for run in self:
            if run.state == "done":
                run.progress = 100.0
            elif run.total_count:
                run.progress = min(100.0 * run.done_count / run.total_count, 100.0)
            else:
                run.progress = 0.0

    @api.depends("create_date", "state")
    def _compute_display_name(self):
        for run in self:
            run.display_name = self.env._(
                "Back-fill %(date)s", date=fields.Date.to_string(run.create_date) or ""
            ).strip()

    # -- what is looked at ----------------------------------------------------
    def _line_domain(self, model="stock.move.line"):
        """Delivered goods of the filters: done move lines of serials
        (``stock.move.line``), or done delivery lines of products not
        tracked by serial (``stock.move``), of validated customer deliveries,
        leaving out the products of categories without warranty."""
        self.ensure_one()
        company = self.company_id
        domain = Domain(
            [
                ("state", "=", "done"),
                ("company_id", "=", company.id),
                ("picking_id.picking_type_code", "=", "outgoing"),
                ("location_dest_id.usage", "=", "customer"),
            ]
        )
        if model == "stock.move.line":
            domain &= Domain([("lot_id", "!=", False), ("product_id.tracking", "=", "serial")])
        else:
            domain &= Domain("product_id.tracking", "!=", "serial")
        excluded = self.env["product.category"]._aftersales_no_warranty_categories()
        if excluded:
            domain &= Domain("product_id.categ_id", "not in", excluded.ids)
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

    def _next_batch(self, model, last_id, fnames, limit):
        """The next ``limit`` delivered lines of ``model`` (see _line_domain),
        newest first, after ``last_id`` (where the last batch stopped), with
        ``fnames`` fetched."""
        domain = self._line_domain(model)
        if last_id:
            domain &= Domain("id", "<", last_id)
        return self.env[model].sudo().search_fetch(domain, fnames, order="id desc", limit=limit)

    def _scan(self, issue, limit=1000):
        """Looks at the next ``limit`` delivered serials (newest first, after
        ``last_line_id``) and counts them; creates their certificates when
        ``issue``. Returns (the smallest line id seen or 0, counts,
        certificates). Queries per batch, not per
        serial: one search of lines, one grouped read of the certificates
        their serials have, one create per year, one activation, one expiry."""
        self.ensure_one()
        lines = self._next_batch(
            "stock.move.line",
            self.last_line_id,
            ["lot_id", "product_id", "picking_id", "move_id", "company_id"],
            limit,
        )
        if not lines:
            return 0, self._no_counts(), self.env["aftersales.warranty.certificate"]
        Certificate = self.env["aftersales.warranty.certificate"].sudo()
        certified = {
            lot.id
            for [lot] in Certificate._read_group(
                [("lot_id", "in", lines.lot_id.ids), ("state", "!=", "void")], ["lot_id"]
            )
        }
        items = []
        for line in lines:
            if line.lot_id.id in certified:
                items.append((line, None, None))
                continue
            certified.add(line.lot_id.id)  # a serial delivered twice: its latest delivery
            items.append((line, line.move_id, line.lot_id))
        counts, certificates = self._issue_items(items, issue)
        return lines[-1].id, counts, certificates

    def _scan_moves(self, issue, limit=1000):
        """As _scan, for the delivery lines (moves) of products not tracked
        by serial, after ``last_move_id``: one certificate per line, for its
        customer, product and quantity."""
        self.ensure_one()
        moves = self._next_batch(
            "stock.move",
            self.last_move_id,
            ["product_id", "picking_id", "company_id", "partner_id", "date", "product_qty"],
            limit,
        )
        if not moves:
            return 0, self._no_counts(), self.env["aftersales.warranty.certificate"]
        certified = {
            move.id
            for [move] in self.env["aftersales.warranty.certificate"]
            .sudo()
            ._read_group(
                [("move_id", "in", moves.ids), ("lot_id", "=", False), ("state", "!=", "void")],
                ["move_id"],
            )
        }
        items = [
            (move, None, None) if move.id in certified else (move, move, None) for move in moves
        ]
        counts, certificates = self._issue_items(items, issue)
        return moves[-1].id, counts, certificates

    @staticmethod
    def _seen(counts):
        """Serials and lines looked at (the expired ones are among those to
        issue)."""
        return sum(value for key, value in counts.items() if key != "expired")

    @staticmethod
    def _no_counts():
        return dict.fromkeys(("issue", "expired", "no_policy", "certified", "no_customer"), 0)

    def _issue_items(self, items, issue):
        """``items``: (line, move, lot) of one batch, ``move`` empty when the
        serial or line is already certified. Counts them, and creates their
        certificates when ``issue``: one create per year of delivery (numbered
        in that year), one activation, one expiry of the ended ones."""
        counts = self._no_counts()
        Certificate = self.env["aftersales.warranty.certificate"].sudo()
        today = self.company_id._aftersales_today()
        policies = {}
        by_year = defaultdict(list)
        for line, move, lot in items:
            if move is None:
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
            partner = picking.partner_id or move.partner_id
            if not partner:
                counts["no_customer"] += 1
                continue
            day = line.company_id._aftersales_date(picking.date_done or move.date)
            counts["issue"] += 1
            if policy._end_date(day) < today:
                counts["expired"] += 1
            by_year[day.year].append(
                {
                    "partner_id": partner.id,
                    "product_id": product.id,
                    "lot_id": lot.id if lot else False,
                    "quantity": 1 if lot else move.product_qty,
                    "policy_id": policy.id,
                    "issue_type": "delivery",
                    "picking_id": picking.id,
                    "move_id": move.id,
                    "date_start": day,
                    "date_issued": day,
                    "company_id": line.company_id.id,
                    "user_id": picking.user_id.id,
                }
            )
        certificates = Certificate
        if issue:
            # numbered in the year of the delivery, activated, the ended ones
            # expired: the suite's one path for certificates of goods sold before
            certificates = Certificate._aftersales_issue_dated(
                [vals for year in sorted(by_year) for vals in by_year[year]]
            )
        return counts, certificates

    def _count_todo(self):
        """How many serials and delivery lines the filters hold (the total of
        the progress bar)."""
        self.ensure_one()
        return self.env["stock.move.line"].sudo().search_count(self._line_domain()) + self.env[
            "stock.move"
        ].sudo().search_count(self._line_domain("stock.move"))

    def _run(self, issue, limit=1000):
        """Every batch of the filters from where the run stands (serials
        after ``last_line_id``, then delivery lines after ``last_move_id``);
        in a scheduled action each batch is committed with the run's
        position and counts (a run that stops, or whose worker dies, goes on
        from there at the action's next run: never a duplicate)."""
        self.ensure_one()
        totals = self._no_counts()
        in_cron = bool(self.env.context.get("cron_id"))
        while True:
            if self.phase == "serial":
                last_id, counts, _certificates = self._scan(issue, limit)
                position = {"last_line_id": last_id} if last_id else {"phase": "line"}
            else:
                last_id, counts, _certificates = self._scan_moves(issue, limit)
                if not last_id:
                    break
                position = {"last_move_id": last_id}
            for key, value in counts.items():
                totals[key] += value
            seen = self._seen(counts)
            if not issue:
                self.write(position)
                continue
            # the progress is on the run: a run that stops goes on after it
            self.write(
                {
                    **position,
                    "done_count": self.done_count + seen,
                    "issued_count": self.issued_count + counts["issue"],
                    "expired_count": self.expired_count + counts["expired"],
                    "no_policy_count": self.no_policy_count + counts["no_policy"],
                    "certified_count": self.certified_count + counts["certified"],
                    "no_customer_count": self.no_customer_count + counts["no_customer"],
                }
            )
            if in_cron and seen:
                remaining = max(self.total_count - self.done_count, 0)
                if self.env["ir.cron"]._commit_progress(seen, remaining=remaining) <= 0:
                    return totals, False
        return totals, True

    def _reset(self):
        return {
            "last_line_id": 0,
            "last_move_id": 0,
            "phase": "serial",
            "done_count": 0,
            "issued_count": 0,
            "expired_count": 0,
            "no_policy_count": 0,
            "certified_count": 0,
            "no_customer_count": 0,
        }

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
        self.write(self._reset())
        totals, _finished = self._run(issue=False)
        self.write(
            {
                **self._reset(),
                "state": "preview",
                "to_issue_count": totals["issue"],
                "expired_count": totals["expired"],
                "no_policy_count": totals["no_policy"],
                "certified_count": totals["certified"],
                "no_customer_count": totals["no_customer"],
                "total_count": self._seen(totals),
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
        """Issues now when the filters hold few serials and lines; else
        queues the run for the scheduled action (triggered at once) and says
        so: the run shows its progress and can be reopened (Back-fill Runs)."""
        self.ensure_one()
        self._ensure_manager()
        self.write({**self._reset(), "total_count": self._count_todo()})
        if self.total_count > self._sync_limit():
            self.state = "queued"
            self.env.ref("aftersales_warranty.ir_cron_warranty_backfill")._trigger()
            return self._reopen()
        self._issue_all()
        return self._reopen()

    def action_open_runs(self):
        """The back-fill runs, the queued ones with their progress."""
        return self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_warranty.action_warranty_backfill_runs"
        )

    def _issue_all(self):
        _totals, finished = self.with_context(**QUIET)._run(issue=True)
        if finished:
            self.write({"state": "done", "date_done": fields.Datetime.now()})
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
                user=(self.create_uid or self.env.user).name,
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
        """Runs the queued back-fills, batch by batch, committing each; a
        run interrupted (time up, or the worker lost) goes on from its last
        committed batch."""
        for run in self.search([("state", "=", "queued")], order="id"):
            if not run._issue_all():
                # time is up: the action is triggered again to go on
                self.env.ref("aftersales_warranty.ir_cron_warranty_backfill")._trigger()
                return

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.aftersales_base.lang import in_company_lang
from odoo.addons.aftersales_base.roles import MANAGER

CERTIFICATE_STATES = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("expired", "Expired"),
    ("void", "Void"),
]


class AftersalesWarrantyCertificate(models.Model):
    """A warranty certificate (W2): the customer's proof that one serial (or
    one delivered line) is under warranty, from the day of delivery or
    acceptance, on the terms of its policy, with the record of the warranty
    services done on it (S11)."""

    _name = "aftersales.warranty.certificate"
    _description = "Warranty Certificate"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.batch.mixin",
        "aftersales.numbered.mixin",
        "aftersales.process.mixin",
    ]
    _sequence_code = "aftersales.warranty.certificate"
    _process_fields = ("state",)
    _order = "date_start desc, id desc"
    _check_company_auto = True

    state = fields.Selection(
        CERTIFICATE_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    product_id = fields.Many2one("product.product", required=True, index=True, tracking=True)
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        index=True,
        tracking=True,
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )
    quantity = fields.Float(default=1.0, digits="Product Unit")
    policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Warranty Policy",
        required=True,
        tracking=True,
        compute="_compute_policy_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    lifetime_service = fields.Boolean(related="policy_id.lifetime_service")
    issue_type = fields.Selection(
        [("delivery", "On Delivery"), ("acceptance", "On Acceptance")],
        required=True,
        default="acceptance",
        help="Delivery: issued when the delivery is validated. Acceptance: issued "
        "by hand when an installation or works job is accepted.",
    )
    picking_id = fields.Many2one("stock.picking", string="Delivery", readonly=True)
    move_id = fields.Many2one("stock.move", string="Delivery Line", readonly=True)
    date_acceptance = fields.Date(string="Accepted On", tracking=True)
    date_issued = fields.Date(
        string="Issued On", default=lambda self: self.env.company._aftersales_today(), required=True
    )
    late_issue = fields.Boolean(
        compute="_compute_late_issue",
        store=True,
        help="Issued more days after acceptance than the configured deadline (W2).",
    )
    date_start = fields.Date(
        string="Start Date",
        required=True,
        default=lambda self: self.env.company._aftersales_today(),
        tracking=True,
    )
    date_end = fields.Date(
        string="End Date",
        compute="_compute_date_end",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        index=True,
    )
    scope = fields.Html(
        compute="_compute_policy_texts", store=True, readonly=False, precompute=True
    )
    terms = fields.Html(
        compute="_compute_policy_texts", store=True, readonly=False, precompute=True
    )
    service_ids = fields.One2many(
        "aftersales.warranty.service", "certificate_id", string="Service Record"
    )
    # P5: the serial's whole history, before, during and after this warranty
    history_ids = fields.One2many(related="lot_id.aftersales_service_ids", string="Service History")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user if not self.env.user._is_superuser() else False,
        help="The customer's contact for this warranty, printed on the certificate.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _lot_state_idx = models.Index("(lot_id, state, date_end)")
    _one_active_per_serial = models.UniqueIndex(
        "(lot_id) WHERE state = 'active' AND lot_id IS NOT NULL",
        "A serial number can have only one active warranty certificate.",
    )

    @api.depends("product_id")
    def _compute_policy_id(self):
        for cert in self:
            template = cert.product_id.product_tmpl_id
            cert.policy_id = template._aftersales_warranty_policy() if template else False

    @api.depends("policy_id", "date_start")
    def _compute_date_end(self):
        for cert in self:
            if cert.policy_id and cert.date_start:
                cert.date_end = cert.policy_id._end_date(cert.date_start)

    @api.depends("policy_id")
    def _compute_policy_texts(self):
        for cert in self:
            cert.scope = cert.policy_id.scope
            cert.terms = cert.policy_id.terms

    @api.depends("issue_type", "date_acceptance", "date_issued")
    def _compute_late_issue(self):
        deadline = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("aftersales_warranty.certificate_issue_days", 3)
        )
        for cert in self:
            cert.late_issue = bool(
                cert.issue_type == "acceptance"
                and cert.date_acceptance
                and cert.date_issued
                and (cert.date_issued - cert.date_acceptance).days > deadline
            )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for cert in self:
            if cert.date_end < cert.date_start:
                raise ValidationError(
                    self.env._(
                        "Certificate %(name)s would end (%(end)s) before it starts (%(start)s).",
                        name=cert.name,
                        end=cert.date_end,
                        start=cert.date_start,
                    )
                )

    @api.constrains("lot_id", "product_id")
    def _check_lot_product(self):
        for cert in self:
            if cert.lot_id and cert.lot_id.product_id != cert.product_id:
                raise ValidationError(
                    self.env._(
                        "Serial %(lot)s is not a serial of %(product)s.",
                        lot=cert.lot_id.name,
                        product=cert.product_id.display_name,
                    )
                )

    @api.model
    def get_import_templates(self):
        """X6: the template of certificates issued before the suite (import
        them as drafts: numbered by the sequence, dated, checked by the
        model's rules; activate them from the list afterwards)."""
        return [
            {
                "label": self.env._("Import Template for Warranty Certificates"),
                "template": "/aftersales_warranty/static/xls/aftersales_warranty_certificate.csv",
            },
            {
                "label": self.env._("Import Template for Warranty Certificates (Excel)"),
                "template": "/aftersales_warranty/static/xls/aftersales_warranty_certificate.xlsx",
            },
        ]

    def _compute_access_url(self):
        for cert in self:
            cert.access_url = f"/my/warranties/{cert.id}"

    # The printed certificate (W2) -------------------------------------------

    def _aftersales_purchase_reference(self):
        """What the customer bought it on, printed on the certificate: the
        sale order and its posted invoices when the delivery is reachable from
        a sale (sale_stock installed), else the delivery's source document,
        else the delivery itself; "" without a delivery."""
        self.ensure_one()
        picking = self.sudo().picking_id
        if not picking:
            return ""
        order = picking.sale_id if "sale_id" in picking._fields else False
        if order:
            invoices = order.invoice_ids.filtered(
                lambda inv: inv.state == "posted" and inv.move_type == "out_invoice"
            )
            return " / ".join([order.name, *invoices.mapped("name")])
        return picking.origin or picking.name

    def _aftersales_print_texts(self):
        """Scope and terms in the language the certificate prints in (W2,
        X4): a certificate copies its policy's texts in the language of
        whoever issued it; while the copy is unchanged (it equals the policy's
        text in one of the installed languages) the policy's translation in
        the printing language is printed, an edited text as it was written."""
        self.ensure_one()
        policy = self.sudo().policy_id
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        texts = {}
        for name in ("scope", "terms"):
            own = self[name]
            if policy and own:
                copies = {str(policy.with_context(lang=code)[name] or "") for code in langs}
                if str(own) in copies:
                    texts[name] = policy.with_context(lang=self.env.lang)[name]
                    continue
            texts[name] = own
        return texts

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Warranty Certificate - %s", self.name)

    def _aftersales_customer_history(self):
        """The serial's service history (P5) as the certificate's customer
        sees it on the portal: every line of the serial done for him, under
        this warranty, another one or none (also after the warranty's end),
        never a former or later owner's."""
        self.ensure_one()
        if not self.lot_id:
            return self.env["aftersales.warranty.service"]
        return (
            self.env["aftersales.warranty.service"]
            .sudo()
            .search(
                [
                    ("lot_id", "=", self.lot_id.id),
                    ("commercial_partner_id", "=", self.commercial_partner_id.id),
                ]
            )
        )

    def _check_no_other_active(self):
        """A friendly error before the unique index would refuse the write."""
        lots = self.lot_id
        if not lots:
            return
        clashes = self.search(
            [("lot_id", "in", lots.ids), ("state", "=", "active"), ("id", "not in", self.ids)]
        )
        clashing_lots = clashes.lot_id
        duplicated = self.filtered(lambda c: c.lot_id).lot_id
        if clashes or len(duplicated) < len(self.filtered(lambda c: c.lot_id)):
            lot = clashing_lots[:1] or duplicated[:1]
            raise ValidationError(
                self.env._(
                    "Serial %(lot)s already has an active warranty certificate "
                    "(%(certificate)s). Void it first.",
                    lot=lot.name,
                    certificate=", ".join(clashes.mapped("name")) or self.env._("this batch"),
                )
            )

    # Steps (X6): one transition, every button and the cron go through it --

    def _steps(self):
        """target state: (the states it is reached from, the role, the label)."""
        return {
            "active": (("draft",), MANAGER, self.env._("activate the certificate")),
            "void": (("draft", "active", "expired"), MANAGER, self.env._("void the certificate")),
            "draft": (("void",), MANAGER, self.env._("reset the certificate to draft")),
            "expired": (("active",), MANAGER, self.env._("expire the certificate")),
        }

    def _set_state(self, state):
        """The one way a certificate changes state (X6): checks the step, the
        role (the after-sales manager; delivery validation and the expiry
        cron run as superuser) and the invariants, then writes."""
        from_states, role, label = self._steps()[state]
        self._ensure_state(from_states, label)
        self._ensure_role(role, label)
        if state == "active":
            self._check_no_other_active()
        self._write_process({"state": state})
        return True

    def action_activate(self):
        return self._set_state("active")

    def action_void(self):
        return self._set_state("void")

    def action_reset_draft(self):
        return self._set_state("draft")

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "A certificate that was issued keeps its history: void it "
                    "instead of deleting it."
                )
            )

    def _covers(self, day):
        self.ensure_one()
        return self.state == "active" and self.date_start <= day <= self.date_end

    # Scheduled action ---------------------------------------------------

    @api.model
    def _expire_batch(self, today, limit):
        """Expire at most ``limit`` active certificates ended before ``today``.
        Returns how many were expired. Costs the same queries for 1 or ``limit``
        certificates: one search, one lock, one update, one batch of notes."""
        certs = self._locked_batch([("state", "=", "active"), ("date_end", "<", today)], limit)
        if not certs:
            return 0
        certs.with_context(tracking_disable=True)._set_state("expired")
        body = self.env._("Warranty ended: the certificate is now expired.")
        certs._message_log_batch(dict.fromkeys(certs.ids, body))
        return len(certs)

    @api.model
    @in_company_lang
    def _cron_expire_certificates(self, batch_size=1000):
        today = self.env.company._aftersales_today()
        return self._run_batches(lambda: self._expire_batch(today, batch_size))

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.aftersales_base.roles import DESK, SUPERVISOR

# I4: what a customer may type or upload (the portal form repeats them)
SERIAL_MAX_LENGTH = 64
SHOP_MAX_LENGTH = 128
NOTE_MAX_LENGTH = 1000
REASON_MAX_LENGTH = 1000
# A purchase older than this is no registration (no warranty runs that long)
PURCHASE_MAX_YEARS = 15
PROOF_MIMETYPES = ("application/pdf", "image/jpeg", "image/png", "image/webp")
PROOF_MAX_MB_DEFAULT = 5

REGISTRATION_STATES = [
    ("submitted", "Submitted"),
    ("validated", "Validated"),
    ("refused", "Refused"),
]


class AftersalesProductRegistration(models.Model):
    """A product bought elsewhere, registered by its customer on the portal
    (I4): the desk checks the proof of purchase and validates it (the serial
    is found or created and the warranty certificate issued from the purchase
    date) or refuses it with a reason the customer reads."""

    _name = "aftersales.product.registration"
    _description = "Product Registration"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.activity.mixin",
        "aftersales.numbered.mixin",
        "aftersales.process.mixin",
    ]
    _sequence_code = "aftersales.product.registration"
    _process_fields = ("state", "lot_id", "certificate_id")
    _order = "id desc"
    _check_company_auto = True

    state = fields.Selection(
        REGISTRATION_STATES,
        default="submitted",
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
    product_id = fields.Many2one(
        "product.product",
        required=True,
        index=True,
        tracking=True,
        domain="[('tracking', '=', 'serial')]",
    )
    serial = fields.Char(
        string="Serial Number (as given)",
        required=True,
        tracking=True,
        help="The serial number the customer read on the product.",
    )
    date_purchase = fields.Date(string="Purchase Date", required=True, tracking=True)
    shop = fields.Char(
        string="Bought At",
        tracking=True,
        help="The shop or dealer the customer bought the product from.",
    )
    customer_note = fields.Text(string="Customer's Note")
    proof_attachment_id = fields.Many2one(
        "ir.attachment",
        string="Proof of Purchase",
        copy=False,
        help="A photo or PDF of the invoice or receipt.",
    )
    proof_name = fields.Char(related="proof_attachment_id.name", string="Proof File")
    refusal_reason = fields.Text(
        tracking=True,
        copy=False,
        help="Shown to the customer on the portal: say what is missing or wrong.",
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial",
        readonly=True,
        copy=False,
        index=True,
        check_company=True,
    )
    certificate_id = fields.Many2one(
        "aftersales.warranty.certificate",
        string="Warranty Certificate",
        readonly=True,
        copy=False,
        index=True,
        check_company=True,
    )
    certificate_state = fields.Selection(
        related="certificate_id.state", string="Certificate Status"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Handled By",
        tracking=True,
        copy=False,
        help="Who validated or refused the registration.",
    )
    date_decided = fields.Date(string="Decided On", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _name_company_idx = models.Index("(company_id, state)")

    # -- display ---------------------------------------------------------------

    def _compute_access_url(self):
        for registration in self:
            registration.access_url = f"/my/registrations/{registration.id}"

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Product Registration - %s", self.name)

    # -- checks (I4): on every write, whatever the client ---------------------

    @api.model
    def _proof_max_bytes(self):
        megabytes = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("aftersales_warranty.registration_proof_max_mb", PROOF_MAX_MB_DEFAULT)
        )
        return megabytes * 1024 * 1024

    @api.constrains("serial", "shop", "customer_note", "refusal_reason")
    def _check_texts(self):
        limits = (
            ("serial", SERIAL_MAX_LENGTH),
            ("shop", SHOP_MAX_LENGTH),
            ("customer_note", NOTE_MAX_LENGTH),
            ("refusal_reason", REASON_MAX_LENGTH),
        )
        for registration in self:
            if not (registration.serial or "").strip():
                raise ValidationError(self.env._("Give the product's serial number."))
            for name, limit in limits:
                if len(registration[name] or "") > limit:
                    raise ValidationError(
                        self.env._(
                            "%(field)s is too long: at most %(limit)s characters.",
                            field=registration._fields[name].get_description(self.env)["string"],
                            limit=limit,
                        )
                    )

    @api.constrains("date_purchase", "company_id")
    def _check_date_purchase(self):
        for registration in self:
            today = registration.company_id._aftersales_today()
            if registration.date_purchase > today:
                raise ValidationError(
                    self.env._("The purchase date cannot be in the future (today is %s).", today)
                )
            oldest = today - relativedelta(years=PURCHASE_MAX_YEARS)
            if registration.date_purchase < oldest:
                raise ValidationError(
                    self.env._(
                        "A purchase date before %(oldest)s cannot be registered: no warranty "
                        "runs that long.",
                        oldest=oldest,
                    )
                )

    @api.constrains("proof_attachment_id")
    def _check_proof(self):
        max_bytes = self._proof_max_bytes()
        for registration in self:
            proof = registration.sudo().proof_attachment_id
            if not proof:
                continue
            if proof.mimetype not in PROOF_MIMETYPES:
                raise ValidationError(
                    self.env._(
                        "The proof of purchase must be a photo (JPEG, PNG, WebP) or a PDF file."
                    )
                )
            if proof.file_size > max_bytes:
                raise ValidationError(
                    self.env._(
                        "The proof of purchase is too large: at most %s MB.",
                        max_bytes // (1024 * 1024),
                    )
                )

    # -- create / write ---------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("serial"):
                vals["serial"] = vals["serial"].strip()
        registrations = super().create(vals_list)
        registrations._notify_desk()
        return registrations

    def write(self, vals):
        if vals.get("serial"):
            vals = dict(vals, serial=vals["serial"].strip())
        # What was decided stays as decided: a validated or refused
        # registration's data and reason are the record of the decision.
        frozen = {
            "partner_id",
            "product_id",
            "serial",
            "date_purchase",
            "proof_attachment_id",
            "refusal_reason",
            "company_id",
        }.intersection(vals)
        if frozen and not self._in_process_step():
            decided = self.filtered(lambda r: r.state != "submitted")
            if decided:
                raise UserError(
                    self.env._(
                        "%s is already decided: its product, serial, purchase date, proof "
                        "and reason can no longer be changed.",
                        decided[0].name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_submitted(self):
        if self.filtered(lambda r: r.state == "validated"):
            raise UserError(
                self.env._("A validated registration issued a warranty certificate: it is kept.")
            )

    def _notify_desk(self):
        """An activity for the service desk on each new registration (one
        create for the batch): the company's desk user who took the last
        decision, else the first desk user of the company."""
        desk_group = self.env.ref(DESK)
        entries = []
        desks = {}
        for registration in self:
            company = registration.company_id
            if company not in desks:
                desks[company] = desk_group.sudo().user_ids.filtered(
                    lambda u, c=company: c in u.company_ids and not u.share and u.active
                )[:1]
            user = desks[company]
            if not user:
                continue
            entries.append(
                {
                    "record": registration,
                    "user": user,
                    "summary": self.env._("Check the product registration"),
                }
            )
        self._aftersales_schedule_activities(entries)

    # -- steps (X6): one transition ---------------------------------------------

    def _steps(self):
        """target state: (the states it is reached from, the role, the label)."""
        return {
            "validated": (("submitted",), DESK, self.env._("validate the product registration")),
            "refused": (("submitted",), DESK, self.env._("refuse the product registration")),
            "submitted": (("refused",), SUPERVISOR, self.env._("reopen the product registration")),
        }

    def _set_state(self, state):
        """The one way a registration changes state (X6): checks the step, the
        role (the service desk) and the invariants, then writes; validating
        finds or creates the serial and issues its certificate."""
        from_states, role, label = self._steps()[state]
        self._ensure_state(from_states, label)
        self._ensure_role(role, label)
        today_vals = {}
        if state == "validated":
            for registration in self:
                registration._check_can_validate()
            for registration in self:
                lot = registration._find_or_create_lot()
                certificate = registration._issue_certificate(lot)
                registration._write_process(
                    {
                        "state": "validated",
                        "lot_id": lot.id,
                        "certificate_id": certificate.id,
                        "user_id": self.env.user.id,
                        "date_decided": registration.company_id._aftersales_today(),
                    }
                )
            self._post_decision()
            return True
        if state == "refused":
            missing = self.filtered(lambda r: not (r.refusal_reason or "").strip())
            if missing:
                raise UserError(
                    self.env._(
                        "Write the reason of the refusal for %s first: the customer reads it.",
                        missing[0].name,
                    )
                )
            today_vals = {"user_id": self.env.user.id}
        if state == "submitted":
            today_vals = {"refusal_reason": False}
        for registration in self:
            registration._write_process(
                dict(
                    today_vals,
                    state=state,
                    date_decided=registration.company_id._aftersales_today()
                    if state != "submitted"
                    else False,
                )
            )
        self._post_decision()
        return True

    def action_validate(self):
        return self._set_state("validated")

    def action_refuse(self):
        return self._set_state("refused")

    def action_reopen(self):
        return self._set_state("submitted")

    def _post_decision(self):
        """Tells the customer (a comment: he follows the registration) the
        decision, the refusal's reason escaped as text."""
        for registration in self:
            if registration.state == "validated":
                certificate = registration.certificate_id
                body = Markup("<p>%s</p>") % self.env._(
                    "Your registration is validated: warranty certificate %(certificate)s, "
                    "from %(start)s to %(end)s.",
                    certificate=certificate.name,
                    start=certificate.date_start,
                    end=certificate.date_end,
                )
            elif registration.state == "refused":
                body = Markup("<p>%s</p><p>%s</p>") % (
                    self.env._("Your registration is refused. Reason:"),
                    registration.refusal_reason,
                )
            else:
                body = Markup("<p>%s</p>") % self.env._("The registration is checked again.")
            registration.message_post(
                body=body, message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"], only_automated=False)

    # -- validation: serial and certificate (W2, W9) ---------------------------

    def _check_can_validate(self):
        self.ensure_one()
        if not self.proof_attachment_id:
            raise UserError(
                self.env._("%s has no proof of purchase: it cannot be validated.", self.name)
            )
        if self.product_id.tracking != "serial":
            raise UserError(
                self.env._(
                    "%s has no serial numbers: it cannot be registered.",
                    self.product_id.display_name,
                )
            )
        policy = self.product_id.product_tmpl_id._aftersales_warranty_policy()
        if not policy:
            raise UserError(
                self.env._(
                    "%s carries no warranty policy: refuse the registration or give the "
                    "product a policy first.",
                    self.product_id.display_name,
                )
            )
        lot = self._existing_lot()
        Certificate = self.env["aftersales.warranty.certificate"].sudo()
        if lot and Certificate.search_count(
            [("lot_id", "=", lot.id), ("state", "!=", "void")], limit=1
        ):
            raise UserError(
                self.env._(
                    "Serial %(serial)s of %(product)s is already covered by a warranty "
                    "certificate: refuse the registration (the customer may ask the "
                    "certificate's holder or the service desk).",
                    serial=self.serial,
                    product=self.product_id.display_name,
                )
            )
        other = self.search_count(
            [
                ("id", "!=", self.id),
                ("state", "=", "validated"),
                ("product_id", "=", self.product_id.id),
                ("serial", "=", self.serial),
            ],
            limit=1,
        )
        if other:
            raise UserError(
                self.env._(
                    "Serial %s is already registered by another validated registration.",
                    self.serial,
                )
            )

    def _existing_lot(self):
        self.ensure_one()
        return (
            self.env["stock.lot"]
            .sudo()
            .search(
                [
                    ("product_id", "=", self.product_id.id),
                    ("name", "=", self.serial),
                    ("company_id", "in", [self.company_id.id, False]),
                ],
                limit=1,
            )
        )

    def _find_or_create_lot(self):
        self.ensure_one()
        return self._existing_lot() or self.env["stock.lot"].sudo().create(
            {
                "name": self.serial,
                "product_id": self.product_id.id,
                "company_id": self.company_id.id,
            }
        )

    def _issue_certificate(self, lot):
        """The serial's certificate from the purchase date, through the
        suite's path for goods sold before (the back-fill's): end date from
        the policy, numbered in the year of its start, active, or expired at
        once when its period has already ended."""
        self.ensure_one()
        policy = self.product_id.product_tmpl_id._aftersales_warranty_policy()
        vals = {
            "partner_id": self.partner_id.id,
            "product_id": self.product_id.id,
            "lot_id": lot.id,
            "quantity": 1,
            "policy_id": policy.id,
            "issue_type": "delivery",
            "date_start": self.date_purchase,
            "date_issued": self.company_id._aftersales_today(),
            "company_id": self.company_id.id,
            "user_id": self.env.user.id,
        }
        return self.env["aftersales.warranty.certificate"]._aftersales_issue_dated([vals])

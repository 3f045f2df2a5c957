# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

COVERAGES = [
    ("free", "Free (warranty)"),
    ("contract", "Contract"),
    ("paid", "Paid"),
    ("admin", "General Administrative Work"),
]


class AftersalesWarrantyService(models.Model):
    """One line of a serial's lifetime service record (S11, P5, 全寿命期服务履历):
    each finished job on the serial — free, contract, paid, planned or in the
    workshop — with its date, work done, parts and technician, read at the
    next visit. It belongs to the serial, not to a warranty: the certificate
    is noted when the serial has one, and the line stays after the warranty
    ends. Later modules append a line when they finish a job (one line per
    job: ``job_model``, ``job_id`` are unique)."""

    _name = "aftersales.warranty.service"
    _description = "Service History Line"
    _order = "date desc, id desc"
    _check_company_auto = True

    # Odoo keeps a serial with stock moves; a serial that is deleted (or its
    # module's data, on uninstall) takes its history lines with it
    lot_id = fields.Many2one(
        "stock.lot", string="Serial Number", required=True, index=True, ondelete="cascade"
    )
    product_id = fields.Many2one(related="lot_id.product_id", store=True)
    certificate_id = fields.Many2one(
        "aftersales.warranty.certificate",
        index=True,
        ondelete="set null",
        help="The serial's warranty certificate when the job was done, if it has one.",
    )
    partner_id = fields.Many2one("res.partner", string="Customer", index=True)
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    date = fields.Date(required=True, default=lambda self: self.env.company._aftersales_today())
    job_type = fields.Char(string="Type of Job", help="Repair, inspection, workshop repair...")
    coverage = fields.Selection(COVERAGES, default="free", required=True)
    description = fields.Text(string="Work Done", required=True)
    parts = fields.Text(string="Parts Used")
    user_id = fields.Many2one("res.users", string="Technician", default=lambda self: self.env.user)
    free_of_charge = fields.Boolean(default=True)
    reference = fields.Char(help="The service request or repair this line records.")
    job_model = fields.Char(
        readonly=True, copy=False, help="The model of the job this line records."
    )
    job_id = fields.Many2oneReference(
        model_field="job_model", string="Job ID", readonly=True, copy=False, index=True
    )
    job_ref = fields.Reference(
        selection="_selection_job_models",
        string="Job",
        compute="_compute_job_ref",
        help="The finished job this line records: one line per job.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _job_uniq = models.UniqueIndex(
        "(job_model, job_id) WHERE job_id IS NOT NULL AND job_id != 0",
        "A job is on the service history once.",
    )

    @api.depends("job_model", "job_id")
    def _compute_job_ref(self):
        for line in self:
            known = line.job_model in dict(self._selection_job_models())
            line.job_ref = f"{line.job_model},{line.job_id}" if known and line.job_id else False

    @api.model
    def _selection_job_models(self):
        """The documents whose finishing writes a line (extended by the
        modules that own them)."""
        return []

    @api.model_create_multi
    def create(self, vals_list):
        """A line given only its certificate takes the certificate's serial,
        customer and company (the warranty card of S11)."""
        certificates = self.env["aftersales.warranty.certificate"].browse(
            [vals["certificate_id"] for vals in vals_list if vals.get("certificate_id")]
        )
        certificates.fetch(["lot_id", "partner_id", "company_id"])
        for vals in vals_list:
            if not vals.get("certificate_id"):
                continue
            certificate = certificates.browse(vals["certificate_id"])
            vals.setdefault("lot_id", certificate.lot_id.id)
            vals.setdefault("partner_id", certificate.partner_id.id)
            vals.setdefault("company_id", certificate.company_id.id)
        for vals in vals_list:
            if "coverage" in vals and "free_of_charge" not in vals:
                vals["free_of_charge"] = vals["coverage"] in ("free", "contract")
        return super().create(vals_list)

    @api.model
    def _lot_certificates(self, lots):
        """{lot: certificate} — the serial's latest certificate, active or
        since expired (the card the history is printed with), for the whole
        batch in one query."""
        certificates = (
            self.env["aftersales.warranty.certificate"]
            .sudo()
            .search(
                [("lot_id", "in", lots.ids), ("state", "in", ("active", "expired"))],
                order="date_start desc, id desc",
            )
        )
        result = {}
        for certificate in certificates:
            result.setdefault(certificate.lot_id, certificate)
        return result

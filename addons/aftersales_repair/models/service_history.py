# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import html2plaintext


class AftersalesWarrantyService(models.Model):
    """The jobs of this module that write the serial's lifetime history (P5):
    service requests of every type and coverage, and workshop repairs."""

    _inherit = "aftersales.warranty.service"

    @api.model
    def _selection_job_models(self):
        return [
            *super()._selection_job_models(),
            ("aftersales.service.request", "Service Request"),
            ("repair.order", "Repair Order"),
        ]

    @api.model
    def _append_jobs(self, jobs):
        """One line per finished job of ``jobs`` (service requests or repair
        orders) on a serial, never a second one for a job already recorded
        (a re-close, a rerun): a few queries for the whole batch."""
        jobs = jobs.filtered("lot_id")
        if not jobs:
            return self.browse()
        lines = self.sudo().search([("job_model", "=", jobs._name), ("job_id", "in", jobs.ids)])
        todo = jobs.browse(sorted(set(jobs.ids) - set(lines.mapped("job_id"))))
        if not todo:
            return self.browse()
        certificates = self._lot_certificates(todo.lot_id)
        return self.sudo().create(
            [
                job._prepare_service_record_vals(
                    certificate=job._service_record_certificate(certificates)
                )
                for job in todo
            ]
        )


class AftersalesServiceRequest(models.Model):
    _inherit = "aftersales.service.request"

    def _service_record_certificate(self, certificates):
        """The certificate the line notes: the request's own (its coverage),
        else the serial's latest one, even expired (P5)."""
        self.ensure_one()
        return self.certificate_id or certificates.get(self.lot_id)

    def _service_record_parts(self):
        """Parts used on the job: the workshop repair's parts."""
        self.ensure_one()
        return _parts_text(self.repair_id)


class RepairOrder(models.Model):
    """A workshop repair done on a serial writes the serial's history (P5)
    itself when it has no service request: a repair of a request is on the
    request's line (the request ends when the product goes back)."""

    _inherit = "repair.order"  # pylint: disable=consider-merging-classes-inherited

    def action_repair_done(self):
        result = super().action_repair_done()
        standalone = self.filtered(
            lambda r: r.state == "done" and r.lot_id and not r.aftersales_request_id
        )
        self.env["aftersales.warranty.service"]._append_jobs(standalone)
        return result

    def _service_record_certificate(self, certificates):
        self.ensure_one()
        return certificates.get(self.lot_id)

    def _prepare_service_record_vals(self, certificate=None):
        """The line of the serial's history for this workshop repair."""
        self.ensure_one()
        company = self.company_id
        notes = html2plaintext(self.internal_notes or "").strip()
        description = notes or self.with_context(lang=company._aftersales_lang()).env._(
            "Workshop repair %s", self.name
        )
        return {
            "lot_id": self.lot_id.id,
            "certificate_id": certificate.id if certificate else False,
            "partner_id": self.partner_id.id,
            "company_id": company.id,
            "date": company._aftersales_date(self.aftersales_date_done or fields.Datetime.now()),
            "job_type": self.with_context(lang=company._aftersales_lang()).env._("Workshop Repair"),
            "coverage": "free" if self.under_warranty else "paid",
            "description": description,
            "parts": _parts_text(self),
            "user_id": self.user_id.id,
            "reference": self.name,
            "job_model": self._name,
            "job_id": self.id,
        }


def _parts_text(repair):
    """'2 × Compressor' lines of the parts a repair added (its used quantity
    once done), cancelled lines left out."""
    lines = []
    for move in repair.move_ids:
        if move.repair_line_type != "add" or move.state == "cancel":
            continue
        qty = move.quantity if move.state == "done" else move.product_uom_qty
        lines.append(f"{qty:g} × {move.product_id.display_name}")
    return "\n".join(lines)

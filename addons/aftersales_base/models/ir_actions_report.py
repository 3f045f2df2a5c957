# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_html(self, report_ref, docids, data=None):
        """The suite's documents print their times on the company's clock (W2,
        W9): a call taken at 06:05 in Hangzhou prints 06:05 whoever prints it
        (a clerk in another time zone, OdooBot attaching it to a mail), not
        the printing user's time nor UTC. Odoo's datetime converter reads the
        rendering context's ``tz``: it is set to the documents' company's."""
        report = self._get_report(report_ref)
        if not (report.report_name or "").startswith("aftersales_") or report.model not in self.env:
            return super()._render_qweb_html(report_ref, docids, data=data)
        records = self.env[report.model].browse(docids or []).exists()
        company = (
            records[:1].company_id
            if records and "company_id" in records._fields
            else self.env["res.company"]
        ) or self.env.company
        local = self.with_context(tz=company._aftersales_tz().key)
        return super(IrActionsReport, local)._render_qweb_html(report_ref, docids, data=data)

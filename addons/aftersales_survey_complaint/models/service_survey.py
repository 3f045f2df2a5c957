# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# The complaint category of the criterion the customer rated lowest.
CRITERION_CATEGORY = {
    "attitude": "aftersales_complaint.categ_sv_attitude",
    "skill": "aftersales_complaint.categ_sv_skill",
}
SERVICE_CATEGORY = "aftersales_complaint.categ_service"


class AftersalesServiceSurvey(models.Model):
    """Survey to complaint (V4, C12): a low score or a complaint written in
    the free text opens a complaint about the job's technician; below the
    serious threshold it is serious, which the complaint register sends to
    the executives at once. Otherwise the service department handles it."""

    _inherit = "aftersales.service.survey"  # pylint: disable=consider-merging-classes-inherited

    complaint_id = fields.Many2one("aftersales.complaint", readonly=True, copy=False)

    @api.model
    def _complaint_thresholds(self):
        params = self.env["ir.config_parameter"].sudo()
        keywords = params.get_param("aftersales_survey.complaint_keywords") or ""
        return (
            float(params.get_param("aftersales_survey.low_score_threshold", 2.0)),
            float(params.get_param("aftersales_survey.serious_score_threshold", 1.5)),
            [word.strip().lower() for word in keywords.split(",") if word.strip()],
        )

    def _complaint_severity(self, low, serious, keywords):
        """None when the answer opens no complaint, else its severity."""
        self.ensure_one()
        rated = bool(self.score_ids)
        comment = (self.comment or "").lower()
        if rated and self.average_level < serious:
            return "serious"
        if (rated and self.average_level < low) or any(word in comment for word in keywords):
            return "normal"
        return None

    def _after_answer(self):
        result = super()._after_answer()
        low, serious, keywords = self._complaint_thresholds()
        vals_list, surveys = [], self.browse()
        for record in self.filtered(lambda r: not r.complaint_id):
            severity = record._complaint_severity(low, serious, keywords)
            if severity:
                vals_list.append(record._prepare_complaint_vals(severity))
                surveys |= record
        complaints = self.env["aftersales.complaint"].sudo().create(vals_list)
        for record, complaint in zip(surveys, complaints, strict=True):
            record.complaint_id = complaint
        return result

    def _prepare_complaint_vals(self, severity):
        self.ensure_one()
        lowest = min(self.score_ids, key=lambda s: s.level, default=None)
        xmlid = CRITERION_CATEGORY.get(lowest.criterion_id.code) if lowest else None
        category = self.env.ref(xmlid or SERVICE_CATEGORY)
        ratings = "\n".join(
            f"{score.criterion_id.name}: {score.level}/4" for score in self.score_ids
        )
        return {
            "partner_id": self.partner_id.id,
            "channel": "survey",
            "category_id": category.id,
            "severity": severity,
            "description": self.env._(
                "Satisfaction survey %(name)s, average rating %(average)s/4.\n"
                "%(ratings)s\n\n%(comment)s",
                name=self.name,
                average=self.average_level,
                ratings=ratings,
                comment=self.comment or "",
            ),
            "service_request_id": self.request_id.id,
            "repair_id": self.repair_id.id,
            "lot_id": self.lot_id.id,
            "technician_id": self.user_id.id,
            "company_id": self.company_id.id,
        }

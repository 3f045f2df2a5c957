# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesCoverage(models.AbstractModel):
    """Answers the service desk's question while the customer is on the phone
    (W8): is this serial (or this customer's product) serviced free under
    warranty, under a maintenance contract, or paid?"""

    _name = "aftersales.coverage"
    _description = "Warranty and Contract Coverage"

    @api.model
    def _lookup(self, lot=None, product=None, partner=None, on_date=None):
        """Return a dict: ``category`` (free / contract / paid), ``reason``
        (a sentence for the desk), ``certificate``, ``contract`` and ``until``.
        Give a serial (``lot``), or a ``product`` and a ``partner``."""
        day = on_date or fields.Date.context_today(self)
        certificate = self._active_certificate(lot, product, partner, day)
        if certificate:
            return {
                "category": "free",
                "reason": self.env._(
                    "Under warranty: certificate %(name)s, until %(until)s.",
                    name=certificate.name,
                    until=certificate.date_end,
                ),
                "certificate": certificate,
                "contract": self.env["aftersales.maintenance.contract"],
                "until": certificate.date_end,
            }
        contract = self._running_contract(lot, product, partner, day)
        if contract:
            return {
                "category": "contract",
                "reason": self.env._(
                    "Under maintenance contract %(name)s, until %(until)s.",
                    name=contract.name,
                    until=contract.date_end,
                ),
                "certificate": self.env["aftersales.warranty.certificate"],
                "contract": contract,
                "until": contract.date_end,
            }
        return {
            "category": "paid",
            "reason": self._paid_reason(lot, product, partner, day),
            "certificate": self.env["aftersales.warranty.certificate"],
            "contract": self.env["aftersales.maintenance.contract"],
            "until": False,
        }

    def _target_domain(self, lot, product, partner):
        if lot:
            return [("lot_id", "=", lot.id)]
        return [
            ("product_id", "=", product.id),
            ("commercial_partner_id", "=", partner.commercial_partner_id.id),
        ]

    def _active_certificate(self, lot, product, partner, day):
        return self.env["aftersales.warranty.certificate"].search(
            self._target_domain(lot, product, partner)
            + [("state", "=", "active"), ("date_start", "<=", day), ("date_end", ">=", day)],
            limit=1,
            order="date_end desc",
        )

    def _running_contract(self, lot, product, partner, day):
        if lot:
            equipment = ["|", ("lot_ids", "in", lot.ids), ("certificate_ids.lot_id", "in", lot.ids)]
        else:
            equipment = [
                ("commercial_partner_id", "=", partner.commercial_partner_id.id),
                "|",
                ("lot_ids.product_id", "=", product.id),
                ("certificate_ids.product_id", "=", product.id),
            ]
        return self.env["aftersales.maintenance.contract"].search(
            equipment
            + [
                ("state", "in", ("running", "expiring")),
                ("date_start", "<=", day),
                ("date_end", ">=", day),
            ],
            limit=1,
            order="date_end desc",
        )

    def _paid_reason(self, lot, product, partner, day):
        last = self.env["aftersales.warranty.certificate"].search(
            self._target_domain(lot, product, partner) + [("state", "in", ("active", "expired"))],
            limit=1,
            order="date_end desc",
        )
        if last:
            return self.env._(
                "Paid service: warranty %(name)s ended on %(end)s and no maintenance "
                "contract runs.",
                name=last.name,
                end=last.date_end,
            )
        return self.env._("Paid service: no warranty certificate or maintenance contract.")

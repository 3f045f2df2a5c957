# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.fields import Domain

from .call_log import phone_key

# Partner fields holding a phone number (Odoo 19's base has ``phone`` only;
# a module may add ``mobile``).
PHONE_FIELDS = ("phone", "mobile")


class ResPartner(models.Model):
    """The hotline finds the caller by his number however it is written (I5)."""

    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    aftersales_phone_key = fields.Char(
        string="Phone Digits",
        compute="_compute_aftersales_phone_key",
        store=True,
        index="trigram",
        help="The partner's phone numbers as national digits, for the hotline's look-up.",
    )

    @api.depends(lambda self: [name for name in PHONE_FIELDS if name in self._fields])
    def _compute_aftersales_phone_key(self):
        names = [name for name in PHONE_FIELDS if name in self._fields]
        for partner in self:
            keys = [phone_key(partner[name]) for name in names]
            keys = [key for key in keys if key]
            partner.aftersales_phone_key = f" {' '.join(keys)} " if keys else False

    @api.model
    def _aftersales_find_by_phones(self, keys):
        """``{key: partner}`` for the national digits ``keys`` (see
        ``phone_key``), one query for all of them; a number several partners
        share gives the first of them (a contact before his company)."""
        keys = sorted(set(keys))
        if not keys:
            return {}
        partners = self.search(
            Domain.OR(Domain("aftersales_phone_key", "like", f" {key} ") for key in keys),
            order="parent_id desc, id",
        )
        found = {}
        for partner in partners:
            for key in (partner.aftersales_phone_key or "").split():
                found.setdefault(key, partner)
        return {key: found[key] for key in keys if key in found}

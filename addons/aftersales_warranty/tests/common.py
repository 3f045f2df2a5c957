# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aftersales_base.tests.common import AftersalesFixtures


class WarrantyFixtures(AftersalesFixtures):
    """The suite's people and customer, plus what most warranty tests need: a
    2-year policy, a serial-tracked product using it and serials."""

    @classmethod
    def setup_warranty_fixtures(cls):
        cls.setup_base_fixtures()
        env = cls.env
        cls.policy = env["aftersales.warranty.policy"].create(
            {"name": "Two years", "period": 2, "period_unit": "year"}
        )
        cls.product = env["product.product"].create(
            {
                "name": "Test air conditioner",
                "is_storable": True,
                "tracking": "serial",
                "aftersales_warranty_policy_id": cls.policy.id,
            }
        )
        cls.lots = env["stock.lot"].create(
            [{"name": f"TEST-SN-{i:03d}", "product_id": cls.product.id} for i in range(3)]
        )

    @classmethod
    def make_certificate(cls, lot, start, activate=True, **extra):
        cert = cls.env["aftersales.warranty.certificate"].create(
            {
                "partner_id": cls.customer.id,
                "product_id": lot.product_id.id,
                "lot_id": lot.id,
                "date_start": start,
                **extra,
            }
        )
        if activate:
            cert.action_activate()
        return cert

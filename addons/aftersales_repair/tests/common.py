# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import itertools
from datetime import date, datetime

from odoo import Command

from odoo.addons.aftersales_base.tests.common import make_user
from odoo.addons.aftersales_warranty.tests.common import WarrantyFixtures

# A real (1×1) PNG: a signature must be an image (issue 12).
SIGNATURE = (
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6"
    b"kgAAAABJRU5ErkJggg=="
)


class ServiceFixtures(WarrantyFixtures):
    """A zone on the fixtures' calendar (Mon-Fri 8-12/13-17), its supervisor,
    two certified technicians and an uncertified one, a covered serial."""

    serials = itertools.count()

    @classmethod
    def setup_service_fixtures(cls):
        cls.setup_warranty_fixtures()
        env = cls.env
        cls.categ = env["product.category"].create({"name": "Test air conditioners"})
        cls.product.categ_id = cls.categ
        cls.uncertified = make_user(env, "technician", login="as_rep_rookie")
        cls.zone = env["aftersales.zone"].create(
            {
                "name": "Test urban",
                "code": "TURB",
                "arrival_sla_hours": 6,
                "resource_calendar_id": cls.calendar.id,
                "supervisor_id": cls.supervisor.id,
                "technician_ids": [Command.set((cls.tech | cls.tech2 | cls.uncertified).ids)],
            }
        )
        env["aftersales.technician.certification"].create(
            [
                {"user_id": user.id, "categ_id": cls.categ.id, "date_valid": date(2020, 1, 1)}
                for user in (cls.tech, cls.tech2)
            ]
        )
        cls.certificate = cls.make_certificate(cls.lots[0], date(2026, 1, 1))

    @classmethod
    def make_request(cls, lot=None, call=None, **vals):
        return cls.env["aftersales.service.request"].create(
            {
                "partner_id": cls.customer.id,
                "zone_id": cls.zone.id,
                "lot_id": (lot or cls.lots[0]).id,
                "fault_description": "Does not cool",
                "date_call": call or datetime(2026, 11, 23, 1, 0),  # Mon 09:00 in China
                **vals,
            }
        )

    @classmethod
    def new_lot(cls):
        return cls.env["stock.lot"].create(
            {"name": f"SR-SN-{next(cls.serials)}", "product_id": cls.product.id}
        )

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aftersales_complaint.tests.common import ComplaintFixtures
from odoo.addons.aftersales_repair.tests.common import ServiceFixtures


class RepairComplaintFixtures(ComplaintFixtures, ServiceFixtures):
    """The service fixtures (zone, technicians, covered serials) and the
    complaint fixtures on the same people."""

    @classmethod
    def setup_repair_complaint_fixtures(cls):
        cls.setup_service_fixtures()
        cls.setup_complaint_fixtures()

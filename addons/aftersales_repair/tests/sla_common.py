# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import Command

from .common import ServiceFixtures

# Monday 23 November 2026, 09:00 in China (the fixtures' company): zone A
# (6 working hours, Mon-Fri 8-12/13-17) is due at 16:00, zone B (7 h) at 17:00.
MON_0900 = datetime(2026, 11, 23, 1, 0)
WED_0900 = datetime(2026, 11, 25, 1, 0)
WED_1100 = datetime(2026, 11, 25, 3, 0)
# The frozen "now" of the analysis tests: Wednesday 25 November, 15:00 in China.
NOW = "2026-11-25 07:00:00"


class SlaFixtures(ServiceFixtures):
    """Two zones and a handful of requests whose levels are counted by hand
    (T3). Zone A (response 2 h: due 11:00; arrival 6 h: 16:00; resolution
    9 h: Tuesday 10:00), at NOW: a1 met everything; a2 arrived at 15:00;
    a3 arrived and was resolved a day late; a4 never reached (open); a5
    (Wednesday 11:00) and a7 (Wednesday 09:00) open, their response late,
    a7's arrival at risk; a6 cancelled (not counted). Arrival: met 2 of 4
    decided (50 %), response 3 of 6, resolution 2 of 4. Zone B (arrival 7 h):
    b1-b3 met everything, b4 arrived and was resolved a day late."""

    @classmethod
    def setup_sla_fixtures(cls):
        cls.setup_service_fixtures()
        env = cls.env
        cls.Report = env["aftersales.sla.report"]
        cls.Zone = env["aftersales.zone"]
        cls.zone_a = cls.zone
        cls.zone_b = cls.Zone.create(
            {
                "name": "Test suburban",
                "code": "TSUB",
                "arrival_sla_hours": 7,
                "resource_calendar_id": cls.calendar.id,
                "supervisor_id": cls.supervisor.id,
                "technician_ids": [Command.set((cls.tech | cls.tech2).ids)],
            }
        )
        cls.a1 = cls.closed(cls.zone_a, hours=1)
        cls.a2 = cls.closed(cls.zone_a, hours=6)  # 15:00, due 16:00
        cls.a3 = cls.closed(cls.zone_a, hours=25)  # Tuesday 10:00: 18 h late
        cls.a4 = cls.make_request(lot=cls.new_lot(), call=MON_0900)
        cls.a5 = cls.make_request(lot=cls.new_lot(), call=WED_1100)  # due Thursday 09:00
        cls.a6 = cls.make_request(lot=cls.new_lot(), call=MON_0900)
        cls.a6._write_process({"state": "cancelled"})
        cls.a7 = cls.make_request(lot=cls.new_lot(), call=WED_0900)  # due 16:00, at risk 14:30
        cls.b1, cls.b2, cls.b3 = (cls.closed(cls.zone_b, hours=h) for h in (1, 2, 7))
        cls.b4 = cls.closed(cls.zone_b, hours=25)  # Tuesday 10:00: 17 h late

    @classmethod
    def closed(cls, zone, hours, call=MON_0900, technician=None):
        """A job of ``zone`` called at ``call``, answered within 30 minutes,
        reached ``hours`` later and resolved an hour after (written as the
        steps would, X6)."""
        request = cls.make_request(lot=cls.new_lot(), call=call, zone_id=zone.id)
        arrival = call + timedelta(hours=hours)
        # in the zone's environment (its context: quiet or not)
        request.with_env(zone.env)._write_process(
            {
                "state": "done",
                "user_id": (technician or cls.tech).id,
                "date_responded": call + timedelta(minutes=30),
                "date_arrival": arrival,
                "date_done": arrival + timedelta(hours=1),
                "date_resolved": arrival + timedelta(hours=1),
            }
        )
        return request

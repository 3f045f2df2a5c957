# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""19.0.1.3.0 (issue 14, T1/T2): the 7×24 calendar works on public holidays
(its data is noupdate); requests already served get the moments their new
response and resolution levels are measured by: the arrival was the first
contact, the job done (or the workshop's repair) the resolution."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    calendar = env.ref("aftersales_repair.resource_calendar_7x24", raise_if_not_found=False)
    if calendar:
        calendar.aftersales_works_holidays = True
    env.flush_all()
    cr.execute(
        """
        UPDATE aftersales_service_request
           SET date_responded = date_arrival
         WHERE date_responded IS NULL AND date_arrival IS NOT NULL
     RETURNING id
        """
    )
    responded = [row[0] for row in cr.fetchall()]
    cr.execute(
        """
        UPDATE aftersales_service_request r
           SET date_resolved = COALESCE(o.aftersales_date_done, r.date_done)
          FROM aftersales_service_request s
     LEFT JOIN repair_order o ON o.id = s.repair_id
         WHERE s.id = r.id
           AND r.date_resolved IS NULL
           AND COALESCE(o.aftersales_date_done, r.date_done) IS NOT NULL
     RETURNING r.id
        """
    )
    resolved = [row[0] for row in cr.fetchall()]
    Request = env["aftersales.service.request"]
    Request.invalidate_model(["date_responded", "date_resolved"])
    requests = Request.browse(sorted(set(responded + resolved)))
    if requests:
        requests.modified(["date_responded", "date_resolved"])
        env.flush_all()

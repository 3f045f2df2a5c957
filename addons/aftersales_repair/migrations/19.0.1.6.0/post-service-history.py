# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""19.0.1.6.0 (P5, issue 16): the lines that closed service requests wrote
before (their reference is the request's number) now point at their job (one
line per job), and say its type and coverage."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        WITH matched AS (
            SELECT DISTINCT ON (r.id) s.id AS line_id, r.id AS request_id,
                   r.service_category, t.name AS type_name
              FROM aftersales_warranty_service s
              JOIN aftersales_service_request r
                ON r.name = s.reference AND r.company_id = s.company_id
              LEFT JOIN aftersales_request_type t ON t.id = r.request_type_id
             WHERE s.job_id IS NULL
             ORDER BY r.id, s.id
        )
        UPDATE aftersales_warranty_service s
           SET job_model = 'aftersales.service.request',
               job_id = m.request_id,
               coverage = COALESCE(m.service_category, s.coverage),
               job_type = COALESCE(m.type_name->>'en_US', s.job_type)
          FROM matched m
         WHERE s.id = m.line_id
        """
    )

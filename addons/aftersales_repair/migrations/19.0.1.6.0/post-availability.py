# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""19.0.1.6.0 (P7, issue 16): the Repair request type reports faults (its
requests are the contracts' downtime); the request types are noupdate data."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE aftersales_request_type t
           SET reports_fault = TRUE
          FROM ir_model_data d
         WHERE d.module = 'aftersales_repair' AND d.name = 'request_type_repair'
           AND d.model = 'aftersales.request.type' AND d.res_id = t.id
        """
    )

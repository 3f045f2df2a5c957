# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""19.0.1.6.0 (P5, issue 16): the service record becomes the serial's lifetime
history. Existing lines keep their certificate and take its serial, customer
and company as their own fields (they were related to the certificate), and
their coverage from "free of charge"; before the new columns are declared, so
that the required serial is set on every line."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        ALTER TABLE aftersales_warranty_service
            ADD COLUMN IF NOT EXISTS partner_id int4,
            ADD COLUMN IF NOT EXISTS coverage varchar
        """
    )
    cr.execute(
        """
        UPDATE aftersales_warranty_service s
           SET lot_id = COALESCE(s.lot_id, c.lot_id),
               partner_id = COALESCE(s.partner_id, c.partner_id),
               company_id = COALESCE(s.company_id, c.company_id)
          FROM aftersales_warranty_certificate c
         WHERE c.id = s.certificate_id
        """
    )
    cr.execute(
        """
        UPDATE aftersales_warranty_service
           SET coverage = CASE WHEN free_of_charge THEN 'free' ELSE 'paid' END
         WHERE coverage IS NULL
        """
    )

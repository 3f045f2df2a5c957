# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""19.0.1.7.0 (I6, issue 17): a time line may be general administrative work
without a job. The old CHECK (a line belongs to a repair or a request) goes;
the upgrade adds the new one (a job, or administrative work of a kind), which
every existing line meets: they all have a job."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "ALTER TABLE aftersales_repair_time "
        "DROP CONSTRAINT IF EXISTS aftersales_repair_time_on_a_job"
    )

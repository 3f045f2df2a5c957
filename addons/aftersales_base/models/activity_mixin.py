# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class AftersalesActivityMixin(models.AbstractModel):
    """The one way the suite schedules activities for people (escalations,
    reminders, notices): batch-created, as superuser, quietly."""

    _name = "aftersales.activity.mixin"
    _description = "After-Sales Activities"

    def _aftersales_schedule_activities(
        self, entries, activity_type="mail.mail_activity_data_todo"
    ):
        """Creates one activity per entry of ``entries``, all in one
        ``create``. Each entry is a dict with ``record`` (a record of this
        model), ``user`` (a ``res.users`` record) and ``summary``; optionally
        ``date_deadline`` (default: today in the record's company's time
        zone) and ``note``. ``activity_type`` is the xmlid of the activity
        type. The recipient may be anyone and the caller a scheduled action or
        a clerk: created as superuser, without the "assigned to you" mail."""
        entries = list(entries)
        if not entries:
            return self.env["mail.activity"]
        activity_type = self.env.ref(activity_type)
        model_ids = {}
        vals_list = []
        for entry in entries:
            record = entry["record"]
            if record._name not in model_ids:
                model_ids[record._name] = self.env["ir.model"]._get_id(record._name)
            deadline = entry.get("date_deadline")
            if deadline is None:
                company = (
                    record.company_id if "company_id" in record._fields else record.env.company
                )
                deadline = company._aftersales_today()
            vals = {
                "res_model_id": model_ids[record._name],
                "res_id": record.id,
                "activity_type_id": activity_type.id,
                "user_id": entry["user"].id,
                "date_deadline": deadline,
                "summary": entry["summary"],
            }
            if "note" in entry:
                vals["note"] = entry["note"]
            vals_list.append(vals)
        return (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )

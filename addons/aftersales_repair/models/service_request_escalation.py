# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


# One concept per file: the request's register, dispatch, visit and
# escalations extend the same model from their own files.
class AftersalesServiceRequest(models.Model):
    """Scheduled escalations of service requests (S4): a breached arrival
    deadline goes to the zone's supervisor once; at day end, what was not
    dispatched is flagged to be dispatched first the next morning. Each batch
    costs the same queries whatever its size and locks what it processes."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _escalate_sla_batch(self, now, limit):
        requests = self._locked_batch(
            [
                ("state", "in", ("to_approve", "to_dispatch", "dispatched")),
                ("date_arrival", "=", False),
                ("sla_escalated", "=", False),
                ("sla_deadline", "<", now),
            ],
            limit,
        )
        if not requests:
            return 0
        self._aftersales_schedule_activities(
            [
                {
                    "record": request,
                    "user": (
                        request.supervisor_id or request.company_id._aftersales_service_manager()
                    ),
                    "summary": self.env._("Arrival deadline breached"),
                }
                for request in requests
            ]
        )
        requests._write_process({"sla_escalated": True})
        body = self.env._("Arrival deadline breached: escalated to the supervisor.")
        requests._message_log_batch(dict.fromkeys(requests.ids, body))
        return len(requests)

    @api.model
    def _flag_undispatched_batch(self, now, limit):
        requests = self._locked_batch(
            [
                ("state", "in", ("to_approve", "to_dispatch")),
                ("priority", "=", "0"),
                ("date_call", "<=", now),
            ],
            limit,
        )
        if not requests:
            return 0
        requests.with_context(tracking_disable=True).write({"priority": "1"})
        body = self.env._("Not dispatched today: to be dispatched first tomorrow morning.")
        requests._message_log_batch(dict.fromkeys(requests.ids, body))
        return len(requests)

    @api.model
    def _cron_escalate_sla(self, batch_size=500):
        now = fields.Datetime.now()
        return self._run_batches(lambda: self._escalate_sla_batch(now, batch_size))

    @api.model
    def _cron_flag_undispatched(self, batch_size=500):
        now = fields.Datetime.now()
        return self._run_batches(lambda: self._flag_undispatched_batch(now, batch_size))

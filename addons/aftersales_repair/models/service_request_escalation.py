# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.aftersales_base.lang import in_company_lang

from .service_request import OPEN_STATES
from .service_request_levels import LEVELS


# One concept per file: the request's register, dispatch, visit and
# escalations extend the same model from their own files.
class AftersalesServiceRequest(models.Model):
    """Scheduled escalations of service requests: each breached service level
    (T2) goes once to whoever answers for it, the response and the arrival
    (S4) to the zone's supervisor, the resolution to the service manager; at
    day end, what was not dispatched is flagged to be dispatched first the
    next morning. Each batch costs the same queries whatever its size and
    locks what it processes."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited

    def _level_escalation_texts(self):
        """level -> (activity summary, chatter line)."""
        return {
            "response": (
                self.env._("Response deadline breached"),
                self.env._("Response deadline breached: escalated to the supervisor."),
            ),
            "arrival": (
                self.env._("Arrival deadline breached"),
                self.env._("Arrival deadline breached: escalated to the supervisor."),
            ),
            "resolution": (
                self.env._("Resolution deadline breached"),
                self.env._("Resolution deadline breached: escalated to the service manager."),
            ),
        }

    def _level_escalation_user(self, level_name, managers):
        """Who answers for a breached level of this request; ``managers``:
        the service manager of each company (looked up once a batch)."""
        self.ensure_one()
        if level_name != "resolution" and self.supervisor_id:
            return self.supervisor_id
        return managers[self.company_id]

    @api.model
    def _escalate_level_batch(self, level_name, now, limit):
        """Open requests whose ``level_name`` deadline passed unmet: one
        activity and one chatter line each, once."""
        level = LEVELS[level_name]
        requests = self._locked_batch(
            [
                ("state", "in", OPEN_STATES),
                (level.met_at, "=", False),
                (level.escalated, "=", False),
                (level.deadline, "<", now),
            ],
            limit,
        )
        if not requests:
            return 0
        summary, body = self._level_escalation_texts()[level_name]
        managers = {
            company: company._aftersales_service_manager() for company in requests.company_id
        }
        self._aftersales_schedule_activities(
            [
                {
                    "record": request,
                    "user": request._level_escalation_user(level_name, managers),
                    "summary": summary,
                }
                for request in requests
            ]
        )
        requests._write_process({level.escalated: True})
        requests._message_log_batch(dict.fromkeys(requests.ids, body))
        return len(requests)

    @api.model
    def _escalate_levels_batch(self, now, limit):
        return sum(self._escalate_level_batch(name, now, limit) for name in LEVELS)

    @api.model
    def _escalate_sla_batch(self, now, limit):
        """The arrival level alone (S4)."""
        return self._escalate_level_batch("arrival", now, limit)

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
    @in_company_lang
    def _cron_escalate_sla(self, batch_size=500):
        now = fields.Datetime.now()
        return self._run_batches(lambda: self._escalate_levels_batch(now, batch_size))

    @api.model
    @in_company_lang
    def _cron_flag_undispatched(self, batch_size=500):
        now = fields.Datetime.now()
        return self._run_batches(lambda: self._flag_undispatched_batch(now, batch_size))

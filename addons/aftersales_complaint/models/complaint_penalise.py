# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

DEFAULT_AMOUNTS = {"responsible": 200.0, "head": 100.0, "late": 50.0}


# One concept per file: the complaint's register is in complaint.py.
class AftersalesComplaint(models.Model):
    """The penalties a complaint calls for (C8), proposed as drafts the
    service manager then adjusts and confirms."""

    _inherit = "aftersales.complaint"  # pylint: disable=consider-merging-classes-inherited

    def _penalty_amounts(self):
        params = self.env["ir.config_parameter"].sudo()
        return {
            role: float(params.get_param(f"aftersales_complaint.penalty_{role}", default))
            for role, default in DEFAULT_AMOUNTS.items()
        }

    def _penalty_candidates(self):
        """(user, role) pairs, one per person (C8): the directly responsible
        persons — the employee concerned and those the investigation names —,
        or the team leader when nobody is identified; the heads of the
        responsible departments; whoever let a step run late. A person in
        several roles is fined once, in the first of them (issue 15)."""
        self.ensure_one()
        responsible = self.technician_id | self.responsible_user_ids
        pairs = [(user, "responsible") for user in responsible]
        if not pairs:
            leader = (
                self.responsible_department_ids.manager_id.user_id[:1]
                or self.department_id.manager_id.user_id
            )
            pairs += [(leader, "team_leader")] if leader else []
        pairs += [(user, "head") for user in self.responsible_department_ids.manager_id.user_id]
        pairs += [(user, "late") for user in self.late_user_ids]
        seen = set()
        candidates = []
        for user, role in pairs:
            if user not in seen:
                seen.add(user)
                candidates.append((user, role))
        return candidates

    def action_propose_penalties(self):
        """Draft penalty lines, one per person; a repeat complaint doubles
        them. Running it again adds only whom is missing."""
        self._check_step("penalise")
        self._check_group("aftersales_base.group_aftersales_manager", self.env._("penalise"))
        amounts = self._penalty_amounts()
        amounts["team_leader"] = amounts["responsible"]
        vals_list = []
        for complaint in self:
            fined = set(complaint.penalty_ids.filtered(lambda p: p.kind == "penalty").user_id)
            for user, role in complaint._penalty_candidates():
                if user in fined:
                    continue
                fined.add(user)
                vals_list.append(complaint._prepare_penalty_vals(user, role, amounts[role]))
        self.env["aftersales.ledger.entry"].create(vals_list)
        return True

    def _prepare_penalty_vals(self, user, role, amount):
        """A draft penalty of ``user`` in ``role`` for the complaint."""
        self.ensure_one()
        return {
            "complaint_id": self.id,
            "user_id": user.id,
            "kind": "penalty",
            "role": role,
            "basis": "fixed",
            "fixed_amount": amount,
            "is_doubled": self.is_repeat,
            "date": self.company_id._aftersales_today(),
        }

    def action_view_penalties(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_base.action_ledger_entry"
        )
        action["domain"] = [("complaint_id", "=", self.id)]
        action["context"] = {"default_complaint_id": self.id}
        return action

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrEmployee(models.Model):
    """A clerk's deputy (I5): who takes over his call-backs while he is absent
    (marked absent here, or on validated time off when Time Off is
    installed)."""

    _inherit = "hr.employee"

    aftersales_deputy_id = fields.Many2one(
        "hr.employee",
        string="After-Sales Deputy",
        check_company=True,
        domain="[('id', '!=', id), ('user_id', '!=', False)]",
        groups="hr.group_hr_user",
        help="Takes over this employee's hotline call-backs while he is absent.",
    )
    aftersales_absent = fields.Boolean(
        string="Marked Absent",
        groups="hr.group_hr_user",
        help="Absent for the after-sales desk: his call-backs go to his deputy. Validated "
        "time off counts too when the Time Off app is installed.",
    )

    @api.model
    def _aftersales_absent_employees(self, employees, now=None):
        """The employees of ``employees`` absent at ``now`` (UTC): marked
        absent, or on validated time off covering it; one query for all."""
        absent = employees.filtered("aftersales_absent")
        if "hr.leave" in self.env and employees:
            now = now or fields.Datetime.now()
            leaves = (
                self.env["hr.leave"]
                .sudo()
                ._read_group(
                    [
                        ("employee_id", "in", employees.ids),
                        ("state", "=", "validate"),
                        ("date_from", "<=", now),
                        ("date_to", ">", now),
                    ],
                    ["employee_id"],
                )
            )
            absent |= self.browse([employee.id for (employee,) in leaves])
        return absent

    @api.model
    def _aftersales_followup_users(self, company_users, now=None):
        """``{(company, user): user}``: who takes the call-backs of each
        ``user`` in ``company`` (I5): the user himself when present, else his
        deputy's user, else the deputy's deputy (an absent chain is followed
        up to three steps; nobody present: the user himself). A few queries
        for the whole batch."""
        Employee = self.sudo()
        result = {key: key[1] for key in company_users}
        if not company_users:
            return result
        employees = Employee.search(
            [
                ("user_id", "in", list({user.id for _company, user in company_users})),
                ("company_id", "in", list({company.id for company, _user in company_users})),
            ]
        )
        of_key = {(emp.company_id, emp.user_id): emp for emp in employees}
        chain_employees = employees
        for _step in range(3):
            chain_employees |= chain_employees.aftersales_deputy_id
        absent = self._aftersales_absent_employees(chain_employees, now)
        for key in company_users:
            employee = of_key.get(key)
            if not employee or employee not in absent:
                continue
            taker = employee.aftersales_deputy_id
            for _step in range(3):
                if not taker or taker not in absent:
                    break
                taker = taker.aftersales_deputy_id
            if taker and taker not in absent and taker.user_id:
                result[key] = taker.user_id.with_env(self.env)
        return result

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.aftersales_base.roles import MANAGER


class AftersalesPartSubstitute(models.Model):
    """A substitute for a spare part (W7), approved on the strength of its
    test report, proposed when the original part is discontinued."""

    _name = "aftersales.part.substitute"
    _description = "Spare-Part Substitute"
    _inherit = ["mail.thread", "aftersales.process.mixin"]
    _order = "product_tmpl_id, sequence, id"
    _process_fields = ("state", "approved_by_id", "date_approved")

    product_tmpl_id = fields.Many2one(
        "product.template", string="Part", required=True, index=True, ondelete="cascade"
    )
    substitute_id = fields.Many2one("product.product", required=True, tracking=True)
    sequence = fields.Integer(default=10)
    state = fields.Selection(
        [("proposed", "Proposed"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="proposed",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    test_report = fields.Binary(attachment=True, copy=False)
    test_report_name = fields.Char(string="Test Report File Name")
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Date(readonly=True, copy=False)
    notes = fields.Text()

    @api.constrains("product_tmpl_id", "substitute_id")
    def _check_not_itself(self):
        for line in self:
            if line.substitute_id.product_tmpl_id == line.product_tmpl_id:
                raise ValidationError(self.env._("A part cannot substitute itself."))

    def _set_state(self, state):
        """The one way a substitute is approved or rejected (X6): by the
        after-sales manager, an approval on the strength of its test report."""
        if state == "approved":
            label = self.env._("approve the substitute")
            self._ensure_state(("proposed", "rejected"), label)
            self._ensure_role(MANAGER, label)
            for line in self:
                if not line.test_report:
                    raise UserError(
                        self.env._(
                            "Attach the test report of %s before approving it as a substitute.",
                            line.substitute_id.display_name,
                        )
                    )
            vals = {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "date_approved": self.env.company._aftersales_today(),
            }
        elif state == "rejected":
            label = self.env._("reject the substitute")
            self._ensure_state(("proposed", "approved"), label)
            self._ensure_role(MANAGER, label)
            vals = {"state": "rejected", "approved_by_id": False, "date_approved": False}
        else:
            raise UserError(self.env._("A substitute is proposed when it is created."))
        self._write_process(vals)
        return True

    def action_approve(self):
        return self._set_state("approved")

    def action_reject(self):
        return self._set_state("rejected")

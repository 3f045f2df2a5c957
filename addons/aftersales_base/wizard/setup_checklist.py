# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import api, fields, models

from ..roles import MANAGER


class AftersalesSetupChecklist(models.TransientModel):
    """The setup checklist of the current company: one line per essential
    step, green when done, with a button opening the screen that does it."""

    _name = "aftersales.setup.checklist"
    _description = "After-Sales Setup Checklist"

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    line_ids = fields.One2many("aftersales.setup.checklist.line", "checklist_id", readonly=True)
    done_count = fields.Integer(compute="_compute_progress")
    step_count = fields.Integer(compute="_compute_progress")
    all_done = fields.Boolean(compute="_compute_progress")

    @api.depends("line_ids.done")
    def _compute_progress(self):
        for checklist in self:
            checklist.step_count = len(checklist.line_ids)
            checklist.done_count = len(checklist.line_ids.filtered("done"))
            checklist.all_done = checklist.done_count == checklist.step_count

    @api.depends("company_id")
    def _compute_display_name(self):
        for checklist in self:
            checklist.display_name = self.env._("Setup Checklist")

    @api.model_create_multi
    def create(self, vals_list):
        checklists = super().create(vals_list)
        for checklist in checklists:
            checklist._fill_lines()
        return checklists

    def _fill_lines(self):
        self.ensure_one()
        steps = sorted(
            self.company_id._aftersales_setup_steps(), key=lambda s: (s["sequence"], s["key"])
        )
        self.line_ids.unlink()
        self.env["aftersales.setup.checklist.line"].create(
            [
                {
                    "checklist_id": self.id,
                    "sequence": step["sequence"],
                    "key": step["key"],
                    "name": step["name"],
                    "hint": step.get("hint") or False,
                    "done": step["done"],
                    "action_ref": step["action"]
                    if isinstance(step.get("action"), str)
                    else json.dumps(step.get("action") or {}),
                }
                for step in steps
            ]
        )

    def action_refresh(self):
        self.ensure_one()
        self._fill_lines()
        return self._action_open()

    def _action_open(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Setup Checklist"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    @api.model
    def action_open_checklist(self):
        """A new checklist of the current company, filled in."""
        return self.create({})._action_open()

    @api.model
    def action_aftersales_home(self):
        """The After-Sales app's first screen: the setup checklist for a
        service manager while an essential step is not done, else the first
        screen of the app's menu."""
        company = self.env.company
        if self.env.user.has_group(MANAGER) and not company._aftersales_setup_done():
            return self.action_open_checklist()
        return self._first_menu_action()

    @api.model
    def _first_menu_action(self):
        root = self.env.ref("aftersales_base.menu_aftersales_root")
        menus = self.env["ir.ui.menu"].search([("id", "child_of", root.id)])
        visible = set(menus._filter_visible_menus().ids)
        children = {}
        for menu in menus.sorted(lambda m: (m.sequence, m.id)):
            if menu.id in visible:
                children.setdefault(menu.parent_id.id, []).append(menu)

        def first(menu):
            for child in children.get(menu.id, []):
                if child.action and child.action._name == "ir.actions.act_window":
                    return child.action
                found = first(child)
                if found:
                    return found
            return None

        action = first(root)
        if not action:
            return {"type": "ir.actions.act_window_close"}
        return action.sudo()._get_action_dict()


class AftersalesSetupChecklistLine(models.TransientModel):
    _name = "aftersales.setup.checklist.line"
    _description = "After-Sales Setup Step"
    _order = "sequence, id"

    checklist_id = fields.Many2one(
        "aftersales.setup.checklist", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer()
    key = fields.Char(required=True)
    name = fields.Char(string="Step", required=True)
    hint = fields.Char()
    done = fields.Boolean()
    action_ref = fields.Char()

    def action_open_step(self):
        """The screen where the step is done."""
        self.ensure_one()
        ref = self.action_ref or ""
        if ref.startswith("{"):
            return json.loads(ref)
        if ref:
            return self.env["ir.actions.actions"]._for_xml_id(ref)
        return False

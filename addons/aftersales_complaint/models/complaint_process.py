# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.aftersales_base.roles import DESK, MANAGER, SUPERVISOR

from .complaint import COMPLAINT_STATES

# The one path through the steps (X6): the state each state is reached from.
TRANSITIONS = {
    "judge": ("record",),
    "assign": ("judge",),
    "rejected": ("judge",),
    "investigate": ("assign",),
    "propose": ("investigate",),
    "notify": ("propose",),
    "penalise": ("notify",),
    "improve": ("penalise",),
    "done": ("improve",),
}
# What a step decided stays decided (C3, C6): fields frozen once the step
# that decides them is done, with the states where they are still open.
DECIDED_FIELDS = {
    "is_valid": ("record", "judge"),
    "demand_reasonable": ("record", "judge"),
    "judgement_note": ("record", "judge"),
    "solution": ("record", "judge", "assign", "investigate", "propose"),
    # C5: who answers for the complaint, from which the penalties follow (C8).
    "responsible_department_ids": ("record", "judge", "assign", "investigate", "propose"),
    "responsible_user_ids": ("record", "judge", "assign", "investigate", "propose"),
    "root_cause_id": ("record", "judge", "assign", "investigate", "propose"),
    # The penalties are computed from the loss (C8): fixed once they are decided.
    "loss_amount": (
        "record",
        "judge",
        "assign",
        "investigate",
        "propose",
        "notify",
        "penalise",
    ),
}
# The button that does the next step of a complaint in each state.
NEXT_STEP = {
    "record": "action_submit",
    "judge": "action_judge",
    "assign": "action_assign",
    "investigate": "action_investigated",
    "propose": "action_approve",
    "notify": "action_notify",
    "penalise": "action_penalties_done",
    "improve": "action_close",
}


# One concept per file: the complaint's register is in complaint.py.
class AftersalesComplaint(models.Model):
    """The eight steps (C3-C9), each done by a button that checks the step
    before it was done: record → judge → assign → investigate → propose →
    notify → penalise → improve."""

    _inherit = "aftersales.complaint"  # pylint: disable=consider-merging-classes-inherited

    # C3 judge
    is_valid = fields.Selection(
        [("valid", "Valid"), ("invalid", "Invalid")], string="Validity", tracking=True, copy=False
    )
    demand_reasonable = fields.Selection(
        [("yes", "Reasonable"), ("partly", "Partly Reasonable"), ("no", "Unreasonable")],
        string="Demand",
        tracking=True,
        copy=False,
    )
    judgement_note = fields.Text(
        string="Reason", tracking=True, copy=False, help="Told to the customer when rejected."
    )
    judged_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    # C4 assign (routing rules in complaint_routing_rule.py)
    department_id = fields.Many2one(
        "hr.department",
        string="Handling Department",
        compute="_compute_routing",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        compute="_compute_routing",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
    )
    # C5 investigate
    responsible_department_ids = fields.Many2many(
        "hr.department", string="Responsible Departments", check_company=True
    )
    responsible_user_ids = fields.Many2many(
        "res.users",
        "aftersales_complaint_responsible_user_rel",
        "complaint_id",
        "user_id",
        string="Responsible Persons",
        domain="[('share', '=', False)]",
    )
    root_cause_id = fields.Many2one("aftersales.complaint.root.cause", tracking=True, index=True)
    root_cause_note = fields.Text(string="Investigation Findings", tracking=True)
    loss_amount = fields.Monetary(string="Loss", tracking=True)
    # C6 propose
    solution = fields.Text(tracking=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_approved = fields.Datetime(readonly=True, copy=False)
    # C7 notify
    notify_method = fields.Selection(
        [("email", "E-mail"), ("letter", "Letter"), ("phone", "Phone Call")],
        default="email",
        tracking=True,
    )
    date_notified = fields.Datetime(readonly=True, copy=False, tracking=True)
    customer_reaction = fields.Selection(
        [
            ("satisfied", "Satisfied"),
            ("accepted", "Accepted"),
            ("dissatisfied", "Dissatisfied"),
        ],
        tracking=True,
        copy=False,
    )
    customer_reaction_note = fields.Text(string="Customer's Words", tracking=True, copy=False)
    # C8, C9
    penalty_ids = fields.One2many("aftersales.ledger.entry", "complaint_id")
    penalty_count = fields.Integer(compute="_compute_penalty_count")
    action_ids = fields.One2many("aftersales.complaint.action", "complaint_id")
    date_done = fields.Datetime(string="Closed On", readonly=True, copy=False, tracking=True)
    blocked_reason = fields.Text(
        compute="_compute_blocked_reason",
        string="Why the Next Step Waits",
        help="What stops the complaint's next step for you now: the message its button would give.",
    )

    @api.depends("penalty_ids")
    def _compute_penalty_count(self):
        counts = dict(
            self.env["aftersales.ledger.entry"]._read_group(
                [("complaint_id", "in", self.ids)], ["complaint_id"], ["__count"]
            )
        )
        for complaint in self:
            complaint.penalty_count = counts.get(complaint, 0)

    # -- helpers ------------------------------------------------------------
    def _check_step(self, step):
        labels = dict(COMPLAINT_STATES)
        for complaint in self:
            if complaint.state != step:
                raise UserError(
                    self.env._(
                        "%(name)s is at step “%(current)s”: “%(step)s” cannot be done now. "
                        "The steps go in order: none is skipped.",
                        name=complaint.name,
                        current=labels[complaint.state],
                        step=labels[step],
                    )
                )
        return True

    def _check_group(self, group, what):
        """The current user holds ``group`` (the mixin's role guard)."""
        return self._ensure_role(group, what)

    def _check_owner_or_supervisor(self, what):
        """A step done by a supervisor or by the complaint's own owner (C5)."""
        if self.env.su or self.env.user.has_group(SUPERVISOR):
            return True
        others = self.filtered(lambda c: c.user_id != self.env.user)
        if others:
            raise AccessError(
                self.env._(
                    "Only a supervisor or the owner of %(name)s may %(what)s.",
                    name=others[0].name,
                    what=what,
                )
            )
        return True

    def _check_classified(self):
        """I1: a complaint received by e-mail is classified (C2) before it
        is submitted."""
        to_classify = self.env.ref(
            "aftersales_complaint.categ_to_classify", raise_if_not_found=False
        )
        unclassified = self.filtered(lambda c: to_classify and c.category_id == to_classify)
        if unclassified:
            raise UserError(
                self.env._(
                    "%(name)s: choose the category of the complaint first.",
                    name=unclassified[0].name,
                )
            )

    def _require(self, field_names):
        for complaint in self:
            missing = [
                complaint._fields[name].get_description(self.env)["string"]
                for name in field_names
                if not complaint[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(name)s: fill in %(fields)s first.",
                        name=complaint.name,
                        fields=", ".join(missing),
                    )
                )

    def _check_decided_fields(self, vals):
        """C3, C5, C6, C8: the judgement is not rewritten once judged, the
        findings of the investigation once the penalties follow from them,
        nor the solution once the service manager approved it."""
        for name in DECIDED_FIELDS.keys() & vals.keys():
            field = self._fields[name]
            for complaint in self:
                if complaint.state in DECIDED_FIELDS[name] and not (
                    name == "solution" and complaint.approved_by_id
                ):
                    continue
                current = complaint[name]
                if field.type == "many2one":
                    current = current.id
                if field.type not in ("one2many", "many2many") and (current or False) == (
                    vals[name] or False
                ):
                    continue  # unchanged (e.g. a form saving what it shows)
                raise UserError(
                    self.env._(
                        "%(name)s: “%(field)s” was decided at its step and can no longer "
                        "be changed.",
                        name=complaint.name,
                        field=complaint._fields[name].get_description(self.env)["string"],
                    )
                )

    # -- what blocks a step (issue 15) -------------------------------------------
    def _check_step_allowed(self, step):
        """The guards of ``step`` (a key of NEXT_STEP's values), checked
        before the step writes anything: its state, its role and the fields
        it needs. The step's button and the form's banner
        (_step_blocked_reason) both come here, so they never disagree."""
        if step == "action_submit":
            self._check_step("record")
            self._check_group(DESK, self.env._("submit a complaint"))
            self._require(["description", "customer_demand"])
            self._check_classified()
        elif step == "action_judge":
            self._check_step("judge")
            self._check_group(SUPERVISOR, self.env._("judge a complaint"))
            self._require(["is_valid"])
            self.filtered(lambda c: c.is_valid != "valid")._require(["judgement_note"])
            self.filtered(lambda c: c.is_valid == "valid")._require(["demand_reasonable"])
        elif step == "action_assign":
            self._check_step("assign")
            self._check_group(SUPERVISOR, self.env._("assign a complaint"))
            self._require(["department_id", "user_id"])
        elif step == "action_investigated":
            self._check_step("investigate")
            self._check_owner_or_supervisor(self.env._("close the investigation"))
            self._require(["responsible_department_ids", "root_cause_id"])
        elif step == "action_approve":
            self._check_step("propose")
            self._check_group(MANAGER, self.env._("approve the solution of a complaint"))
            self._require(["solution"])
        elif step == "action_notify":
            for complaint in self:
                if complaint.state == "propose":
                    raise UserError(
                        self.env._(
                            "%(name)s: the solution must be approved by the service manager "
                            "before the customer is told.",
                            name=complaint.name,
                        )
                    )
            self._check_step("notify")
            self._check_group(DESK, self.env._("notify the customer"))
            self._require(["solution", "approved_by_id", "notify_method"])
        elif step == "action_penalties_done":
            self._check_step("penalise")
            self._check_group(MANAGER, self.env._("penalise"))
            if self.penalty_ids.filtered(lambda p: p.state == "draft"):
                raise UserError(self.env._("Confirm or cancel the draft penalties first."))
        elif step == "action_close":
            self._check_step("improve")
            self._check_group(SUPERVISOR, self.env._("close a complaint"))
        return True

    def _step_blocked_reason(self, step=None):
        """Why the complaint's next step (or ``step``) cannot be done now by
        the current user, in their language: the message its button would
        raise; False when nothing blocks it."""
        self.ensure_one()
        step = step or NEXT_STEP.get(self.state)
        if not step:
            return False
        try:
            self._check_step_allowed(step)
        except (UserError, AccessError) as error:
            return error.args[0]
        return False

    @api.depends_context("uid", "lang")
    @api.depends(
        "state",
        "is_valid",
        "demand_reasonable",
        "judgement_note",
        "department_id",
        "user_id",
        "responsible_department_ids",
        "root_cause_id",
        "solution",
        "approved_by_id",
        "notify_method",
        "penalty_ids.state",
        "description",
        "customer_demand",
    )
    def _compute_blocked_reason(self):
        for complaint in self:
            complaint.blocked_reason = complaint._step_blocked_reason()

    # -- the steps ------------------------------------------------------------
    def action_submit(self):
        """Step 1 done: the complaint is recorded in full."""
        self._check_step_allowed("action_submit")
        self._set_state("judge")
        return True

    def action_judge(self):
        """Step 2 (C3): a valid complaint goes on; an invalid one gets the
        reply stating the reason and is closed as rejected."""
        self._check_step_allowed("action_judge")
        valid = self.filtered(lambda c: c.is_valid == "valid")
        invalid = self - valid
        judged = {"judged_by_id": self.env.user.id}
        valid._set_state("assign", judged)
        if invalid:
            invalid._set_state("rejected", judged)
            invalid._send_template("aftersales_complaint.mail_template_complaint_rejected")
        return True

    def action_assign(self):
        """Step 3 (C4): the handling department and owner are set."""
        self._check_step_allowed("action_assign")
        for complaint in self:
            complaint.message_subscribe(partner_ids=complaint.user_id.partner_id.ids)
        self._set_state("investigate")
        return True

    def action_investigated(self):
        """Step 4 (C5): responsible departments/persons and the root cause,
        by a supervisor or the complaint's owner."""
        self._check_step_allowed("action_investigated")
        self._set_state("propose")
        return True

    def action_approve(self):
        """Step 5 (C6): the service manager approves the solution."""
        self._check_step_allowed("action_approve")
        self._set_state(
            "notify",
            {"approved_by_id": self.env.user.id, "date_approved": fields.Datetime.now()},
        )
        return True

    def action_notify(self):
        """Step 6 (C7): the customer is told the approved solution by e-mail,
        letter or phone; the notification is logged."""
        self._check_step_allowed("action_notify")
        by_mail = self.filtered(lambda c: c.notify_method == "email")
        by_mail._send_template("aftersales_complaint.mail_template_complaint_solution")
        methods = dict(self._fields["notify_method"]._description_selection(self.env))
        for complaint in self - by_mail:
            complaint.message_post(
                body=self.env._(
                    "Customer told the approved solution by %(method)s.",
                    method=methods[complaint.notify_method],
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        self._set_state("penalise", {"date_notified": fields.Datetime.now()})
        return True

    def action_penalties_done(self):
        """Step 7 (C8): the penalties are decided (possibly none)."""
        self._check_step_allowed("action_penalties_done")
        self._set_state("improve")
        return True

    def action_close(self):
        """Step 8 (C9): improvements are planned; the complaint is done."""
        self._check_step_allowed("action_close")
        self._set_state("done", {"date_done": fields.Datetime.now()})
        return True

    def _send_template(self, xmlid):
        template = self.env.ref(xmlid)
        for complaint in self:
            complaint.message_post_with_source(
                template, message_type="comment", subtype_xmlid="mail.mt_comment"
            )

    # -- the one transition -----------------------------------------------------
    def _set_state(self, state, values=None):
        """The one transition of a complaint (X6): moves to ``state`` from the
        step before it, with the step's own values (who judged, who approved,
        when). The public step methods check the step and the role first; the
        stage deadline follows (complaint_escalation.py)."""
        labels = dict(COMPLAINT_STATES)
        for complaint in self:
            if complaint.state not in TRANSITIONS.get(state, ()):
                raise UserError(
                    self.env._(
                        "%(name)s is at step “%(current)s”: it cannot move to “%(state)s”.",
                        name=complaint.name,
                        current=labels[complaint.state],
                        state=labels.get(state, state),
                    )
                )
        return self._write_process(dict(values or {}, state=state))

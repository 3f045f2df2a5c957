# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import LockNotAvailable

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.aftersales_base.roles import SUPERVISOR

# The jobs a technician has on hand: dispatched to him and not done yet.
ON_HAND_STATES = ("dispatched", "on_site", "in_repair")


# One concept per file: the request's register, dispatch, visit and
# escalations extend the same model from their own files.
class AftersalesServiceRequest(models.Model):
    """Dispatch (S3, S14, S15): the supervisor approves where the request type
    asks for it, and assigns a technician who serves the zone and is
    certified for the product's category. A technician hands a job to another
    only with the dispatcher's approval."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited

    handover_user_id = fields.Many2one(
        "res.users",
        string="Hand Over To",
        copy=False,
        tracking=True,
        domain="[('id', 'in', available_technician_ids)]",
        help="The technician asks to hand the job to this colleague; the dispatcher approves.",
    )

    suggested_technician_id = fields.Many2one(
        "res.users",
        compute="_compute_suggested_technician_id",
        help="The certified technician of the zone with the fewest jobs on hand (then by "
        "name): dispatched in one click with Dispatch to Suggested.",
    )
    can_dispatch = fields.Boolean(compute="_compute_can_dispatch")

    def _assignable_technicians(self, day=None):
        """Technicians of the zone with a valid certification for the
        product's category (or a parent category)."""
        self.ensure_one()
        return self._assignable_technicians_by_request(day)[self]

    def _assignable_technicians_by_request(self, day=None):
        """{request: technicians of its zone certified (valid on ``day``,
        else the company's today) for its product's category or a parent
        one}, for the whole batch in one search of certifications."""
        days = {request: day or request.company_id._aftersales_today() for request in self}
        technicians = self.zone_id.technician_ids
        with_product = self.filtered("product_id")
        certs = self.env["aftersales.technician.certification"]
        if with_product and technicians:
            certs = certs.sudo().search(
                [
                    ("user_id", "in", technicians.ids),
                    ("categ_id", "parent_of", with_product.product_id.categ_id.ids),
                    ("date_valid", "<=", max(days[r] for r in with_product)),
                    "|",
                    ("date_expiry", "=", False),
                    ("date_expiry", ">=", min(days[r] for r in with_product)),
                ]
            )
        result = {}
        for request in self:
            zone_technicians = request.zone_id.technician_ids
            if not request.product_id:
                result[request] = zone_technicians
                continue
            path = request.product_id.categ_id.parent_path or ""
            on_day = days[request]
            result[request] = certs.filtered(
                lambda c, path=path, on_day=on_day, techs=zone_technicians: (
                    c.user_id in techs
                    and path.startswith(c.categ_id.parent_path or "/")
                    and c.date_valid <= on_day
                    and (not c.date_expiry or c.date_expiry >= on_day)
                )
            ).user_id
        return result

    @api.depends("zone_id", "product_id")
    def _compute_available_technician_ids(self):
        assignable = self._assignable_technicians_by_request()
        for request in self:
            request.available_technician_ids = assignable[request]

    @api.depends("state", "zone_id", "product_id")
    def _compute_suggested_technician_id(self):
        """Issue 15: who the supervisor would pick, so that he dispatches in
        one click: among the zone's technicians certified for the product,
        the one with the fewest jobs on hand, then by name. The whole batch
        in a constant number of queries."""
        waiting = self.filtered(lambda r: r.state in ("to_approve", "to_dispatch") and r.zone_id)
        (self - waiting).suggested_technician_id = False
        if not waiting:
            return
        assignable = waiting._assignable_technicians_by_request()
        candidates = self.env["res.users"].union(*assignable.values())
        on_hand = dict(
            self.sudo()._read_group(
                [("user_id", "in", candidates.ids), ("state", "in", ON_HAND_STATES)],
                ["user_id"],
                ["__count"],
            )
        )
        for request in waiting:
            technicians = assignable[request]
            request.suggested_technician_id = (
                min(
                    technicians,
                    key=lambda u: (on_hand.get(u.sudo(), 0), (u.name or "").lower(), u.id),
                )
                if technicians
                else False
            )

    @api.depends_context("uid")
    @api.depends("zone_id.supervisor_id")
    def _compute_can_dispatch(self):
        for request in self:
            request.can_dispatch = request._is_zone_dispatcher()

    def _check_dispatch_suggested(self):
        """The guards of Dispatch to Suggested, checked before anything is
        written: the zone's supervisor (or a service manager), the approval
        first where the request type asks for it, a certified technician of
        the zone. The button and the form's banner (_dispatch_blocked_reason)
        both come here, so they never disagree (issue 15)."""
        self._ensure_zone_dispatcher(self.env._("dispatch"))
        for request in self:
            if request.state == "to_approve":
                raise UserError(self.env._("%s waits for the supervisor's approval.", request.name))
            if request.state == "to_dispatch" and not request.suggested_technician_id:
                raise UserError(
                    self.env._(
                        "No technician of the %(zone)s zone is certified for %(category)s: "
                        "certify one, or add one to the zone, before dispatching %(name)s.",
                        zone=request.zone_id.name,
                        category=request.product_id.categ_id.display_name or "-",
                        name=request.name,
                    )
                )
        return True

    def _dispatch_blocked_reason(self):
        """Why the request waiting for dispatch cannot be dispatched by the
        current user now, in the words of the button's error; False when
        nothing blocks it or it no longer waits."""
        self.ensure_one()
        if self.state not in ("to_approve", "to_dispatch"):
            return False
        try:
            self._check_dispatch_suggested()
        except (UserError, AccessError) as error:
            return error.args[0]
        return False

    def action_dispatch_suggested(self):
        """Dispatch to the suggested technician in one click (issue 15),
        through the one dispatch step and all its checks (zone supervisor,
        certification, row lock)."""
        self._check_dispatch_suggested()
        # A request no longer waiting (approval, already dispatched) is told
        # so by the dispatch step itself.
        by_technician = {}
        for request in self:
            technician = request.suggested_technician_id or request.user_id
            by_technician[technician] = by_technician.get(technician, request.browse()) | request
        for technician, requests in by_technician.items():
            requests._dispatch(technician)
        return True

    def _check_assignable(self, user):
        assignable = self._assignable_technicians_by_request()
        for request in self:
            if user not in request.zone_id.technician_ids:
                raise UserError(
                    self.env._(
                        "%(user)s does not serve the %(zone)s zone.",
                        user=user.name,
                        zone=request.zone_id.name,
                    )
                )
            if user not in assignable[request]:
                raise UserError(
                    self.env._(
                        "%(user)s is not certified for %(category)s: only certified "
                        "technicians are dispatched.",
                        user=user.name,
                        category=request.product_id.categ_id.display_name,
                    )
                )

    def _lock_for_dispatch(self):
        """Two dispatchers on the same request: the second waits for nothing
        and is told; under repeatable read, one whose first read is older than
        the other's commit fails to serialize and is retried by Odoo, then
        sees the request already dispatched."""
        try:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM %s WHERE id IN %s FOR NO KEY UPDATE NOWAIT",
                    SQL.identifier(self._table),
                    tuple(self.ids),
                )
            )
        except LockNotAvailable:
            raise UserError(
                self.env._("Another dispatcher is dispatching this request right now.")
            ) from None

    def _dispatch(self, user, reassign=False):
        """The dispatch step (S3): every change of technician comes here,
        whatever the screen (form, kanban drag and drop, reassign wizard,
        approved handover, action_assign). Checks who dispatches what to
        whom, then writes through the request's one transition method. An
        already dispatched request is moved to another technician only by an
        explicit reassignment (``reassign``, a Python argument, never a
        context key)."""
        if user:
            self._check_zone_for("dispatched")
        self._ensure_zone_dispatcher(self.env._("dispatch"))
        self._lock_for_dispatch()
        self.invalidate_recordset(["state", "user_id"])
        for request in self:
            if request.state == "to_approve":
                raise UserError(self.env._("%s waits for the supervisor's approval.", request.name))
            if request.state != "to_dispatch" and not reassign:
                raise UserError(
                    self.env._(
                        "%(name)s is already dispatched to %(user)s.",
                        name=request.name,
                        user=request.user_id.name or "-",
                    )
                )
            if request.state not in ("to_dispatch", "dispatched", "on_site"):
                raise UserError(self.env._("%s can no longer be dispatched.", request.name))
        values = {"user_id": user.id, "handover_user_id": False}
        if not user:
            on_site = self.filtered(lambda r: r.state == "on_site")
            if on_site:
                raise UserError(
                    self.env._(
                        "%s is on site: hand it to another technician instead.", on_site[0].name
                    )
                )
            return self._set_state("to_dispatch", dict(values, date_dispatched=False))
        self._check_assignable(user)
        values.update(date_dispatched=fields.Datetime.now(), priority="0")
        for state in ("to_dispatch", "dispatched", "on_site"):
            requests = self.filtered(lambda r, s=state: r.state == s)
            if requests:
                requests._set_state("dispatched" if state == "to_dispatch" else state, values)
        return True

    def action_assign(self, user):
        """Dispatch to ``user`` (a res.users record or id)."""
        if isinstance(user, int):
            user = self.env["res.users"].browse(user)
        return self._dispatch(user)

    def action_approve(self):
        if not self.env.user.has_group(SUPERVISOR):
            raise AccessError(self.env._("Only a supervisor approves service requests."))
        if self.filtered(lambda r: r.state != "to_approve"):
            raise UserError(self.env._("Only requests waiting for approval can be approved."))
        return self._set_state("to_dispatch")

    def action_request_handover(self):
        """The technician asks; the zone's dispatcher gets an activity."""
        for request in self:
            if request.user_id != self.env.user:
                raise AccessError(self.env._("Only the assigned technician asks for a handover."))
            if not request.handover_user_id:
                raise UserError(self.env._("Choose the colleague to hand the job over to."))
            request._check_assignable(request.handover_user_id)
            request.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=(request.supervisor_id or self.env.user).id,
                summary=self.env._("Approve handover to %s", request.handover_user_id.name),
            )
        return True

    def action_approve_handover(self):
        self._ensure_zone_dispatcher(self.env._("approve the handover of"))
        for request in self:
            if not request.handover_user_id:
                raise UserError(self.env._("No handover was asked for %s.", request.name))
            request._dispatch(request.handover_user_id, reassign=True)
        return True

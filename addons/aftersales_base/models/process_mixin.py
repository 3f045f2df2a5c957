# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import contextvars

from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessError, UserError

# The models whose steps are being written right now, in this thread. A
# context variable of Python, not a key of Odoo's context: no client can set
# it (RPC, import and the web client pass Odoo's context, never this), and
# only a private method (never callable over RPC) enters it.
_STEP_WRITING = contextvars.ContextVar("aftersales_step_writing", default=frozenset())


class AftersalesProcessMixin(models.AbstractModel):
    """A document whose state, step and approval fields change only through
    its one transition method (X6).

    A model lists those fields in ``_process_fields``. ``write()``,
    ``create()``, ``copy()`` and ``load()`` (import) refuse them for every
    caller; the document's transition method checks the step, the role and the
    invariants and then writes them with ``_write_process()``. The only other
    writer is Odoo itself while it installs or upgrades modules (demo and
    migration data)."""

    _name = "aftersales.process.mixin"
    _description = "After-Sales Document Steps"
    _process_fields = ()

    # -- the one way in -----------------------------------------------------
    @contextlib.contextmanager
    def _process_writing(self):
        """Inside this block, the process fields of this model may be written
        (by the transition method that opened it, and what it calls)."""
        token = _STEP_WRITING.set(_STEP_WRITING.get() | {self._name})
        try:
            yield
        finally:
            _STEP_WRITING.reset(token)

    def _write_process(self, vals):
        """Writes the process fields of ``vals``: for transition methods only,
        after they have checked step, role and invariants."""
        with self._process_writing():
            return self.write(vals)

    def _create_process(self, vals_list):
        """Creates documents whose process fields are set by the suite's own
        code (a document born at a later step, e.g. a penalty proposed by a
        complaint's step)."""
        with self._process_writing():
            return self.create(vals_list)

    def _in_process_step(self):
        """A transition method of this model is writing right now."""
        return self._name in _STEP_WRITING.get()

    def _process_write_allowed(self):
        if self._in_process_step():
            return True
        # Odoo itself loading a module's data files (install, upgrade): the
        # registry is not serving anybody yet, so no client can be the caller.
        return (
            not self.pool.ready
            and self.env.uid == SUPERUSER_ID
            and bool(self.env.context.get("install_mode"))
        )

    # -- the guards ---------------------------------------------------------
    def _process_error(self, field_names):
        labels = ", ".join(
            f"“{self._fields[name].get_description(self.env)['string']}”"
            for name in sorted(field_names)
        )
        return UserError(
            self.env._(
                "%(fields)s of a %(document)s change only through its steps (the buttons "
                "on the document, each checking the step and who presses it): they cannot "
                "be written, imported or copied directly.",
                fields=labels,
                document=self._description,
            )
        )

    def _check_process_vals_list(self, vals_list):
        """On create: a process field may only be given its initial value."""
        if self._process_write_allowed():
            return
        given = {name for vals in vals_list for name in vals if name in self._process_fields}
        if not given:
            return
        defaults = self.default_get(list(given))
        for vals in vals_list:
            wrong = {
                name
                for name in given.intersection(vals)
                if vals[name] and vals[name] != defaults.get(name)
            }
            if wrong:
                raise self._process_error(wrong)

    @api.model_create_multi
    def create(self, vals_list):
        self._check_process_vals_list(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        written = set(self._process_fields).intersection(vals)
        if written and not self._process_write_allowed():
            raise self._process_error(written)
        return super().write(vals)

    # -- what transition methods check (OCA rma's _ensure_* shape) ----------
    def _ensure_state(self, states, action):
        """Every record of ``self`` is in one of ``states``, or nothing is done."""
        field = self._fields["state"]
        labels = dict(field._description_selection(self.env))
        for record in self:
            if record.state not in states:
                raise UserError(
                    self.env._(
                        "%(name)s is “%(state)s”: “%(action)s” cannot be done now.",
                        name=record.display_name,
                        state=labels.get(record.state, record.state),
                        action=action,
                    )
                )
        return True

    def _ensure_role(self, groups, action):
        """The current user holds ``groups`` (one group's xmlid, or a tuple of
        them: any one will do); the suite's own code running as superuser
        (e.g. a scheduled action) passes."""
        groups = (groups,) if isinstance(groups, str) else tuple(groups)
        if self.env.su or any(self.env.user.has_group(group) for group in groups):
            return True
        raise AccessError(
            self.env._(
                "Only %(role)s may %(action)s.",
                role=self.env._(" or ").join(self.env.ref(group).name for group in groups),
                action=action,
            )
        )

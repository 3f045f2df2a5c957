# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

# The mixin's refusal (aftersales.process.mixin), in every language test runs use.
REFUSED = "change only through its steps"
# A context key that once opened a door somewhere in the suite: it opens none.
OLD_KEYS = {"aftersales_dispatch_ok": True, "install_mode": True}


class ProcessBypassAsserts:
    """X6: a document's steps are not written around its transition: not
    through write(), create(), copy() nor load() (import), not with a
    context key. Mixed into a TransactionCase."""

    def flush_tracking(self):
        """Tracking is written at commit: one message per step in a test."""
        self.env.flush_all()
        self.env.cr.flush()

    def _load_row(self, model, vals):
        names, row = [], []
        for name, value in vals.items():
            field = model._fields[name]
            if field.type in ("one2many", "many2many"):
                continue  # imported as their own rows: not needed to refuse the step
            if field.type == "many2one":
                names.append(f"{name}/.id")
                row.append(str(value.id if hasattr(value, "id") else value))
            else:
                names.append(name)
                row.append(str(value))
        return names, row

    def assertLoadRefused(self, model, vals, record=None):
        names, row = self._load_row(model, vals)
        if record:
            names, row = [".id", *names], [str(record.id), *row]
        result = model.load(names, [row])
        self.assertFalse(result["ids"], f"X6: import of {sorted(vals)} must be refused")
        self.assertTrue(
            any(REFUSED in message["message"] for message in result["messages"]),
            result["messages"],
        )

    def assertStepsGuarded(self, record, user, vals, create_vals, copy_user=None):
        """``user`` (a real role who may otherwise write and create this
        document) cannot set ``vals`` (process fields) on ``record`` nor on a
        new document made of ``create_vals``: X6."""
        before = {name: record[name] for name in vals}
        as_user = record.with_user(user)
        Model = record.env[record._name].with_user(user)
        for ctx in ({}, OLD_KEYS):
            with self.assertRaisesRegex(UserError, REFUSED):
                as_user.with_context(**ctx).write(vals)
            with self.assertRaisesRegex(UserError, REFUSED):
                Model.with_context(**ctx).create([dict(create_vals, **vals)])
        copier = record.with_user(copy_user or user)
        with self.assertRaisesRegex(UserError, REFUSED):
            copier.copy(default=dict(vals))
        self.assertLoadRefused(Model, vals, record=record)
        self.assertLoadRefused(Model, dict(create_vals, **vals))
        record.invalidate_recordset()
        self.assertEqual({name: record[name] for name in vals}, before, "nothing was written")

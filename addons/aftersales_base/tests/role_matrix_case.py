# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Walks the declared role matrix (role_matrix.py) cell by cell (X2, X3, X5).

For every model of a module and every role, it creates (as superuser) a record
the role's user owns and one somebody else owns, in the user's company, and
asks Odoo as that user (``has_access``: access rights and record rules) what
he may do with each. A difference in either direction fails: a right the
table does not grant, or a right it grants that is missing."""

from contextlib import ExitStack
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase

from .common import make_user
from .role_matrix import ACTIONS, MODELS, OPERATIONS, ROLES


class _Pressed(Exception):
    """The action went through: its savepoint is rolled back all the same."""


class RoleMatrixCase(TransactionCase):
    """Base of each module's matrix test: ``walk(module)``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_matrix()

    @classmethod
    def _setup_matrix(cls):
        env = cls.env
        cls.company = env.company
        cls.other_company = env["res.company"].create({"name": "Matrix Branch B"})
        cls.users = {}
        for role, spec in ROLES.items():
            company = cls.other_company if spec.get("other_company") else cls.company
            # A role whose application is not installed here (the accountant
            # without accounting, installing aftersales_base alone) is an
            # internal user: what the table grants him comes from no group of
            # his own on the models installed here.
            groups = [
                xmlid for xmlid in spec["groups"] if env.ref(xmlid, raise_if_not_found=False)
            ] or ["base.group_user"]
            user = make_user(
                env,
                login=f"matrix_{role}",
                groups=groups,
                company=company,
                tz="Asia/Shanghai",
            )
            cls.users[role] = user
        # The "somebody else" of every "own" cell: a technician of company A.
        cls.stranger = make_user(env, "technician", login="matrix_stranger", tz="Asia/Shanghai")
        cls.stranger_partner = env["res.partner"].create(
            {"name": "Matrix Other Customer", "is_company": True}
        )
        cls._cache = {}
        cls._seq = 0

    def setUp(self):
        super().setUp()
        # Each test rolls its records back: forget the ones of the last test.
        type(self)._cache = {}

    # -- fixtures -------------------------------------------------------------
    @classmethod
    def _auto_value(cls, model, name, company):
        field = model._fields[name]
        if field.type in ("char", "text", "html"):
            return f"Matrix {name} {cls._seq}"
        if field.type in ("integer", "float", "monetary"):
            return 1
        if field.type == "date":
            return company._aftersales_today()
        if field.type == "datetime":
            return fields.Datetime.now()
        if field.type == "selection":
            return field.get_values(cls.env)[0]
        if field.type == "many2one":
            return cls._record_of(field.comodel_name, company).id
        raise AssertionError(f"role matrix: no value for {model._name}.{name}")

    @classmethod
    def _record_of(cls, comodel, company):
        key = (comodel, company.id)
        if key in cls._cache:
            return cls._cache[key]
        env = cls.env
        if comodel in MODELS or comodel.startswith("aftersales."):
            record = cls._make(comodel, {}, company)
        elif comodel == "res.company":
            record = company
        elif comodel == "res.users":
            record = cls.stranger
        elif comodel == "res.partner":
            record = env["res.partner"].create({"name": f"Matrix Customer {company.name}"})
        elif comodel == "product.category":
            record = env["product.category"].create({"name": "Matrix Category"})
        elif comodel in ("product.product", "product.template"):
            record = env[comodel].create({"name": "Matrix Product", "type": "consu"})
        elif comodel == "hr.department":
            record = env["hr.department"].create(
                {"name": "Matrix Department", "company_id": company.id}
            )
        elif comodel == "survey.user_input":
            survey = env["survey.survey"].create({"title": "Matrix Survey"})
            record = env["survey.user_input"].create({"survey_id": survey.id})
        else:
            domain = []
            if "company_id" in env[comodel]._fields:
                domain = [("company_id", "in", [company.id, False])]
            record = env[comodel].search(domain, limit=1)
            if not record:
                raise AssertionError(f"role matrix: no {comodel} to use")
        cls._cache[key] = record
        return record

    @classmethod
    def _make(cls, model_name, values, company):
        """A record of ``model_name`` in ``company`` with ``values``; its
        required fields filled; its process fields allowed (fixture only)."""
        spec = MODELS.get(model_name, {})
        Model = cls.env[model_name].sudo().with_company(company)
        cls._seq += 1
        values = {**spec.get("fixture", {}), **values}
        for name, value in list(values.items()):
            if value == "@record":  # any record of the field's model
                values[name] = cls._record_of(Model._fields[name].comodel_name, company).id
            elif value == "@new":  # a record of the field's model of its own
                values[name] = cls._make(Model._fields[name].comodel_name, {}, company).id
            elif value == "@month":  # a month of its own (unique per person and month)
                values[name] = date(2000, 1, 1) + relativedelta(months=cls._seq)
        field = Model._fields.get("company_id")
        if field is not None and field.store and not field.related and "company_id" not in values:
            values["company_id"] = company.id
        needed = [
            name
            for name, fld in Model._fields.items()
            if fld.required and fld.store and not fld.related and name not in values
        ]
        defaults = Model.default_get(needed)
        for name in needed:
            if name not in defaults:
                values[name] = cls._auto_value(Model, name, company)
        with ExitStack() as steps:
            # A fixture, not a step: every document's steps may be written
            # (a report's lines belong to the report's steps, for instance).
            for name in cls._step_models():
                steps.enter_context(cls.env[name]._process_writing())
            record = Model.create(values)
        return record.with_env(cls.env)

    @classmethod
    def _step_models(cls):
        if "_step_models" not in cls._cache:
            cls._cache["_step_models"] = [
                name
                for name, model in cls.env.registry.items()
                if not model._abstract and hasattr(model, "_process_writing")
            ]
        return cls._cache["_step_models"]

    @classmethod
    def _with_path(cls, model_name, path, value, company):
        """Values making a new record of ``model_name`` reach ``value`` by
        ``path`` ("user_id", "request_id.user_id")."""
        head, _dot, rest = path.partition(".")
        if not rest:
            return {head: value.id}
        comodel = cls.env[model_name]._fields[head].comodel_name
        parent = cls._make(comodel, cls._with_path(comodel, rest, value, company), company)
        return {head: parent.id}

    @classmethod
    def _pair(cls, model_name, role, user):
        """(own record, somebody else's record) for ``role`` on ``model_name``."""
        spec = MODELS[model_name]
        company = cls.company
        if role == "portal" and spec.get("customer"):
            path, mine, theirs = spec["customer"], user.partner_id, cls.stranger_partner
        else:
            path, mine, theirs = spec.get("person"), user, cls.stranger
        key = ("other", model_name, path)
        if key not in cls._cache:
            if spec.get("existing"):
                cls._cache[key] = cls.env[model_name].search([], limit=1)
            else:
                values = cls._with_path(model_name, path, theirs, company) if path else {}
                cls._cache[key] = cls._make(model_name, values, company)
        other = cls._cache[key]
        if (
            not path
            or role == "portal"
            and not spec.get("customer")
            or ROLES[role].get("other_company")
        ):
            return other, other
        own = cls._make(model_name, cls._with_path(model_name, path, mine, company), company)
        return own, other

    @staticmethod
    def _actual(user, own, other):
        """The four letters (read, write, create, unlink) Odoo grants ``user``."""
        actual = ""
        for operation in OPERATIONS:
            on_own = own.with_user(user).has_access(operation)
            on_other = other.with_user(user).has_access(operation)
            actual += {(True, True): "A", (True, False): "O", (False, False): "-"}.get(
                (on_own, on_other), "?"
            )
        return actual

    # -- the walk -------------------------------------------------------------
    def walk(self, module):
        models = [name for name, spec in MODELS.items() if spec["module"] == module]
        self.assertTrue(models, f"the role matrix declares no model of {module}")
        differences = []
        for model_name in models:
            rights = MODELS[model_name]["rights"]
            self.assertEqual(
                set(rights), set(ROLES), f"X2: the matrix row of {model_name} names every role"
            )
            for role, user in self.users.items():
                own, other = self._pair(model_name, role, user)
                actual = self._actual(user, own, other)
                if actual != rights[role]:
                    differences.append(
                        f"{model_name} / {role}: declared {rights[role]}, actual {actual}"
                    )
                difference = self._check_real_read(model_name, role, user, own, other)
                if difference:
                    differences.append(difference)
        self.assertFalse(
            differences,
            "X2/X3/X5: access differs from the declared role matrix (read, write, create, "
            "unlink; A all, O own, - none):\n" + "\n".join(differences),
        )

    def _check_real_read(self, model_name, role, user, own, other):
        """A real search and read as the user agree with the read cell; the
        difference, or None."""
        code = MODELS[model_name]["rights"][role][0]
        if code == "-":
            return None
        expected = own | other if code == "A" else own
        found = self.env[model_name].with_user(user).search([("id", "in", (own | other).ids)])
        found.read(["display_name"])
        if set(found.ids) != set(expected.ids):
            return f"{model_name} / {role}: search finds {found.ids}, the matrix {expected.ids}"
        return None

    @classmethod
    def _try_action(cls, model_name, method, spec, user):
        """Presses ``method`` as ``user`` on a document at the step the
        button is offered at; the exception's class (AccessError,
        UserError...) or None. Nothing stays written."""
        key = ("action", model_name, method)
        if key not in cls._cache:
            cls._cache[key] = cls._make(model_name, dict(spec["values"]), cls.company)
        record = cls._cache[key]
        args = [cls.users[role] for role in spec["args"]]
        try:
            with cls.env.cr.savepoint():
                getattr(record.with_user(user), method)(*args)
                record.env.flush_all()
                raise _Pressed()  # roll the step back for the next role
        except _Pressed:
            return None
        except Exception as error:  # noqa: BLE001 - the class is the answer
            return error
        finally:
            record.env.invalidate_all()

    def check_actions(self, module):
        """Every declared public action exists on its model; pressed on a
        document at its step, every role the table does not list is refused
        with an AccessError, and no role it lists is (X2, X6). Actions limited
        to one's own jobs, zones or tickets, and roles that do not read every
        record of the model, are checked in the refusal direction only."""
        differences = []
        for (model_name, method), spec in ACTIONS.items():
            if spec["module"] != module:
                continue
            self.assertTrue(
                callable(getattr(self.env[model_name], method, None)),
                f"X2: the role matrix declares {model_name}.{method}()",
            )
            self.assertLessEqual(set(spec["roles"]), set(ROLES), f"{model_name}.{method}")
            rights = MODELS.get(model_name, {}).get("rights", {})
            for role, user in self.users.items():
                error = self._try_action(model_name, method, spec, user)
                refused = isinstance(error, AccessError)
                if role not in spec["roles"]:
                    if not refused:
                        differences.append(
                            f"{model_name}.{method}() / {role}: not refused ({error!r:.150})"
                        )
                    continue
                limited = bool(spec["scope"])  # own jobs, own zones, own tickets
                reads_all = rights.get(role, "A")[0] == "A"
                if refused and not limited and reads_all:
                    differences.append(
                        f"{model_name}.{method}() / {role}: refused ({error!r:.150})"
                    )
        self.assertFalse(
            differences,
            "X2: public actions differ from the declared role matrix:\n" + "\n".join(differences),
        )

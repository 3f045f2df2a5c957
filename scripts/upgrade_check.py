"""The checks of scripts/test_upgrade.sh (make test-upgrade): the suite installed
at a released commit, upgraded to the checkout, then uninstalled.

    upgrade_check.py conf SRC_CONF NEW_ADDONS OLD_ADDONS OUT_CONF
        the odoo.conf of the old code: SRC_CONF with NEW_ADDONS replaced by
        OLD_ADDONS in its addons_path
    upgrade_check.py snapshot DB MODULES OUT_JSON
        what the suite (MODULES, comma-separated) owns in DB: every row of its models with its
        state, name and links, the links its fields add to other models, the
        messages and attachments of its records
    upgrade_check.py compare DB SNAPSHOT_JSON MODULES ADDONS
        the upgraded DB holds every row of the snapshot unchanged, and every
        module of MODULES is installed
    upgrade_check.py uninstall ODOO_CONF DB MODULES ADDONS LOGFILE
        uninstalls the installed suite modules one by one (dependents first)
        and checks that nothing of each is left (Odoo on PYTHONPATH)

snapshot and compare read the database with plain SQL (psycopg2; the PG*
variables); uninstall runs Odoo's own ``button_immediate_uninstall()``.
Every command exits 1 on a failure, after printing what it checked.
"""

import argparse
import ast
import configparser
import json
import os
import re
import sys
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

import psycopg2

# A model renamed by the new code: old name -> new name. Applied only when the
# upgraded database has the new model and no longer the old one (its table is
# the new name's, its messages and attachments point at the new name).
MODEL_RENAMES = {"aftersales.complaint.penalty": "aftersales.ledger.entry"}
# A column renamed by the new code: (old model, old column) -> new column.
COLUMN_RENAMES = {}
# Columns the new code drops on purpose: (old model, column). A snapshotted
# column missing after the upgrade and not listed here is a failure.
DROPPED = set()
# The plain columns kept besides the links (many2one columns).
PLAIN_COLUMNS = ("name", "state", "active")
EXAMPLES = 5


def table_of(model):
    """Odoo's default table name; the suite sets no _table of its own."""
    return model.replace(".", "_")


def jsonable(value):
    """The value as it reads back from the snapshot file."""
    return json.loads(json.dumps(value, default=str))


def modules_arg(text):
    return [m for m in text.split(",") if m]


# -- conf, order -------------------------------------------------------------


def write_conf(src, new_addons, old_addons, out):
    """SRC's options with NEW_ADDONS replaced by OLD_ADDONS in addons_path."""
    parser = configparser.RawConfigParser()
    parser.read(src)
    paths = [p.strip() for p in parser.get("options", "addons_path").split(",")]
    target = os.path.realpath(new_addons)
    replaced = [str(old_addons) if os.path.realpath(p) == target else p for p in paths]
    if replaced == paths:
        sys.exit(f"{src}: addons_path does not list {new_addons}: {', '.join(paths)}")
    parser.set("options", "addons_path", ",".join(replaced))
    with open(out, "w", encoding="utf-8") as f:
        f.write("; Written by scripts/upgrade_check.py conf for make test-upgrade.\n")
        parser.write(f)


def manifest_depends(addons, module):
    path = Path(addons) / module / "__manifest__.py"
    if not path.is_file():
        return None
    return ast.literal_eval(path.read_text(encoding="utf-8")).get("depends", [])


def addon_names(addons):
    """The modules of an addons directory (the folders with a manifest)."""
    return sorted(p.parent.name for p in Path(addons).glob("*/__manifest__.py"))


def uninstall_order(addons, modules):
    """MODULES with every module before the modules it depends on, directly
    or through other modules of ADDONS (their manifests' depends); otherwise
    in the reverse of the given order."""
    modules = list(modules)
    deps = {}
    for module in modules:
        if manifest_depends(addons, module) is None:
            raise SystemExit(f"{module}: no {addons}/{module}/__manifest__.py")
        seen, todo = set(), [module]
        while todo:
            for dep in manifest_depends(addons, todo.pop()) or ():
                if dep not in seen:
                    seen.add(dep)
                    todo.append(dep)
        deps[module] = seen & set(modules)
    install, left = [], list(modules)
    while left:  # a stable topological order: the given order where it is free
        ready = [m for m in left if deps[m] <= set(install)]
        if not ready or any(m in deps[m] for m in left):
            raise SystemExit(f"the manifests' depends have a cycle among {', '.join(left)}")
        install.append(ready[0])
        left.remove(ready[0])
    return install[::-1]


# -- snapshot ----------------------------------------------------------------


@contextmanager
def db_cursor(db):
    """A read-only cursor on DB (libpq's PG* variables), closed after use."""
    conn = psycopg2.connect(dbname=db)
    try:
        conn.set_session(readonly=True, autocommit=True)
        with conn.cursor() as cr:
            yield cr
    finally:
        conn.close()


def query(cr, sql, params=()):
    cr.execute(sql, params)
    return cr.fetchall()


def table_columns(cr, table):
    """The columns of a plain table, or None when there is no such table."""
    rows = query(
        cr,
        "SELECT c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relname = %s",
        (table,),
    )
    if not rows or rows[0][0] not in ("r", "p"):
        return None
    return {
        r[0]
        for r in query(
            cr,
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = %s",
            (table,),
        )
    }


def owned_models(cr, modules):
    """{model: transient} of the models only MODULES declare (ir.model xmlids)."""
    return dict(
        query(
            cr,
            """SELECT m.model, m.transient FROM ir_model m
                WHERE EXISTS (SELECT FROM ir_model_data d WHERE d.model = 'ir.model'
                                 AND d.res_id = m.id AND d.module = ANY(%(mods)s))
                  AND NOT EXISTS (SELECT FROM ir_model_data d WHERE d.model = 'ir.model'
                                 AND d.res_id = m.id AND d.module <> ALL(%(mods)s))""",
            {"mods": list(modules)},
        )
    )


def stored_fields(cr, model, types, modules=None):
    """The stored fields of MODEL of the given types; with MODULES, only the
    fields only MODULES declare (ir.model.fields xmlids)."""
    sql = """SELECT f.name FROM ir_model_fields f
              WHERE f.model = %(model)s AND f.store AND f.ttype = ANY(%(types)s)"""
    if modules is not None:
        sql += """
                AND EXISTS (SELECT FROM ir_model_data d WHERE d.model = 'ir.model.fields'
                               AND d.res_id = f.id AND d.module = ANY(%(mods)s))
                AND NOT EXISTS (SELECT FROM ir_model_data d WHERE d.model = 'ir.model.fields'
                               AND d.res_id = f.id AND d.module <> ALL(%(mods)s))"""
    return sorted(
        r[0]
        for r in query(cr, sql, {"model": model, "types": list(types), "mods": list(modules or [])})
    )


def read_rows(cr, table, columns, ids=None, non_null=False):
    """{id: [values of COLUMNS]} of TABLE (only IDS when given; only the rows
    with a value in a column with NON_NULL)."""
    cols = ", ".join(f'"{c}"' for c in columns)
    sql = f'SELECT id{", " + cols if cols else ""} FROM "{table}"'
    where = []
    if ids is not None:
        where.append("id = ANY(%(ids)s)")
    if non_null and columns:
        where.append("(" + " OR ".join(f'"{c}" IS NOT NULL' for c in columns) + ")")
    if where:
        sql += " WHERE " + " AND ".join(where)
    return {
        str(r[0]): jsonable(list(r[1:]))
        for r in query(cr, sql + " ORDER BY id", {"ids": [int(i) for i in ids or []]})
    }


def snapshot(db, modules):
    with db_cursor(db) as cr:
        models, extensions = {}, {}
        owned = owned_models(cr, modules)
        for model, transient in sorted(owned.items()):
            table = table_of(model)
            present = table_columns(cr, table)
            if present is None or transient:  # abstract, SQL view, or wizard
                continue
            links = stored_fields(cr, model, ["many2one"])
            columns = [c for c in PLAIN_COLUMNS if c in present] + [
                c for c in links if c in present
            ]
            models[model] = {"columns": columns, "rows": read_rows(cr, table, columns)}
        # the suite's own fields on other models (repair.order, res.partner, ...)
        others = query(
            cr,
            """SELECT DISTINCT f.model FROM ir_model_fields f
                 JOIN ir_model m ON m.id = f.model_id AND NOT m.transient
                 JOIN ir_model_data d ON d.model = 'ir.model.fields' AND d.res_id = f.id
                WHERE d.module = ANY(%s) AND f.store AND f.ttype IN ('many2one', 'selection')
                  AND f.model <> ALL(%s)""",
            (list(modules), list(owned)),
        )
        for (model,) in sorted(others):
            present = table_columns(cr, table_of(model))
            if present is None:
                continue
            fields = stored_fields(cr, model, ["many2one", "selection"], modules)
            columns = [c for c in fields if c in present]
            if columns:
                rows = read_rows(cr, table_of(model), columns, non_null=True)
                extensions[model] = {"columns": columns, "rows": rows}
        related = {}
        for table, model_col, id_col in (
            ("mail_message", "model", "res_id"),
            ("ir_attachment", "res_model", "res_id"),
        ):
            per_model = defaultdict(dict)
            for rid, model, res_id in query(
                cr,
                f"SELECT id, {model_col}, {id_col} FROM {table} WHERE {model_col} = ANY(%s)",
                (list(models),),
            ):
                per_model[model][str(rid)] = res_id
            related[table] = dict(per_model)
    return {"modules": list(modules), "models": models, "extensions": extensions, **related}


# -- compare -----------------------------------------------------------------


class Report:
    def __init__(self):
        self.failures = []

    def fail(self, text):
        self.failures.append(text)


def renamed_model(model, existing):
    """The name of MODEL in the upgraded database (MODEL_RENAMES)."""
    new = MODEL_RENAMES.get(model)
    if new and new in existing and model not in existing:
        return new
    return model


def compare_table(cr, report, model, new_model, snap, kind):
    """Compares the snapshot of one table; returns its line of the summary."""
    old_rows = snap["rows"]
    line = {"model": model if model == new_model else f"{model} -> {new_model}", "kind": kind}
    line.update(rows=len(old_rows), missing=0, changed=0, columns=len(snap["columns"]))
    present = table_columns(cr, table_of(new_model))
    if present is None:
        report.fail(f"{model}: table {table_of(new_model)} is gone ({len(old_rows)} rows)")
        line["missing"] = len(old_rows)
        return line
    kept, new_columns = [], []
    for column in snap["columns"]:
        new_column = COLUMN_RENAMES.get((model, column), column)
        if new_column in present:
            kept.append(column)
            new_columns.append(new_column)
        elif (model, column) not in DROPPED:
            report.fail(f"{model}.{column}: the column is gone after the upgrade (not in DROPPED)")
    new_rows = read_rows(cr, table_of(new_model), new_columns, ids=list(old_rows))
    missing = sorted((i for i in old_rows if i not in new_rows), key=int)
    if missing:
        report.fail(f"{model}: {len(missing)} of {len(old_rows)} rows gone, ids {missing[:20]}")
    diffs, changed = defaultdict(list), set()
    for rid, new_values in new_rows.items():
        old_values = dict(zip(snap["columns"], old_rows[rid], strict=True))
        for column, new_value in zip(kept, new_values, strict=True):
            if old_values[column] != new_value:
                diffs[column].append(f"id {rid}: {old_values[column]!r} -> {new_value!r}")
                changed.add(rid)
    for column, examples in diffs.items():
        report.fail(
            f"{model}.{column}: {len(examples)} rows changed, e.g. "
            + "; ".join(examples[:EXAMPLES])
        )
    line.update(missing=len(missing), changed=len(changed))
    return line


def compare_related(cr, report, table, model_col, snap, existing):
    """Messages or attachments of the suite's records: still there, same record."""
    counts = {}
    for model, rows in snap.items():
        new_model = renamed_model(model, existing)
        found = dict(
            query(
                cr,
                f"SELECT id::text, {model_col} || ',' || res_id FROM {table} WHERE id = ANY(%s)",
                ([int(i) for i in rows],),
            )
        )
        wrong = [
            f"{rid}: {model},{res_id} -> {found.get(rid, 'gone')}"
            for rid, res_id in rows.items()
            if found.get(rid) != f"{new_model},{res_id}"
        ]
        if wrong:
            report.fail(
                f"{table} of {model}: {len(wrong)} of {len(rows)} lost or moved, e.g. "
                + "; ".join(wrong[:EXAMPLES])
            )
        counts[model] = (len(rows), len(wrong))
    return counts


def module_states(cr, names):
    return dict(
        query(cr, "SELECT name, state FROM ir_module_module WHERE name = ANY(%s)", (list(names),))
    )


def check_modules(cr, report, modules, addons, old_modules):
    """Every module of MODULES installed; no other module of ADDONS installed
    (SUITE_MODULES would miss it); no old module left installed without code."""
    ours = set(addon_names(addons))
    states = module_states(cr, set(modules) | ours | set(old_modules))
    for module in modules:
        if states.get(module) != "installed":
            report.fail(f"module {module}: {states.get(module, 'unknown')} after the upgrade")
    for module in sorted(ours - set(modules)):
        if states.get(module) == "installed":
            report.fail(f"module {module}: installed but not in SUITE_MODULES (scripts/common.sh)")
    for module in sorted(set(old_modules) - ours):
        if states.get(module) not in (None, "uninstalled", "uninstallable"):
            report.fail(f"module {module}: gone from addons/ but {states[module]} in the database")
    return states


def print_table(headers, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]
    for row in [headers, ["-" * w for w in widths], *rows]:
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)).rstrip())


def compare(db, snap, modules, addons):
    report = Report()
    with db_cursor(db) as cr:
        states = check_modules(cr, report, modules, addons, snap["modules"])
        existing = {r[0] for r in query(cr, "SELECT model FROM ir_model")}
        lines = []
        for kind in ("models", "extensions"):
            for model, table_snap in sorted(snap[kind].items()):
                new_model = renamed_model(model, existing)
                line = compare_table(cr, report, model, new_model, table_snap, kind[:-1])
                lines.append(line)
        messages = compare_related(
            cr, report, "mail_message", "model", snap["mail_message"], existing
        )
        attachments = compare_related(
            cr, report, "ir_attachment", "res_model", snap["ir_attachment"], existing
        )
    print_table(["module", "state"], [[m, states.get(m, "unknown")] for m in modules])
    print()
    rows = []
    for line in lines:
        msg = messages.get(line["model"].split(" ")[0], (0, 0))
        att = attachments.get(line["model"].split(" ")[0], (0, 0))
        rows.append(
            [
                line["model"],
                line["kind"],
                line["columns"],
                line["rows"],
                line["missing"],
                line["changed"],
                f"{msg[0]}/{msg[1]}",
                f"{att[0]}/{att[1]}",
            ]
        )
    print_table(
        ["model", "kind", "columns", "rows", "missing", "changed", "messages/lost", "files/lost"],
        rows,
    )
    total = sum(line["rows"] for line in lines)
    print(
        f"\n{total} rows of {len(lines)} tables compared, "
        f"{sum(m[0] for m in messages.values())} messages, "
        f"{sum(a[0] for a in attachments.values())} attachments"
    )
    return report


# -- uninstall ---------------------------------------------------------------

CHECKS = ("xmlids", "records", "models", "tables", "columns", "views")
# Only MODULE declares the record: no other module's xmlid names it.
ONLY_MINE = """NOT EXISTS (SELECT FROM ir_model_data o WHERE o.model = d.model
                   AND o.res_id = d.res_id AND o.module <> d.module)"""


def module_footprint(env, module):
    """What MODULE alone owns, read in the registry that still has it:
    {check: items}; records: {xmlid: (table, id)} of its data's records."""
    cr = env.cr

    def table(model):
        return env[model]._table if model in env and not env[model]._abstract else None

    models = [
        r[0]
        for r in query(
            cr,
            f"""SELECT m.model FROM ir_model_data d JOIN ir_model m ON m.id = d.res_id
                 WHERE d.module = %s AND d.model = 'ir.model' AND {ONLY_MINE}""",
            (module,),
        )
    ]
    tables = {table(m) for m in models} - {None}
    tables |= {
        r[0]
        for r in query(
            cr,
            """SELECT r.name FROM ir_model_relation r JOIN ir_module_module m ON m.id = r.module
                WHERE m.name = %s""",
            (module,),
        )
    }
    columns = [
        f"{table(model)}.{name}"
        for model, name in query(
            cr,
            f"""SELECT f.model, f.name FROM ir_model_data d
                  JOIN ir_model_fields f ON f.id = d.res_id
                 WHERE d.module = %s AND d.model = 'ir.model.fields' AND {ONLY_MINE}
                   AND f.store AND f.ttype NOT IN ('one2many', 'many2many')
                   AND f.model <> ALL(%s)""",
            (module, models),
        )
        if table(model) and column_exists(cr, table(model), name)
    ]
    # the records its data made (menus, actions, groups, rules, demo ...) in
    # the tables that outlive it
    records = {
        f"{module}.{name}": (table(model), res_id)
        for model, res_id, name in query(
            cr,
            f"""SELECT d.model, d.res_id, d.name FROM ir_model_data d
                 WHERE d.module = %s AND d.res_id IS NOT NULL AND {ONLY_MINE}
                   AND d.model <> ALL(%s)""",
            (module, models),
        )
        if table(model) and table(model) not in tables
    }
    views = query(
        cr,
        """SELECT res_id FROM ir_model_data WHERE module = %s AND model = 'ir.ui.view'
           UNION SELECT id FROM ir_ui_view WHERE model = ANY(%s)""",
        (module, models),
    )
    xmlids = query(
        cr, "SELECT module || '.' || name FROM ir_model_data WHERE module = %s", (module,)
    )
    return {
        "xmlids": [r[0] for r in xmlids],
        "records": records,
        "models": sorted(models),
        "tables": sorted(tables),
        "columns": sorted(columns),
        "views": sorted(r[0] for r in views),
    }


def relation_exists(cr, name):
    return bool(query(cr, "SELECT to_regclass(%s)", (f'"{name}"',))[0][0])


def column_exists(cr, table, column):
    return bool(
        query(
            cr,
            "SELECT FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = %s AND column_name = %s",
            (table, column),
        )
    )


def record_exists(cr, table, res_id):
    return relation_exists(cr, table) and bool(
        query(cr, f'SELECT FROM "{table}" WHERE id = %s', (res_id,))
    )


def leftovers(cr, module, footprint):
    """What is left of FOOTPRINT once MODULE is uninstalled: {check: items}."""
    xmlids = query(
        cr, "SELECT module || '.' || name FROM ir_model_data WHERE module = %s", (module,)
    )
    models = query(cr, "SELECT model FROM ir_model WHERE model = ANY(%s)", (footprint["models"],))
    views = query(
        cr,
        "SELECT id::text || ' ' || name FROM ir_ui_view WHERE id = ANY(%s) OR model = ANY(%s)",
        (footprint["views"], footprint["models"]),
    )
    return {
        "xmlids": [r[0] for r in xmlids],
        "records": {x: r for x, r in footprint["records"].items() if record_exists(cr, *r)},
        "models": [r[0] for r in models],
        "tables": [t for t in footprint["tables"] if relation_exists(cr, t)],
        "columns": [c for c in footprint["columns"] if column_exists(cr, *c.split("."))],
        "views": [r[0] for r in views],
    }


def foreign_keys(cr, table):
    """[(table, column, on delete)] of the foreign keys that point at TABLE."""
    return query(
        cr,
        """SELECT c.conrelid::regclass::text, a.attname, c.confdeltype FROM pg_constraint c
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND c.confrelid = to_regclass(%s)""",
        (f'"{table}"',),
    )


def tables_gone(cr, why):
    """The tables named in a WHY of in_use(), when every one of them is gone
    (dropped by a later uninstall); else []."""
    tables = re.findall(r'([\w"]+)\.\w+ ×', why)
    gone = [t.strip('"') for t in tables if not query(cr, "SELECT to_regclass(%s)", (t,))[0][0]]
    return gone if tables and len(gone) == len(tables) else []


def in_use(cr, records):
    """{xmlid: why} of the RECORDS ({xmlid: (table, id)}) that other data
    still uses, as Odoo keeps them on uninstall: a row points at them through a
    foreign key that forbids deleting them (an invoice at its journal), or
    any foreign key of another record kept so (a product at its template)."""
    restricting, cascading = {}, {}
    for xmlid, (table, res_id) in records.items():
        for ref_table, column, on_delete in foreign_keys(cr, table):
            if on_delete in ("r", "a"):  # restrict, no action
                rows = query(
                    cr, f'SELECT count(*) FROM {ref_table} WHERE "{column}" = %s', (res_id,)
                )
                if rows[0][0]:
                    restricting.setdefault(xmlid, []).append(f"{ref_table}.{column} ×{rows[0][0]}")
            elif on_delete == "c" and column_exists(cr, ref_table.strip('"'), "id"):
                for (ref_id,) in query(
                    cr, f'SELECT id FROM {ref_table} WHERE "{column}" = %s', (res_id,)
                ):
                    cascading.setdefault(xmlid, []).append((ref_table.strip('"'), ref_id))
    used = {x: ", ".join(why) for x, why in restricting.items()}
    by_record = {r: x for x, r in records.items()}
    grown = True
    while grown:
        grown = False
        for xmlid, refs in cascading.items():
            users = [by_record[r] for r in refs if by_record.get(r) in used]
            if xmlid not in used and users:
                used[xmlid] = "kept " + ", ".join(users)
                grown = True
    return used


def summary_cell(footprint, left, used, check):
    """ "before -> after" of one check, with the number kept for other data."""
    kept = sum(1 for x in left[check] if x in used)
    return f"{len(footprint[check])} -> {len(left[check])}" + (f" ({kept} in use)" if kept else "")


def describe_leftover(xmlid, record, refused):
    table, res_id = record
    why = f"; Odoo's delete of it failed on {refused[record]}" if record in refused else ""
    return f"{xmlid} ({table} id {res_id}{why}; nothing uses it now)"


def unexplained(left, used, logfile):
    """{check: [items]} of what is left that no other data uses."""
    refused = delete_refusals(logfile)
    found = {}
    for check in CHECKS:
        items = [x for x in left[check] if x not in used]
        if check == "xmlids":  # those of the records left are reported with them
            items = [x for x in items if x not in left["records"]]
        elif check == "records":
            items = [describe_leftover(x, left["records"][x], refused) for x in items]
        if items:
            found[check] = [str(x) for x in items]
    return found


DELETE_RE = re.compile(r"bad query: b?'DELETE FROM \"(\w+)\" WHERE id IN \(([\d, ]+)\)'")
FK_RE = re.compile(r'violates foreign key constraint "(\w+)" on table "(\w+)"')


def delete_refusals(logfile):
    """{(table, id): why} of the single-record deletes the uninstall's log
    shows refused (Odoo tries each record of a module's data, keeps those
    it cannot delete, and does not try them again once the tables that
    pointed at them are dropped)."""
    refused, pending = {}, None
    with open(logfile, encoding="utf-8", errors="replace") as log:
        for line in log:
            if m := DELETE_RE.search(line):
                ids = m.group(2).split(",")
                pending = (m.group(1), int(ids[0])) if len(ids) == 1 else None
            elif pending and (m := FK_RE.search(line)):
                refused[pending] = f"{m.group(1)} (a row of {m.group(2)} pointed at it)"
                pending = None
    return refused


def uninstall_module(registry, api, superuser, module):
    """Uninstalls MODULE as the Apps menu does; returns its footprint before."""
    with registry.cursor() as cursor:
        env = api.Environment(cursor, superuser, {})
        footprint = module_footprint(env, module)
        env["ir.module.module"].search([("name", "=", module)]).button_immediate_uninstall()
    return footprint


def uninstall(conf, db, modules, addons, logfile):
    # Odoo only for this command: the others run without it on PYTHONPATH
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(
        ["-c", conf, "-d", db, "--logfile", logfile, "--log-level=info", "--max-cron-threads=0"],
        setup_logging=True,
    )
    Path(logfile).write_text("", encoding="utf-8")  # Odoo appends; the refusals are this run's
    report = Report()
    with db_cursor(db) as cr:
        states = module_states(cr, addon_names(addons))
    installed = {m for m, s in states.items() if s == "installed"}
    order = uninstall_order(
        addons, [m for m in modules if m in installed] + sorted(installed - set(modules))
    )
    print(f"Uninstall order: {', '.join(order)}\n")
    rows, kept, kept_why, kept_lines = [], {}, {}, []
    for module in order:
        try:
            footprint = uninstall_module(Registry(db), api, SUPERUSER_ID, module)
        except Exception as exc:  # noqa: BLE001 (reported; the next ones would take it along)
            report.fail(f"{module}: the uninstall raised {type(exc).__name__}: {exc}")
            break
        with db_cursor(db) as cr:
            left = leftovers(cr, module, footprint)
            used = in_use(cr, left["records"])
            states = module_states(cr, order)
        kept.update({x: left["records"][x] for x in used})
        kept_why.update(used)
        if states[module] != "uninstalled":
            report.fail(f"{module}: {states[module]} after its uninstall")
        along = [m for m in order[order.index(module) + 1 :] if states[m] != "installed"]
        if along:
            report.fail(f"{module}: its uninstall took {', '.join(along)} along (order wrong)")
        for check, items in unexplained(left, used, logfile).items():
            report.fail(f"{module}: {len(items)} {check} left: {', '.join(items[:20])}")
        rows.append(
            [module, states[module]] + [summary_cell(footprint, left, used, c) for c in CHECKS]
        )
        kept_lines += [
            f"  {xmlid} ({' id '.join(map(str, left['records'][xmlid]))}): {why}"
            for xmlid, why in sorted(used.items())
        ]
    print_table(["module", "state", *CHECKS], rows)
    if kept_lines:
        print("\nKept, as Odoo does, because other data still uses them:")
        print("\n".join(kept_lines))
    # a record kept for a row of a suite table that a later uninstall dropped:
    # Odoo does not come back to it (e.g. a repair technician's ledger lines
    # in aftersales_base, uninstalled after aftersales_repair); anything else
    # kept and now unused is a failure
    with db_cursor(db) as cr:
        still = {x: r for x, r in kept.items() if record_exists(cr, *r)}
        used = in_use(cr, still)
        orphans = sorted(set(still) - set(used))
        dropped = {x: tables_gone(cr, kept_why[x]) for x in orphans}
    for xmlid in orphans:
        if dropped[xmlid]:
            print(
                f"  {xmlid} {still[xmlid]}: kept while {', '.join(dropped[xmlid])} used it; "
                "that table went with a later uninstall (Odoo does not revisit the record)"
            )
        else:
            report.fail(f"{xmlid} {still[xmlid]}: kept by its uninstall, now used by nothing")
    print(
        f"\n{len(rows)} of {len(order)} modules uninstalled and checked; "
        f"{len(used)} records of their data kept because other data uses them"
    )
    if len(rows) < len(order) or not rows:
        report.fail(f"only {len(rows)} of {len(order)} modules uninstalled")
    return report


# -- main --------------------------------------------------------------------


def finish(report, what):
    for failure in report.failures:
        print(f"FAIL: {failure}")
    if report.failures:
        print(f"{what}: {len(report.failures)} failures")
        return 1
    print(f"{what}: OK")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("conf")
    p.add_argument("src")
    p.add_argument("new_addons")
    p.add_argument("old_addons")
    p.add_argument("out")
    p = sub.add_parser("snapshot")
    p.add_argument("db")
    p.add_argument("modules", type=modules_arg)
    p.add_argument("out")
    p = sub.add_parser("compare")
    p.add_argument("db")
    p.add_argument("snapshot")
    p.add_argument("modules", type=modules_arg)
    p.add_argument("addons")
    p = sub.add_parser("uninstall")
    p.add_argument("conf")
    p.add_argument("db")
    p.add_argument("modules", type=modules_arg)
    p.add_argument("addons")
    p.add_argument("logfile")
    args = parser.parse_args(argv)

    if args.command == "conf":
        write_conf(args.src, args.new_addons, args.old_addons, args.out)
    elif args.command == "snapshot":
        snap = snapshot(args.db, args.modules)
        Path(args.out).write_text(json.dumps(snap), encoding="utf-8")
        rows = sum(len(t["rows"]) for t in snap["models"].values())
        print(
            f"Snapshot: {rows} rows of {len(snap['models'])} suite models, "
            f"{len(snap['extensions'])} extended models, "
            f"{sum(map(len, snap['mail_message'].values()))} messages, "
            f"{sum(map(len, snap['ir_attachment'].values()))} attachments"
        )
        if not rows:
            print("FAIL: the snapshot holds no row: nothing would be compared")
            return 1
    elif args.command == "compare":
        snap = json.loads(Path(args.snapshot).read_text(encoding="utf-8"))
        return finish(compare(args.db, snap, args.modules, args.addons), "Upgrade check")
    elif args.command == "uninstall":
        report = uninstall(args.conf, args.db, args.modules, args.addons, args.logfile)
        return finish(report, "Uninstall check")
    return 0


if __name__ == "__main__":
    sys.exit(main())

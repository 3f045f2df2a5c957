# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the suite's migration scripts and install hooks share.

When a record, a model or a field moves to another module of the suite, its
database rows stay: the new module *adopts* their external ids before its
data is loaded, so that Odoo updates them instead of creating duplicates (and
users keep their roles, customers their history)."""

import csv
import logging
from pathlib import Path
from xml.etree import ElementTree

from odoo.modules.module import get_manifest, get_module_path
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# The tables of the parents Odoo creates with an external id of their own for
# a record of an ``_inherits`` model: ``<xmlid>_<parent table>``.
INHERITS_PARENTS = ("res_partner", "product_template", "resource_resource")


def make_rules_noupdate(cr, module):
    """The record rules of ``module`` become noupdate data, as a fresh install
    has them: Odoo does not change the flag of records that exist already."""
    cr.execute(
        "UPDATE ir_model_data SET noupdate = TRUE WHERE module = %s AND model = 'ir.rule'",
        (module,),
    )


def declared_xmlids(module):
    """The external ids ``module``'s data and demo files declare (unprefixed)."""
    manifest = get_manifest(module)
    root = Path(get_module_path(module))
    names = set()
    for path in manifest.get("data", []) + manifest.get("demo", []):
        file = root / path
        if not file.is_file():
            continue
        if file.suffix == ".csv":
            with file.open(newline="", encoding="utf-8") as handle:
                names.update(row["id"] for row in csv.DictReader(handle) if row.get("id"))
        elif file.suffix == ".xml":
            for node in ElementTree.parse(file).iter():
                xmlid = node.get("id")
                if xmlid and node.tag in ("record", "menuitem", "template", "function"):
                    names.add(xmlid)
    return {name for name in names if "." not in name}


def adopt_xmlids(cr, module, old_modules, renamed=None):
    """Rows that ``module`` now declares and one of ``old_modules`` (in that
    order of preference) declared before, and declares no more, become
    ``module``'s. ``renamed``
    maps old full xmlids to the new names of records renamed on the way."""
    for old, new in (renamed or {}).items():
        old_module, old_name = old.split(".", 1)
        cr.execute(
            """UPDATE ir_model_data SET module = %s, name = %s
                WHERE module = %s AND name = %s
                  AND NOT EXISTS (SELECT 1 FROM ir_model_data
                                  WHERE module = %s AND name = %s)""",
            (module, new, old_module, old_name, module, new),
        )
    adopted = 0
    still_declared = {
        old: declared_xmlids(old) for old in old_modules if get_module_path(old, False)
    }
    for name in sorted(declared_xmlids(module)):
        for old in old_modules:
            if name in still_declared.get(old, ()):
                continue
            cr.execute(
                """UPDATE ir_model_data SET module = %s
                    WHERE module = %s AND name = %s
                      AND NOT EXISTS (SELECT 1 FROM ir_model_data
                                  WHERE module = %s AND name = %s)""",
                (module, old, name, module, name),
            )
            if cr.rowcount:
                adopted += 1
                # the parent Odoo created for it (a user's partner, a
                # product's template) goes along: it is deleted with it
                cr.execute(
                    """UPDATE ir_model_data SET module = %s
                        WHERE module = %s AND name = ANY(%s)""",
                    (module, old, [f"{name}_{parent}" for parent in INHERITS_PARENTS]),
                )
                break
    if adopted:
        _logger.info("%s adopted %d records of %s", module, adopted, ", ".join(old_modules))
    return adopted


def rename_model(cr, old, new):
    """Renames a model in the database: its table, sequence, constraints and
    indexes, its rows in Odoo's registries and every reference by name."""
    old_table, new_table = old.replace(".", "_"), new.replace(".", "_")
    cr.execute("SELECT to_regclass(%s)", (old_table,))
    if not cr.fetchone()[0]:
        return False
    cr.execute(
        SQL("ALTER TABLE %s RENAME TO %s", SQL.identifier(old_table), SQL.identifier(new_table))
    )
    cr.execute(
        SQL(
            "ALTER SEQUENCE IF EXISTS %s RENAME TO %s",
            SQL.identifier(f"{old_table}_id_seq"),
            SQL.identifier(f"{new_table}_id_seq"),
        )
    )
    cr.execute(
        "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND conname LIKE %s",
        (new_table, f"{old_table}%"),
    )
    for (name,) in cr.fetchall():
        cr.execute(
            SQL(
                "ALTER TABLE %s RENAME CONSTRAINT %s TO %s",
                SQL.identifier(new_table),
                SQL.identifier(name),
                SQL.identifier(new_table + name[len(old_table) :]),
            )
        )
    cr.execute(
        "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexname LIKE %s",
        (new_table, f"{old_table}%"),
    )
    for (name,) in cr.fetchall():
        cr.execute(
            SQL(
                "ALTER INDEX %s RENAME TO %s",
                SQL.identifier(name),
                SQL.identifier(new_table + name[len(old_table) :]),
            )
        )
    cr.execute(
        "UPDATE ir_model_constraint SET name = %s || substr(name, %s) WHERE name LIKE %s",
        (new_table, len(old_table) + 1, f"{old_table}%"),
    )
    for table, column in (
        ("ir_model", "model"),
        ("ir_model_fields", "model"),
        ("ir_model_fields", "relation"),
        ("ir_model_data", "model"),
        ("ir_ui_view", "model"),
        ("ir_act_window", "res_model"),
        ("ir_filters", "model_id"),
        ("mail_message", "model"),
        ("mail_followers", "res_model"),
        ("mail_activity", "res_model"),
        ("mail_activity_type", "res_model"),
        ("ir_attachment", "res_model"),
    ):
        cr.execute(
            SQL(
                "UPDATE %s SET %s = %s WHERE %s = %s",
                SQL.identifier(table),
                SQL.identifier(column),
                new,
                SQL.identifier(column),
                old,
            )
        )
    cr.execute(
        """UPDATE ir_model_data SET name = replace(name, %s, %s)
            WHERE model IN ('ir.model', 'ir.model.fields', 'ir.model.fields.selection',
                            'ir.model.constraint') AND name LIKE %s""",
        (f"_{old_table}_", f"_{new_table}_", f"%\\_{old_table}\\_%"),
    )
    cr.execute(
        """UPDATE ir_model_data SET name = %s WHERE model = 'ir.model' AND name = %s""",
        (f"model_{new_table}", f"model_{old_table}"),
    )
    _logger.info("Renamed model %s to %s", old, new)
    return True


def install_bridge(cr, bridge, needs):
    """A bridge split out of an installed module is installed by the upgrade:
    Odoo auto-installs a bridge only beside a module being installed, not
    beside modules being upgraded. Marked here, it is loaded in the same run
    after the modules it joins (``needs``: those that must be installed)."""
    cr.execute(
        "SELECT count(*) FROM ir_module_module WHERE name = ANY(%s) "
        "AND state IN ('installed', 'to upgrade', 'to install')",
        (list(needs),),
    )
    if cr.fetchone()[0] != len(needs):
        return False
    cr.execute(
        "UPDATE ir_module_module SET state = 'to install' "
        "WHERE name = %s AND state = 'uninstalled'",
        (bridge,),
    )
    return bool(cr.rowcount)

"""make test-upgrade's checks (scripts/upgrade_check.py, issue 13): each must
fail on what it is there to catch. The comparison runs against the database
`make test` just tested (AFTERSALES_TEST_DB), read-only; the uninstall itself
is exercised by make test-upgrade only."""

import copy
import os

import pytest
import upgrade_check


@pytest.fixture(scope="module")
def db():
    db = os.environ.get("AFTERSALES_TEST_DB")
    assert db, "run through `make test`, which sets AFTERSALES_TEST_DB"
    return db


@pytest.fixture(scope="module")
def suite(root):
    return upgrade_check.addon_names(root / "addons")


@pytest.fixture(scope="module")
def snap(db, suite):
    return upgrade_check.snapshot(db, suite)


def write_addon(addons, name, depends):
    (addons / name).mkdir(parents=True)
    (addons / name / "__manifest__.py").write_text(repr({"name": name, "depends": depends}))


def test_uninstall_order_dependents_first(tmp_path):
    write_addon(tmp_path, "as_base", ["mail"])
    write_addon(tmp_path, "as_repair", ["as_base", "repair"])
    write_addon(tmp_path, "as_complaint", ["as_base"])
    write_addon(tmp_path, "as_complaint_repair", ["as_complaint", "as_repair"])
    order = upgrade_check.uninstall_order(
        tmp_path, ["as_base", "as_complaint_repair", "as_repair", "as_complaint"]
    )
    assert order == ["as_complaint_repair", "as_complaint", "as_repair", "as_base"]
    # through a module left out of the list
    write_addon(tmp_path, "as_survey", ["as_complaint", "survey"])
    order = upgrade_check.uninstall_order(tmp_path, ["as_survey", "as_base"])
    assert order == ["as_survey", "as_base"]


def test_uninstall_order_refuses_a_cycle_and_a_missing_manifest(tmp_path):
    write_addon(tmp_path, "as_a", ["as_b"])
    write_addon(tmp_path, "as_b", ["as_a"])
    with pytest.raises(SystemExit, match="cycle"):
        upgrade_check.uninstall_order(tmp_path, ["as_a", "as_b"])
    with pytest.raises(SystemExit, match="as_c"):
        upgrade_check.uninstall_order(tmp_path, ["as_a", "as_c"])


def test_uninstall_order_of_the_suite(root, suite):
    order = upgrade_check.uninstall_order(root / "addons", suite)
    assert sorted(order) == suite
    for module in suite:
        for dep in upgrade_check.manifest_depends(root / "addons", module):
            if dep in suite:
                assert order.index(module) < order.index(dep), (module, dep)


def test_conf_swaps_only_the_addons_dir(tmp_path):
    new, old = tmp_path / "addons", tmp_path / "old" / "addons"
    new.mkdir()
    src = tmp_path / "odoo.conf"
    src.write_text(f"[options]\naddons_path = /odoo/addons,{new}/\ndata_dir = /data\n")
    upgrade_check.write_conf(src, new, old, tmp_path / "out.conf")
    out = (tmp_path / "out.conf").read_text()
    assert f"addons_path = /odoo/addons,{old}\n" in out
    assert "data_dir = /data" in out
    with pytest.raises(SystemExit, match="does not list"):
        upgrade_check.write_conf(src, tmp_path / "elsewhere", old, tmp_path / "out.conf")


def test_snapshot_holds_the_suite(snap):
    assert "aftersales.warranty.certificate" in snap["models"]
    request = snap["models"]["aftersales.service.request"]
    assert {"name", "state", "partner_id", "create_uid", "write_uid"} <= set(request["columns"])
    assert request["rows"]
    assert snap["mail_message"]["aftersales.service.request"]
    # an extension: the suite's link on Odoo's repair orders; no wizard
    assert "repair.order" in snap["extensions"]
    assert "stock.return.picking" not in snap["extensions"]


def failures(db, snap, modules, addons):
    return upgrade_check.compare(db, snap, modules, addons).failures


def a_model_with_state(snap):
    return next(m for m, t in snap["models"].items() if "state" in t["columns"] and t["rows"])


def test_compare_unchanged_passes(db, snap, suite, root):
    assert failures(db, snap, suite, root / "addons") == []


def test_compare_finds_a_changed_state_a_lost_row_and_a_lost_column(db, snap, suite, root):
    model = a_model_with_state(snap)
    bad = copy.deepcopy(snap)
    table = bad["models"][model]
    state = table["columns"].index("state")
    first = next(iter(table["rows"]))
    table["rows"][first][state] = "tampered"
    table["rows"]["999999999"] = list(table["rows"][first])
    table["columns"].append("x_gone")
    for values in table["rows"].values():
        values.append(None)
    found = failures(db, bad, suite, root / "addons")
    assert any(f.startswith(f"{model}.state: 1 rows changed") for f in found), found
    assert any(f.startswith(f"{model}: 1 of ") and "999999999" in f for f in found), found
    assert f"{model}.x_gone: the column is gone after the upgrade (not in DROPPED)" in found
    assert len(found) == 3, found


def test_compare_accepts_a_dropped_column(db, snap, suite, root, monkeypatch):
    model = a_model_with_state(snap)
    bad = copy.deepcopy(snap)
    bad["models"][model]["columns"].append("x_gone")
    for values in bad["models"][model]["rows"].values():
        values.append(None)
    monkeypatch.setattr(upgrade_check, "DROPPED", {(model, "x_gone")})
    assert failures(db, bad, suite, root / "addons") == []


def test_compare_finds_a_lost_message_and_a_module_not_installed(db, snap, suite, root):
    bad = copy.deepcopy(snap)
    bad["mail_message"]["aftersales.service.request"]["999999999"] = 1
    found = failures(db, bad, [*suite, "aftersales_not_there"], root / "addons")
    assert "module aftersales_not_there: unknown after the upgrade" in found
    assert any(f.startswith("mail_message of aftersales.service.request: 1 of") for f in found)
    assert len(found) == 2, found


def test_compare_follows_a_model_rename(db, snap, suite, root, monkeypatch):
    renamed = copy.deepcopy(snap)
    for part in ("models", "mail_message", "ir_attachment"):
        if "aftersales.complaint" in renamed[part]:
            renamed[part]["aftersales.old.complaint"] = renamed[part].pop("aftersales.complaint")
    # without the rename: the old table is gone
    found = failures(db, renamed, suite, root / "addons")
    gone = "aftersales.old.complaint: table aftersales_old_complaint is gone"
    assert any(f.startswith(gone) for f in found), found
    monkeypatch.setattr(
        upgrade_check, "MODEL_RENAMES", {"aftersales.old.complaint": "aftersales.complaint"}
    )
    assert failures(db, renamed, suite, root / "addons") == []


def test_in_use_follows_restricting_keys_then_kept_records(db):
    with upgrade_check.db_cursor(db) as cr:
        cr.execute(
            """SELECT d.res_id, p.product_tmpl_id FROM ir_model_data d
                 JOIN product_product p ON p.id = d.res_id
                WHERE d.model = 'product.product' AND d.name = 'product_aftersales_labour'"""
        )
        product, template = cr.fetchone()
        cr.execute("SELECT max(id) + 1000 FROM res_partner")
        nobody = cr.fetchone()[0]
        # the demo bills the labour product: an invoice line points at it
        used = upgrade_check.in_use(
            cr,
            {
                "t.product": ("product_product", product),
                "t.template": ("product_template", template),
                "t.nobody": ("res_partner", nobody),
            },
        )
    assert "account_move_line.product_id" in used["t.product"]
    assert used["t.template"] == "kept t.product"
    assert "t.nobody" not in used


def test_delete_refusals_read_from_the_log(tmp_path):
    log = tmp_path / "uninstall.log"
    log.write_text(
        "2026-12-01 03:22:49,257 1 INFO ? odoo.addons.base.models.ir_model: Deleting x\n"
        "2026-12-01 03:22:49,260 1 ERROR ? odoo.sql_db: bad query: "
        "b'DELETE FROM \"resource_calendar\" WHERE id IN (8, 9)'\n"
        'ERROR: update or delete on table "resource_calendar" violates foreign key '
        'constraint "x_fkey" on table "x"\n'
        "2026-12-01 03:22:49,263 1 ERROR ? odoo.sql_db: bad query: "
        "b'DELETE FROM \"resource_calendar\" WHERE id IN (9)'\n"
        'ERROR: update or delete on table "resource_calendar" violates foreign key '
        'constraint "aftersales_zone_resource_calendar_id_fkey" on table "aftersales_zone"\n'
        'DETAIL:  Key (id)=(9) is still referenced from table "aftersales_zone".\n'
    )
    assert upgrade_check.delete_refusals(log) == {
        ("resource_calendar", 9): "aftersales_zone_resource_calendar_id_fkey "
        "(a row of aftersales_zone pointed at it)"
    }


def test_every_module_installed_its_demo_data(db, suite):
    """Odoo installs a module whose demo data fails without it and only logs a
    warning (the demo story and every test built on it then go missing): the
    database `make test` built records no failed demo of the suite."""
    import psycopg2

    with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT m.name, f.error FROM ir_demo_failure f"
            " JOIN ir_module_module m ON m.id = f.module_id WHERE m.name = ANY(%s)",
            [sorted(suite)],
        )
        failures = cr.fetchall()
        cr.execute(
            "SELECT count(*) FROM ir_module_module WHERE demo AND name = ANY(%s)", [sorted(suite)]
        )
        with_demo = cr.fetchone()[0]
    assert not failures, "\n".join(f"{name}: {error[-600:]}" for name, error in failures)
    assert with_demo == len(suite)

"""The suite's module graph (issue 13) and the shape every module shares.

GRAPH is the declared graph: each module's exact dependencies, and which
modules are bridges (auto_install). Each module names no module it does not
depend on (scripts/module_deps.py reads every file); that each installs alone
with only its declared dependencies, and that the bridges auto-install, is
scripts/test_modules_alone.sh (make test-modules), on real databases.

Every module also has the OCA manifest keys, readme fragments, an icon, access
rights naming existing groups and a complete zh_CN translation (X4)."""

import ast
import csv
import re
from functools import cache

import gen_module_readmes
import module_deps
import polib
import pytest
from lxml import etree

GRAPH = {
    "aftersales_base": {"mail", "resource", "portal"},
    "aftersales_warranty": {"aftersales_base", "stock", "crm", "portal", "account"},
    "aftersales_repair": {"aftersales_warranty", "repair", "hr", "resource"},
    "aftersales_maintenance": {"aftersales_repair"},
    "aftersales_complaint": {"aftersales_base", "hr", "product"},
    "aftersales_complaint_repair": {"aftersales_complaint", "aftersales_repair"},
    "aftersales_survey": {"aftersales_repair", "survey"},
    "aftersales_survey_complaint": {"aftersales_survey", "aftersales_complaint_repair"},
    "aftersales_helpdesk": {"aftersales_complaint", "helpdesk_mgmt"},
}
BRIDGES = {"aftersales_complaint_repair", "aftersales_survey_complaint", "aftersales_helpdesk"}
# Names a module uses although it does not depend on their module, each with
# its reason (an entry no longer needed fails test_no_reference_crosses_a_boundary).
CROSSINGS = {
    ("aftersales_base/tests/role_matrix.py", "account"): "the suite's one role table "
    "names the accountant's group; role_matrix_case.py makes a role whose groups are "
    "not installed an internal user",
    ("aftersales_base/tests/role_matrix.py", "stock"): "the same for the warehouse keeper",
}
PLACEHOLDER = re.compile(r"%\(\w+\)s|%[sd]|\{\{.*?\}\}")


def manifest(root, module):
    return ast.literal_eval((root / "addons" / module / "__manifest__.py").read_text())


@pytest.fixture(scope="module")
def graph():
    return module_deps.Graph()


def test_suite_modules_are_all_there(root):
    found = {p.name for p in (root / "addons").iterdir() if (p / "__manifest__.py").exists()}
    assert found == set(GRAPH)


def test_suite_modules_in_install_order(root):
    """scripts/common.sh lists every module (make test runs their tests), each
    after the suite modules it depends on."""
    common = (root / "scripts/common.sh").read_text()
    listed = re.search(r"^SUITE_MODULES=([\w,]+)$", common, re.MULTILINE).group(1).split(",")
    assert sorted(listed) == sorted(GRAPH)
    for i, module in enumerate(listed):
        assert GRAPH[module] & set(GRAPH) <= set(listed[:i]), f"{module} before its dependencies"


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_manifest(root, module):
    data = manifest(root, module)
    assert data["license"] == "LGPL-3"
    assert re.fullmatch(r"19\.0\.\d+\.\d+\.\d+", data["version"])
    assert set(data["depends"]) == GRAPH[module], "each module has only its own dependencies"
    assert len(data["depends"]) == len(GRAPH[module]), "no dependency listed twice"
    for path in data.get("data", []) + data.get("demo", []):
        assert (root / "addons" / module / path).is_file(), path
    assert (root / "addons" / module / "static/description/icon.png").is_file()
    assert data.get("auto_install", False) is (module in BRIDGES), "bridges, and only they"


def test_graph_is_layered(graph):
    """One application at the bottom: every module stands on aftersales_base;
    no cycle (Graph.suite orders them)."""
    assert set(graph.suite) == set(GRAPH)
    for module in GRAPH:
        assert "aftersales_base" in graph.closure([module])


@pytest.mark.parametrize("module", sorted(BRIDGES))
def test_bridge_joins_independent_modules(graph, module):
    """A bridge joins modules that do not depend on each other (else it would
    belong to the upper one) and that install without it."""
    joined = GRAPH[module]
    assert len(joined) >= 2
    for name in joined:
        assert module not in graph.closure([name])
        for other in joined - {name}:
            assert name not in graph.closure([other]), f"{other} depends on {name}"


def test_what_installs_alone(graph):
    """What `-i` installs, as test_modules_alone.sh checks it on databases."""
    suite = set(GRAPH)
    complaint = graph.installs(["aftersales_complaint"])
    assert complaint & suite == {"aftersales_base", "aftersales_complaint"}
    assert not complaint & {"repair", "stock", "account"}
    assert "aftersales_complaint" not in graph.installs(["aftersales_survey"])
    assert graph.installs(["aftersales_complaint", "aftersales_repair"]) >= {
        "aftersales_complaint_repair"
    }
    assert graph.installs(["aftersales_complaint", "aftersales_survey"]) >= {
        "aftersales_complaint_repair",
        "aftersales_survey_complaint",
    }
    assert "aftersales_helpdesk" in graph.installs(["aftersales_complaint", "helpdesk_mgmt"])


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_reference_crosses_a_boundary(root, graph, module):
    """Every odoo.addons.<x> import and every <x>.<xmlid> a module's Python,
    XML, CSV, JS and manifest use names the module itself, a module it depends
    on (transitively) or one every database has (rpc)."""
    found = []
    for ref in module_deps.offenders(graph, module):
        path = str(ref.path.relative_to(root / "addons"))
        if (path, ref.module) not in CROSSINGS:
            found.append(f"{ref}: {ref.module} is not a dependency of {module}")
    assert not found, "\n".join(found)
    for path, target in CROSSINGS:
        if path.startswith(f"{module}/"):
            assert any(
                str(ref.path.relative_to(root / "addons")) == path and ref.module == target
                for ref in module_deps.offenders(graph, module)
            ), f"CROSSINGS: {path} names {target} no more: remove the entry"


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_view_groups_are_full_xmlids(graph, module):
    """A group in a view arch, a QWeb template or a field's groups= is a full
    xmlid: Odoo resolves no short name there (the element is hidden from all)."""
    found = [str(ref) for ref in module_deps.unqualified_groups(graph[module])]
    assert not found, "\n".join(found)


def test_boundary_scan_finds_every_kind(root, tmp_path):
    """The scan behind the boundary test finds each kind of reference, and
    lets references to dependencies and models' names pass."""
    fake = tmp_path / "aftersales_fake"
    (fake / "views").mkdir(parents=True)
    (fake / "tests").mkdir()
    (fake / "security").mkdir()
    (fake / "static").mkdir()
    (fake / "__manifest__.py").write_text(
        repr(
            {
                "name": "Fake",
                "depends": ["aftersales_base"],
                "assets": {"survey.assets_x": ["aftersales_repair/static/x.js"]},
            }
        )
    )
    (fake / "tests" / "test_x.py").write_text(
        "from odoo.addons.stock.models import stock_move\n"  # 1
        "import odoo.addons.repair\n"  # 2
        "env.ref('repair.action_repair_order_tree')\n"  # 3
        "fields.Char(groups='account.group_account_invoice')\n"  # 4
        "url = '/odoo/action-aftersales_warranty.action_warranty_certificate'\n"  # 5
        "user.has_group('crm.group_use_lead')\n"  # 6
        "ROLE = ('survey.group_survey_user',)\n"  # 7
        "env.ref('mail.mt_comment'); env.ref('aftersales_base.group_aftersales_desk')\n"
        "env['repair.order']; env['stock.picking']; env['res.partner']\n"
        "from odoo.addons.portal.controllers import portal\n"
    )
    (fake / "views" / "x.xml").write_text(
        """<odoo>
    <record id="x" model="ir.ui.view">
        <field name="inherit_id" ref="stock.view_picking_form"/>
        <field name="arch" type="xml">
            <xpath expr="." position="inside">
                <button name="%(crm.action_x)d" type="action"
                        groups="base.group_user,!hr.group_hr_user"/>
                <t t-call="survey.layout"/>
            </xpath>
        </field>
    </record>
    <record id="repair.some_record" model="ir.rule">
        <field name="groups" eval="[(4, ref('account.group_account_manager'))]"/>
    </record>
    <menuitem id="m" parent="aftersales_repair.menu_x" web_icon="aftersales_survey,static/i.png"/>
    <record id="r" model="ir.actions.report">
        <field name="report_name">aftersales_complaint.report_x</field>
    </record>
    <record id="ok" model="ir.ui.view">
        <field name="inherit_id" ref="portal.portal_my_home"/>
        <field name="groups_id" eval="[(4, ref('aftersales_base.group_aftersales_manager'))]"/>
    </record>
</odoo>
"""
    )
    (fake / "security" / "ir.model.access.csv").write_text(
        "id,name,model_id:id,group_id:id,perm_read\n"
        "access_x,x,model_x,stock.group_stock_user,1\n"
        "access_y,y,model_y,aftersales_base.group_aftersales_desk,1\n"
    )
    (fake / "static" / "tour.js").write_text(
        'import { registry } from "@web/core/registry";\n'
        'import { x } from "@survey/js/x";\n'
        "trigger: '[data-menu-xmlid=\"aftersales_warranty.menu_aftersales_warranty\"]',\n"
        'const REPORT = "helpdesk_mgmt.report_ticket";\n'
        'const MODEL = "repair.order";\n'
    )
    graph = module_deps.Graph([*module_deps.addons_paths(), tmp_path])
    found = module_deps.offenders(graph, fake.name)
    found = {(ref.path.name, ref.line, ref.module) for ref in found}
    assert found == {
        ("__manifest__.py", 1, "survey"),
        ("__manifest__.py", 1, "aftersales_repair"),
        ("test_x.py", 1, "stock"),
        ("test_x.py", 2, "repair"),
        ("test_x.py", 3, "repair"),
        ("test_x.py", 4, "account"),
        ("test_x.py", 5, "aftersales_warranty"),
        ("test_x.py", 6, "crm"),
        ("test_x.py", 7, "survey"),
        ("x.xml", 3, "stock"),
        ("x.xml", 7, "crm"),
        ("x.xml", 7, "hr"),
        ("x.xml", 8, "survey"),
        ("x.xml", 12, "repair"),
        ("x.xml", 13, "account"),
        ("x.xml", 15, "aftersales_repair"),
        ("x.xml", 15, "aftersales_survey"),
        ("x.xml", 17, "aftersales_complaint"),
        ("ir.model.access.csv", 2, "stock"),
        ("tour.js", 2, "survey"),
        ("tour.js", 3, "aftersales_warranty"),
        ("tour.js", 4, "helpdesk_mgmt"),
    }
    (fake / "views" / "x.xml").write_text(
        '<odoo><template id="t"><div groups="group_x"><a groups="base.group_user"/></div>'
        '</template><menuitem id="m" groups="group_y"/></odoo>'
    )
    (fake / "models.py").write_text("x = fields.Char(groups='group_z,base.group_user')\n")
    found = {ref.text for ref in module_deps.unqualified_groups(graph[fake.name])}
    assert found == {'groups="group_x"', "groups=group_z"}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_readme_fragments(root, module):
    readme = root / "addons" / module / "readme"
    for fragment in ("DESCRIPTION.md", "USAGE.md", "CONFIGURE.md", "CONTRIBUTORS.md"):
        assert (readme / fragment).is_file(), fragment


def test_readme_rst_up_to_date():
    assert gen_module_readmes.main(check=True) == [], "run scripts/gen_module_readmes.py"


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_zh_cn_translation_complete(root, module):
    path = root / "addons" / module / "i18n" / "zh_CN.po"
    assert path.is_file(), f"X4: {module} has no zh_CN translation"
    po = polib.pofile(str(path))
    assert po.metadata.get("Language") == "zh_CN"
    untranslated = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
    assert not untranslated, f"X4: {module} has untranslated terms: {untranslated[:5]}"
    for entry in po:
        assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(
            PLACEHOLDER.findall(entry.msgstr)
        ), f"placeholders differ in {entry.msgid!r}"


@cache
def defined_groups(graph, module):
    """The groups a module's data files define, as full xmlids."""
    found = set()
    for name in graph[module].manifest.get("data", []):
        path = graph[module].path / name
        if path.suffix != ".xml":
            continue
        for record in etree.parse(str(path)).iter("record"):
            if record.get("model") == "res.groups":
                xmlid = record.get("id")
                found.add(xmlid if "." in xmlid else f"{module}.{xmlid}")
    return frozenset(found)


def new_models(path):
    """The models a module creates (not extends, not abstract)."""
    found = set()
    for file in path.rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text())):
            if not isinstance(node, ast.ClassDef):
                continue
            if any(getattr(b, "attr", None) == "AbstractModel" for b in node.bases):
                continue
            attrs = {
                t.id: ast.literal_eval(n.value)
                for n in node.body
                if isinstance(n, ast.Assign)
                for t in n.targets
                if isinstance(t, ast.Name) and t.id in ("_name", "_inherit")
            }
            inherit = attrs.get("_inherit", [])
            inherit = [inherit] if isinstance(inherit, str) else inherit
            if attrs.get("_name") and attrs["_name"] not in inherit:
                found.add(attrs["_name"])
    return found


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_access_rules_name_existing_groups(root, graph, module):
    """Each access rule names a group that its module or one of its
    dependencies defines; a module without models has no access file."""
    path = root / "addons" / module / "security" / "ir.model.access.csv"
    if not path.exists():
        assert not new_models(root / "addons" / module), f"{module} adds models: access rules?"
        return
    groups = set().union(*(defined_groups(graph, m) for m in graph.closure([module])))
    assert "aftersales_base.group_aftersales_manager" in groups
    with path.open() as f:
        rows = list(csv.DictReader(f))
    assert rows
    for row in rows:
        group = row["group_id:id"]
        if "." not in group:
            group = f"{module}.{group}"
        assert group in groups, f"{row['id']}: unknown group {group}"

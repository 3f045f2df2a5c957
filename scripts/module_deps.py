"""The suite's module graph as the manifests declare it (issue 13).

- ``Graph``: every module on Odoo's addons_path (.local/odoo.conf) with its
  manifest; ``installs(names)`` is what Odoo installs for ``-i names`` on a
  fresh database (the dependency closure, then every auto_install module whose
  trigger is met, until nothing changes).
- ``references(module)``: every name of a module that a module's files use
  (``odoo.addons.<x>`` imports, ``<x>.<xmlid>`` in XML, CSV, JS and Python,
  ``@<x>/`` JS imports, asset bundles); ``offenders`` keeps those naming a
  module that is neither the module, one of its dependencies (transitively),
  nor one that every database has; ``unqualified_groups`` finds the groups a
  view names without their module (tests/test_modules.py).
- the command line of scripts/test_modules_alone.sh::

      module_deps.py cases       the databases to make, one case a line
      module_deps.py check --db DB --install a,b [--absent x] [--present y]
                                 [--log L --rc N [--tests]]
      module_deps.py refs [MODULE...]   the offenders, for a developer"""

import argparse
import ast
import configparser
import csv
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE_DIR = ROOT / "addons"


def odoo_conf():
    return Path(os.environ.get("AFTERSALES_ODOO_CONF") or ROOT / ".local" / "odoo.conf")


def addons_paths(conf=None):
    conf = Path(conf or odoo_conf())
    if not conf.is_file():
        raise SystemExit(f"{conf} is missing: run scripts/bootstrap.sh")
    parser = configparser.ConfigParser()
    parser.read(conf)
    paths = [Path(p.strip()) for p in parser["options"]["addons_path"].split(",") if p.strip()]
    # The suite's own addons, whichever checkout the configuration names.
    return [p for p in paths if p.resolve() != SUITE_DIR.resolve()] + [SUITE_DIR]


# --------------------------------------------------------------------------
# The graph


@dataclass
class Module:
    name: str
    path: Path
    manifest: dict

    @property
    def depends(self):
        if self.name == "base":
            return []
        return list(self.manifest.get("depends") or ["base"])

    @property
    def auto_install(self):
        """The modules whose installation installs this one, or None."""
        auto = self.manifest.get("auto_install", False)
        if auto is True:
            return set(self.depends)
        return set(auto) if isinstance(auto, list | tuple | set) else None


class Graph:
    def __init__(self, paths=None):
        self.modules = {}
        self._models = {}
        for folder in paths if paths is not None else addons_paths():
            for manifest in sorted(Path(folder).glob("*/__manifest__.py")):
                name = manifest.parent.name
                if name in self.modules:  # the first on the addons_path wins
                    continue
                data = ast.literal_eval(manifest.read_text())
                if data.get("installable", True):
                    self.modules[name] = Module(name, manifest.parent, data)

    def __getitem__(self, name):
        return self.modules[name]

    @property
    def suite(self):
        """The suite's modules, each after its dependencies."""
        names = {n for n, m in self.modules.items() if m.path.parent == SUITE_DIR}
        ordered = []
        while len(ordered) < len(names):
            ready = sorted(
                n for n in names - set(ordered) if (self.closure([n]) - {n}) & names <= set(ordered)
            )
            assert ready, f"dependency cycle among {names - set(ordered)}"
            ordered += ready
        return ordered

    def closure(self, names):
        """names and everything they depend on, transitively."""
        seen, todo = set(), list(names)
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            if name not in self.modules:
                raise KeyError(f"module {name} is not on the addons_path")
            seen.add(name)
            todo += self.modules[name].depends
        return seen

    def installs(self, names):
        """What `-i names` leaves installed on a fresh database: the closure,
        then the auto_install modules whose triggers are all installed (Odoo's
        button_install; country-bound modules left out: a fresh company has
        none of their countries)."""
        installed = self._with_auto(self.closure(["base"]))
        return self._with_auto(installed | self.closure(names))

    def _with_auto(self, installed):
        while True:
            more = {
                name
                for name, module in self.modules.items()
                if name not in installed
                and module.auto_install is not None
                and module.auto_install <= installed
                and not module.manifest.get("countries")
            }
            if not more:
                return installed
            installed = installed | self.closure(more)

    def models(self, name):
        """The models a module defines or extends (by their _name/_inherit)."""
        if name not in self._models:
            pattern = re.compile(r"""\b_(?:name|inherit)\s*=\s*\[?\s*['"]([\w.]+)['"]""")
            self._models[name] = {
                model
                for path in self.modules[name].path.rglob("*.py")
                for model in pattern.findall(path.read_text(errors="replace"))
            }
        return self._models[name]

    def roots(self, names):
        """The fewest modules whose closure is that of names."""
        names = set(names)
        return sorted(n for n in names if not any(n in self.closure([o]) - {o} for o in names))

    def bridge_trigger(self, bridge):
        """The plain modules a bridge joins: its triggers, with every bridge
        among them replaced by what it joins in turn."""
        parts = set()
        for name in self.modules[bridge].auto_install:
            auto = self.modules[name].auto_install
            parts |= set(self.bridge_trigger(name)) if auto else {name}
        return self.roots(parts)


# --------------------------------------------------------------------------
# References to other modules

XMLID = r"([a-z][a-z0-9_]*)\.([A-Za-z0-9_]+)"
FULL_XMLID = re.compile(rf"^!?{XMLID}$")
MODULE_PREFIX = re.compile(r"^([a-z][a-z0-9_]*)\.")
# Anywhere in XML/JS text and Python strings.
EMBEDDED = [
    re.compile(rf"%\({XMLID}\)[ds]"),  # button name="%(module.action)d"
    re.compile(rf"""(?:ref|has_group|_for_xml_id|_xmlid_to_res_id)\(\s*['"]{XMLID}['"]"""),
    re.compile(rf"action[-=]{XMLID}\b"),  # /odoo/action-module.xmlid, #action=module.xmlid
    re.compile(rf"""data-menu-xmlid=\\?['"]{XMLID}"""),
]
# A module of the suite named in any string ("aftersales_x.y" is no model name;
# a field path such as "aftersales_request_id.name" is not a module's name).
SUITE_NAMES = sorted((p.parent.name for p in SUITE_DIR.glob("*/__manifest__.py")), key=len)
SUITE_NAMED = re.compile(rf"\b({'|'.join(reversed(SUITE_NAMES))})\.([A-Za-z0-9_]+)")
XML_XMLID_ATTRS = {
    "ref",
    "inherit_id",
    "t-call",
    "t-inherit",
    "t-call-assets",
    "data-menu-xmlid",
    "parent",
    "action",
}
XML_RECORD_TAGS = {"record", "template", "menuitem", "asset", "report", "delete"}
# Tags whose groups attribute Odoo's data loader resolves in the module's
# name space; everywhere else (view archs, QWeb) a group is a full xmlid.
XML_LOADER_GROUPS = {"menuitem", "report", "act_window"}
XML_XMLID_FIELDS = {"report_name"}
PY_REF_FUNCS = {
    "ref",
    "has_group",
    "browse_ref",
    "_for_xml_id",
    "_xmlid_to_res_id",
    "_xmlid_to_res_model_res_id",
    "_xmlid_lookup",
}
JS_IMPORT = re.compile(r"""(?:from|import)\s*\(?\s*['"]@([a-z][a-z0-9_]*)/""")
JS_STRING = re.compile(r"""(['"`])([a-z][a-z0-9_]*\.[A-Za-z0-9_]+)\1""")


@dataclass(frozen=True)
class Ref:
    path: Path
    line: int
    module: str  # the module named
    text: str  # what names it
    kind: str
    # A bare "x.y" string: an xmlid, or a model's name ("repair.order"): it
    # counts only when x is a module and x.y none of its models.
    loose: bool = False

    def __str__(self):
        path = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{path}:{self.line}: {self.kind} {self.text}"


def _xmlid_module(value):
    m = FULL_XMLID.match(value.strip())
    return m.group(1) if m else None


def _embedded(text):
    for pattern in EMBEDDED:
        for m in pattern.finditer(text):
            yield m.group(1), m.group(0)
    for m in SUITE_NAMED.finditer(text):
        yield m.group(1), m.group(0)


def python_refs(path):
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield from _python_import_refs(path, node)
        elif isinstance(node, ast.Call):
            yield from _python_call_refs(path, node)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found = list(_embedded(node.value))
            for module, text in found:
                yield Ref(path, line, module, text, "string")
            if not found and (module := _xmlid_module(node.value)):
                yield Ref(path, line, module, repr(node.value), "string", loose=True)


def _python_import_refs(path, node):
    if isinstance(node, ast.Import):
        for alias in node.names:
            parts = alias.name.split(".")
            if parts[:2] == ["odoo", "addons"] and len(parts) > 2:
                yield Ref(path, node.lineno, parts[2], f"import {alias.name}", "import")
    elif node.level == 0 and node.module:
        parts = node.module.split(".")
        if parts[:2] == ["odoo", "addons"]:
            for name in parts[2:3] or [alias.name for alias in node.names]:
                yield Ref(path, node.lineno, name, f"from {node.module} import ...", "import")


def _python_call_refs(path, node):
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name in PY_REF_FUNCS and node.args:
        arg = node.args[0]
        if isinstance(arg, ast.JoinedStr) and arg.values:
            arg = arg.values[0]  # f"module.{name}": its fixed start
        value = arg.value if isinstance(arg, ast.Constant) else None
        if isinstance(value, str) and (m := MODULE_PREFIX.match(value)):
            yield Ref(path, node.lineno, m.group(1), f"{name}({value!r})", "xmlid")
    for keyword in node.keywords:
        if keyword.arg == "groups" and isinstance(keyword.value, ast.Constant):
            for group in str(keyword.value.value).split(","):
                if module := _xmlid_module(group):
                    yield Ref(path, node.lineno, module, f"groups={group.strip()}", "xmlid")


def _xml_tree(path):
    from lxml import etree

    return etree.parse(str(path), etree.XMLParser(remove_comments=True))


def xml_refs(path):
    for element in _xml_tree(path).iter():
        if not isinstance(element.tag, str):
            continue
        line = element.sourceline or 0
        for attr, value in element.attrib.items():
            yield from _xml_attr_refs(path, line, element.tag, attr, value)
        text = element.text or ""
        named = element.tag == "field" and element.get("name") in XML_XMLID_FIELDS
        if named and (module := _xmlid_module(text)):
            yield Ref(path, line, module, f"{element.get('name')}: {text.strip()}", "xmlid")
        for module, found in _embedded(text + (element.tail or "")):
            yield Ref(path, line, module, found, "text")


def _xml_attr_refs(path, line, tag, attr, value):
    named = []
    if attr in XML_XMLID_ATTRS or (attr == "id" and tag in XML_RECORD_TAGS):
        named = [value]
    elif attr == "groups":
        named = value.split(",")
    elif attr == "web_icon" and "," in value:
        yield Ref(path, line, value.split(",")[0].strip(), f'{attr}="{value}"', "xmlid")
    for item in named:
        if module := _xmlid_module(item):
            yield Ref(path, line, module, f'{attr}="{item.strip()}"', "xmlid")
    if attr not in XML_XMLID_ATTRS:
        for module, found in _embedded(value):
            yield Ref(path, line, module, f"{attr}: {found}", "text")


def csv_refs(path):
    with path.open(newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        return
    header = rows[0]
    columns = [i for i, h in enumerate(header) if h == "id" or h.endswith((":id", "/id"))]
    for number, row in enumerate(rows[1:], start=2):
        for i in columns:
            for item in row[i].split(",") if i < len(row) else ():
                if module := _xmlid_module(item):
                    yield Ref(path, number, module, f"{header[i]}={item.strip()}", "xmlid")


def js_refs(path):
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        for m in JS_IMPORT.finditer(line):
            yield Ref(path, number, m.group(1), m.group(0), "import")
        found = list(_embedded(line))
        for module, text in found:
            yield Ref(path, number, module, text, "string")
        if not found:
            for m in JS_STRING.finditer(line):
                yield Ref(path, number, _xmlid_module(m.group(2)), m.group(0), "string", True)


def manifest_refs(module):
    path = module.path / "__manifest__.py"
    for bundle, items in module.manifest.get("assets", {}).items():
        yield Ref(path, 1, bundle.split(".")[0], f"assets {bundle}", "asset")
        for item in items:
            for value in item if isinstance(item, list | tuple) else [item]:
                if "/" in value:
                    yield Ref(path, 1, value.split("/")[0], f"asset {value}", "asset")
                elif module_name := _xmlid_module(value):
                    yield Ref(path, 1, module_name, f"asset {value}", "asset")


SCANNERS = {".py": python_refs, ".xml": xml_refs, ".csv": csv_refs, ".js": js_refs}


def _files(module):
    for path in sorted(module.path.rglob("*")):
        if path.suffix in SCANNERS and path.name != "__manifest__.py" and path.is_file():
            yield path


def references(module):
    """Every reference a module's files make to a module by name (its own
    included)."""
    yield from manifest_refs(module)
    for path in _files(module):
        yield from SCANNERS[path.suffix](path)


def allowed(graph, name):
    """The modules a module may name: itself, its dependencies, transitively,
    and what every database has (base's auto_install modules, such as rpc)."""
    return graph.closure([name]) | graph.installs(["base"])


def offenders(graph, name):
    """The references of module `name` to a module it may not name."""
    allowed_names = allowed(graph, name)
    found, seen = [], set()
    for ref in references(graph[name]):
        if ref.module in allowed_names or (ref.path, ref.line, ref.module) in seen:
            continue
        if ref.loose and (
            ref.module not in graph.modules or ref.text.strip("'\"`") in graph.models(ref.module)
        ):
            continue
        found.append(ref)
        seen.add((ref.path, ref.line, ref.module))
    return found


def _short_groups(value):
    return [g for g in (value or "").split(",") if g.strip() and "." not in g]


def unqualified_groups(module):
    """Groups a view arch, a QWeb template or a field names without their
    module: Odoo resolves none of them (a view logs "The group ... does not
    exist" and hides what it guards from everybody)."""
    for path in _files(module):
        if path.suffix == ".xml":
            for element in _xml_tree(path).iter():
                if not isinstance(element.tag, str) or element.tag in XML_LOADER_GROUPS:
                    continue
                if element.tag == "template" and element.getparent().tag in ("odoo", "data"):
                    continue
                for group in _short_groups(element.get("groups")):
                    yield Ref(path, element.sourceline, module.name, f'groups="{group}"', "group")
        elif path.suffix == ".py":
            for node in ast.walk(ast.parse(path.read_text())):
                for keyword in getattr(node, "keywords", ()):
                    value = getattr(keyword.value, "value", None)
                    if keyword.arg == "groups" and isinstance(value, str):
                        for group in _short_groups(value):
                            yield Ref(path, node.lineno, module.name, f"groups={group}", "group")


# --------------------------------------------------------------------------
# What a database holds


def installed_modules(db):
    import psycopg2

    conn = psycopg2.connect(dbname=db)
    try:
        with conn.cursor() as cr:
            cr.execute(
                "SELECT name, state FROM ir_module_module"
                " WHERE state NOT IN ('uninstalled', 'uninstallable')"
            )
            return dict(cr.fetchall())
    finally:
        conn.close()


def check(graph, db, install, absent=(), present=(), log=None, rc=0, tests=False):
    """(installed modules, problems, tests run) of a database where `-i
    install` ran (install: every module requested on it, in one run or more),
    the last run's log and exit code."""
    states = installed_modules(db)
    installed = {n for n, s in states.items() if s == "installed"}
    problems = [f"{n} is left in state {s}" for n, s in sorted(states.items()) if s != "installed"]
    for name in install:
        for dep in [name, *graph[name].depends]:
            if dep not in installed:
                problems.append(f"{dep} is not installed (installing {name})")
    expected = graph.installs(install)
    suite = set(graph.suite)
    # The modules a suite module depends on, outside the suite (stock, repair,
    # account, survey, helpdesk_mgmt...): installed only when expected.
    watched = suite | {d for n in suite for d in graph[n].depends}
    for name in sorted((installed ^ expected) & watched):
        verb = "is installed and should not be" if name in installed else "is missing"
        problems.append(f"{name} {verb}")
    # Accounting installs the fiscal localisation of the company's country
    # (l10n_us for the demo company) from a hook, not by auto_install.
    localisation = "account" in installed and re.compile(r"l10n_\w+$")
    for name in sorted(installed - expected - watched):
        if not (localisation and localisation.match(name)):
            problems.append(f"{name} is installed although nothing asks for it")
    problems += [f"{name} is installed and must not be" for name in absent if name in installed]
    problems += [f"{name} is not auto-installed" for name in present if name not in installed]
    if rc:
        problems.append(f"Odoo exited with code {rc}")
    ran = "-"
    if log:
        log_found, ran = log_problems(log, rc, tests)
        problems += log_found
    return installed, problems, ran


# An error or warning about the suite in an install log (a test's own log
# lines are its business: its result counts).
TEST_FAILED = re.compile(r" (?:ERROR|CRITICAL) \S+ \S+: (FAIL|ERROR): (.*)")
OWN_LOG = re.compile(
    r" (WARNING|ERROR|CRITICAL) \S+ (?!odoo\.tests|odoo\.addons\.\w+\.tests)\S+: .*aftersales[_.]"
)


def log_problems(log, rc, tests):
    """(problems of an Odoo log, "passed/run" when it ran tests else "-")."""
    import test_summary

    with open(log, encoding="utf-8", errors="replace") as f:
        lines = f.readlines()
    found = [
        f"log: {line.strip()[:300]}"
        for line in lines
        if OWN_LOG.search(line) or test_summary.FATAL_RE.search(line)
    ]
    found += [f"test {m[1]}: {m[2].strip()}" for line in lines if (m := TEST_FAILED.search(line))]
    if not tests:
        return found, "-"
    tally = test_summary.Tally()
    test_summary.read_odoo_log(log, rc, tally)
    found += [
        p for p in tally.problems if not p.startswith(("Odoo exited", "install log", "critical"))
    ]
    if tally.passed + tally.failed == 0:
        found.append("no test ran")
    return found, f"{tally.passed}/{tally.passed + tally.failed + tally.skipped}"


@dataclass
class Case:
    name: str
    install: list  # the modules `-i` names
    present: str = ""  # the bridge they must auto-install
    parent: str = ""  # the case whose database this one starts from
    requested: list = None  # every module ever requested on the database

    def line(self, graph):
        requested = self.requested or self.install
        return "\t".join(
            [
                self.name,
                ",".join(self.install),
                ",".join(requested),
                self.present or "-",
                str(len(graph.installs(requested))),
                self.parent or "-",
            ]
        )


def cases(graph):
    """Each suite module alone on a fresh database; then each bridge: the
    plain modules it joins installed one after the other, the last on a copy
    of the database where the largest of them was installed alone (a user
    adds the second module later; the bridge comes with it)."""
    found = [Case(name, [name]) for name in graph.suite]
    for name in graph.suite:
        if graph[name].auto_install:
            joined = graph.bridge_trigger(name)
            alone = [n for n in joined if n in graph.suite]  # those have a case
            first = max(alone, key=lambda n: len(graph.installs([n])), default="")
            rest = [n for n in joined if n != first]
            found.append(Case(f"{name} (auto)", rest, name, first, joined))
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser(
        "cases", help="case, -i modules, all requested, bridge, expected count, parent case"
    )
    chk = sub.add_parser("check", help="what the database holds after -i")
    chk.add_argument("--db", required=True)
    chk.add_argument("--install", required=True)
    chk.add_argument("--absent", default="")
    chk.add_argument("--present", default="")
    chk.add_argument("--log")
    chk.add_argument("--rc", type=int, default=0)
    chk.add_argument("--tests", action="store_true", help="the log is a test run's")
    refs = sub.add_parser("refs", help="references across a module boundary")
    refs.add_argument("modules", nargs="*")
    args = parser.parse_args(argv)
    graph = Graph()
    if args.command == "cases":
        for case in cases(graph):
            print(case.line(graph))
        return 0
    if args.command == "refs":
        found = [ref for name in args.modules or graph.suite for ref in offenders(graph, name)]
        for ref in found:
            print(f"{ref}  ({ref.module} is not a dependency)")
        return 1 if found else 0
    install = [n for n in args.install.split(",") if n]
    absent = [n for n in args.absent.split(",") if n]
    present = [n for n in args.present.split(",") if n and n != "-"]
    installed, problems, tests = check(
        graph, args.db, install, absent, present, args.log, args.rc, args.tests
    )
    print(f"{len(installed)}\t{tests}")
    for problem in problems:
        print(f"  - {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

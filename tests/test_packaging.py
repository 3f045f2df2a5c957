"""Packaging (issue 13): every addon is a pip-installable wheel the OCA way
(addons/<module>/pyproject.toml with the whool build backend), and
.pre-commit-config.yaml runs the linters of scripts/lint.sh at the versions
requirements-dev.txt pins.

The wheels are really built, offline: pip with --no-build-isolation --no-index
uses the whool of the venv (requirements-dev.txt)."""

import ast
import os
import re
import runpy
import subprocess
import sys
import tomllib
import zipfile
from email.parser import Parser
from importlib import metadata
from pathlib import Path

import gen_pyproject
import pytest
import yaml
from manifestoo_core.metadata import EXTERNAL_DEPENDENCIES_MAP
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
MODULES = [p.name for p in gen_pyproject.addon_dirs(ROOT)]
SERIES = "19.0"


def manifest_data(module):
    return ast.literal_eval((ROOT / "addons" / module / "__manifest__.py").read_text())


def odoo_src():
    """The folder holding the `odoo` package, as scripts/common.sh's odoo_src."""
    if os.environ.get("ODOO_SRC"):
        return Path(os.environ["ODOO_SRC"])
    return ROOT / ".local/odoo-19/usr/lib/python3/dist-packages"


def core_addons():
    """Odoo's own modules: those of the Odoo the suite runs on."""
    src = odoo_src()
    found = {p.parent.name for p in (src / "odoo" / "addons").glob("*/__manifest__.py")}
    found |= {p.parent.name for p in (src / "addons").glob("*/__manifest__.py")}
    assert "base" in found and "repair" in found, f"no Odoo in {src}: run scripts/bootstrap.sh"
    return found


def test_the_suite_has_addons():
    assert "aftersales_warranty" in MODULES and len(MODULES) >= 5, MODULES


@pytest.mark.parametrize("module", MODULES)
def test_pyproject_uses_whool(root, module):
    data = tomllib.loads((root / "addons" / module / "pyproject.toml").read_text())
    assert data["build-system"]["build-backend"] == "whool.buildapi"
    assert data["build-system"]["requires"] == ["whool"]
    assert "project" not in data, "whool takes name, version and dependencies from the manifest"


def test_gen_pyproject_finds_nothing_to_write():
    assert gen_pyproject.main(check=True) == [], "run scripts/gen_pyproject.py"


def test_gen_pyproject_writes_missing_files_once(tmp_path):
    addons = tmp_path / "addons"
    for name in ("aftersales_new", "aftersales_tuned", "aftersales_plain"):
        (addons / name).mkdir(parents=True)
        (addons / name / "__manifest__.py").write_text("{'name': 'x'}\n")
    (addons / "not_an_addon").mkdir()
    tuned = '[tool.whool]\npost_version_strategy_override = "none"\n'
    (addons / "aftersales_tuned" / "pyproject.toml").write_text(tuned)
    done = '[build-system]\nrequires = ["whool"]\nbuild-backend = "whool.buildapi"\n# kept\n'
    (addons / "aftersales_plain" / "pyproject.toml").write_text(done)

    assert gen_pyproject.main(check=True, root=tmp_path) == [
        "addons/aftersales_new/pyproject.toml",
        "addons/aftersales_tuned/pyproject.toml",
    ]
    assert not (addons / "aftersales_new" / "pyproject.toml").exists(), "--check writes nothing"
    assert len(gen_pyproject.main(root=tmp_path)) == 2
    assert gen_pyproject.main(root=tmp_path) == [], "a second run changes nothing"

    new = tomllib.loads((addons / "aftersales_new" / "pyproject.toml").read_text())
    assert new["build-system"]["build-backend"] == "whool.buildapi"
    kept = tomllib.loads((addons / "aftersales_tuned" / "pyproject.toml").read_text())
    assert kept["tool"]["whool"] == {"post_version_strategy_override": "none"}
    assert kept["build-system"]["build-backend"] == "whool.buildapi"
    assert (addons / "aftersales_plain" / "pyproject.toml").read_text() == done
    assert not (addons / "not_an_addon" / "pyproject.toml").exists()


@pytest.fixture(scope="module")
def wheels(tmp_path_factory):
    """{module: wheel path}: every addon built in one offline pip run."""
    out = tmp_path_factory.mktemp("wheels")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "--disable-pip-version-check", "-q", "-w", str(out)]
        + [str(ROOT / "addons" / m) for m in MODULES],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    built = {}
    for wheel in out.glob("*.whl"):
        match = re.fullmatch(r"odoo_addon_(\w+?)-([\w.]+)-py3-none-any\.whl", wheel.name)
        assert match, wheel.name
        built[match.group(1)] = wheel
    assert sorted(built) == MODULES
    return built


def wheel_metadata(wheel):
    with zipfile.ZipFile(wheel) as zf:
        (name,) = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        return Parser().parsestr(zf.read(name).decode())


def files_to_ship(module):
    """The addon's files as Odoo needs them: everything but what git ignores
    (whool packs the files under git) and the packaging file itself."""
    addon = ROOT / "addons" / module
    files = sorted(
        str(p.relative_to(addon))
        for p in addon.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    proc = subprocess.run(
        ["git", "check-ignore", "--stdin"],
        input="\n".join(files), cwd=addon, capture_output=True, text=True, check=False,
    )  # fmt: skip
    ignored = set(proc.stdout.split("\n")) if proc.returncode == 0 else set()
    return set(files) - ignored - {"pyproject.toml"}


@pytest.mark.parametrize("module", MODULES)
def test_wheel_name_and_version(wheels, module):
    version = manifest_data(module)["version"]
    assert version.startswith(SERIES + ".")
    # whool adds .N (commits since the manifest's version changed) or .dev1
    # (uncommitted changes) to the manifest's version.
    pattern = rf"odoo_addon_{module}-{re.escape(version)}(\.\d+|\.dev1)?-py3-none-any\.whl"
    assert re.fullmatch(pattern, wheels[module].name), wheels[module].name
    meta = wheel_metadata(wheels[module])
    assert meta["Name"] == f"odoo-addon-{module}"
    assert wheels[module].name.startswith(f"odoo_addon_{module}-{meta['Version']}-")
    assert meta["License"] == manifest_data(module)["license"]


@pytest.mark.parametrize("module", MODULES)
def test_wheel_holds_the_addon(wheels, module):
    with zipfile.ZipFile(wheels[module]) as zf:
        names = set(zf.namelist())
    prefix = f"odoo/addons/{module}/"
    shipped = {n.removeprefix(prefix) for n in names if n.startswith(prefix)}
    assert {"__manifest__.py", "__init__.py"} <= shipped
    data = manifest_data(module)
    listed = {p for p in data.get("data", []) + data.get("demo", []) if "*" not in p}
    assert listed <= shipped, f"manifest files missing: {sorted(listed - shipped)}"
    missing = files_to_ship(module) - shipped
    assert not missing, f"not in the wheel (whool packs only files under git: git add): {missing}"
    assert "pyproject.toml" not in shipped
    assert not [n for n in names if not n.startswith((prefix, "odoo_addon_"))], names


@pytest.mark.parametrize("module", MODULES)
def test_wheel_requires_its_dependencies(wheels, module):
    """Suite and other OCA modules as odoo-addon-* of the series, Odoo's own
    modules through `odoo` itself, and the manifest's Python dependencies."""
    core = core_addons()
    data = manifest_data(module)
    expected = {f"odoo=={SERIES}.*"}
    expected |= {f"odoo-addon-{dep}=={SERIES}.*" for dep in data["depends"] if dep not in core}
    # (whool names a few import names' distributions: dateutil is python-dateutil)
    expected |= {
        EXTERNAL_DEPENDENCIES_MAP.get(dep, dep)
        for dep in data.get("external_dependencies", {}).get("python", [])
    }
    requires = set(wheel_metadata(wheels[module]).get_all("Requires-Dist") or [])
    assert requires == expected


def test_helpdesk_bridge_requires_the_oca_helpdesk(wheels):
    requires = wheel_metadata(wheels["aftersales_helpdesk"]).get_all("Requires-Dist")
    assert f"odoo-addon-helpdesk_mgmt=={SERIES}.*" in requires
    assert not [r for r in requires if r.startswith(("odoo-addon-repair", "odoo-addon-survey"))]


def test_wheels_requirements_are_met_by_the_suite_environment(wheels):
    """What pip would resolve: every requirement of every wheel is met by the
    wheels built here, the Odoo the suite runs on, or the venv's packages
    (requirements.txt, requirements-oca.txt)."""
    available = {
        Requirement(wheel_metadata(w)["Name"]).name: wheel_metadata(w)["Version"]
        for w in wheels.values()
    }
    available["odoo"] = runpy.run_path(str(odoo_src() / "odoo" / "release.py"))["version"]
    unmet = []
    for module, wheel in wheels.items():
        for line in wheel_metadata(wheel).get_all("Requires-Dist") or []:
            req = Requirement(line)
            version = available.get(req.name)
            if version is None:
                try:
                    version = metadata.version(req.name)
                except metadata.PackageNotFoundError:
                    version = None
            if version is None or not req.specifier.contains(version, prereleases=True):
                unmet.append((module, line, version))
    assert not unmet


def pins():
    found = {}
    for line in (ROOT / "requirements-dev.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            found[name.lower()] = version
    return found


def hooks_by_repo():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    return {repo["repo"]: repo for repo in config["repos"]}


def test_pre_commit_revs_are_the_pinned_linters():
    repos = hooks_by_repo()
    assert set(repos) == {
        "https://github.com/astral-sh/ruff-pre-commit",
        "https://github.com/OCA/pylint-odoo",
    }
    assert repos["https://github.com/astral-sh/ruff-pre-commit"]["rev"] == "v" + pins()["ruff"]
    assert repos["https://github.com/OCA/pylint-odoo"]["rev"] == "v" + pins()["pylint-odoo"]
    assert "whool" in pins(), "tests build wheels offline with the venv's whool"


def test_pre_commit_runs_what_lint_sh_runs():
    lint = (ROOT / "scripts" / "lint.sh").read_text()
    assert '"$VENV/bin/ruff" check addons tests scripts' in lint
    assert '"$VENV/bin/ruff" format --check addons tests scripts' in lint
    assert "--rcfile=.pylintrc addons/aftersales_*" in lint
    repos = hooks_by_repo()
    ruff = {h["id"]: h for h in repos["https://github.com/astral-sh/ruff-pre-commit"]["hooks"]}
    assert set(ruff) == {"ruff-check", "ruff-format"}
    assert "--fix" not in ruff["ruff-check"].get("args", []), "lint.sh only reports"
    assert ruff["ruff-format"]["args"] == ["--check"]
    (pylint,) = repos["https://github.com/OCA/pylint-odoo"]["hooks"]
    assert pylint["id"] == "pylint_odoo"
    assert pylint["args"] == ["--rcfile=.pylintrc"]
    for hook, path, runs in [
        (ruff["ruff-check"], "addons/aftersales_repair/models/x.py", True),
        (ruff["ruff-check"], "tests/test_packaging.py", True),
        (ruff["ruff-format"], "scripts/gen_pyproject.py", True),
        (ruff["ruff-format"], "docs/conf.py", False),
        (pylint, "addons/aftersales_base/models/x.py", True),
        (pylint, "tests/test_packaging.py", False),
    ]:
        assert bool(re.search(hook["files"], path)) == runs, (hook["id"], path)

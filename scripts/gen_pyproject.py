"""Writes addons/<module>/pyproject.toml, the OCA way, for every addon folder
(a folder of addons/ that holds a __manifest__.py) that has none:

    [build-system]
    requires = ["whool"]
    build-backend = "whool.buildapi"

whool takes the distribution's name (odoo-addon-<module>), version and
dependencies from the manifest, so the file needs nothing else. A
pyproject.toml that is there already is left as it is (it may carry
[tool.whool] options), except that one without a [build-system] table gets
this one appended, as `whool init` does. Idempotent: run it after adding a
module,
    .local/venv/bin/python scripts/gen_pyproject.py
--check writes nothing and exits 1 when an addon lacks the file or its
[build-system]. tests/test_packaging.py checks every addon's file and wheel.
"""

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_SYSTEM = '[build-system]\nrequires = ["whool"]\nbuild-backend = "whool.buildapi"\n'


def addon_dirs(root=ROOT):
    return sorted(p.parent for p in (root / "addons").glob("*/__manifest__.py"))


def main(check=False, root=ROOT):
    """The pyproject.toml files written (or, with check, to be written),
    relative to root."""
    changed = []
    for addon in addon_dirs(root):
        target = addon / "pyproject.toml"
        if target.exists():
            if "build-system" in tomllib.loads(target.read_text()):
                continue
            text = target.read_text().rstrip("\n") + "\n\n" + BUILD_SYSTEM
        else:
            text = BUILD_SYSTEM
        changed.append(str(target.relative_to(root)))
        if not check:
            target.write_text(text)
    return changed


if __name__ == "__main__":
    check = "--check" in sys.argv
    changed = main(check=check)
    for path in changed:
        print(("missing: " if check else "wrote ") + path)
    if check and changed:
        sys.exit("run scripts/gen_pyproject.py")

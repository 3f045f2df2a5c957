"""Writes each module's README.rst from its readme/*.md fragments (OCA layout).

Fragments are kept to the plain subset both Markdown and reStructuredText read
alike: paragraphs and "- " bullets. Run after editing a fragment:
.local/venv/bin/python scripts/gen_module_readmes.py
tests/test_modules.py fails when a README.rst is out of date.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = [("CONFIGURE.md", "Configuration"), ("USAGE.md", "Usage")]


def _title(text, char):
    return f"{text}\n{char * len(text)}\n"


def render(module_dir):
    manifest = ast.literal_eval((module_dir / "__manifest__.py").read_text())
    readme = module_dir / "readme"

    def fragment(name):
        path = readme / name
        return path.read_text().strip() + "\n" if path.exists() else ""

    bar = "=" * len(manifest["name"])
    parts = [
        f"{bar}\n{manifest['name']}\n{bar}\n",
        fragment("DESCRIPTION.md"),
        "**Table of contents**\n\n.. contents::\n   :local:\n",
    ]
    for name, title in SECTIONS:
        if text := fragment(name):
            parts += [_title(title, "="), text]
    parts += [
        _title("Credits", "="),
        _title("Authors", "-"),
        f"* {manifest['author']}\n",
        _title("Contributors", "-"),
        fragment("CONTRIBUTORS.md"),
    ]
    return "\n".join(parts)


def main(check=False):
    stale = []
    for module_dir in sorted((ROOT / "addons").glob("aftersales_*")):
        target = module_dir / "README.rst"
        text = render(module_dir)
        if check:
            if not target.exists() or target.read_text() != text:
                stale.append(str(target.relative_to(ROOT)))
        else:
            target.write_text(text)
    return stale


if __name__ == "__main__":
    stale = main(check="--check" in sys.argv)
    if stale:
        sys.exit("out of date: " + ", ".join(stale))

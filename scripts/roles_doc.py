#!/usr/bin/env python3
# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Writes docs/ROLES.md from the declared role matrix (X2).

python3 scripts/roles_doc.py          # rewrite docs/ROLES.md
python3 scripts/roles_doc.py --check  # exit 1 when it is out of date
"""

import importlib.util
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MATRIX = ROOT / "addons" / "aftersales_base" / "tests" / "role_matrix.py"
DOC = ROOT / "docs" / "ROLES.md"


def load_matrix():
    spec = importlib.util.spec_from_file_location("aftersales_role_matrix", MATRIX)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv):
    text = load_matrix().render_markdown()
    if "--check" in argv:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print(f"{DOC.relative_to(ROOT)} is out of date: run python3 scripts/roles_doc.py")
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pathlib

from lxml import etree

from odoo.tests import tagged

from .role_matrix import MODELS, ROLES, render_markdown
from .role_matrix_case import RoleMatrixCase


@tagged("post_install", "-at_install")
class TestRoleMatrix(RoleMatrixCase):
    """X2, X3, X5: the declared role matrix covers the suite; the ledger's rows hold."""

    def test_matrix(self):
        """X2/X3: every role's rights on ledger entries are the table's."""
        self.walk("aftersales_base")

    def test_actions(self):
        """X2: the ledger's actions exist; the enforced ones refuse other roles."""
        self.check_actions("aftersales_base")

    def test_matrix_covers_every_model(self):
        """X2: every model of the suite installed here has a row in the matrix."""
        suite = {
            model
            for model in self.env
            if model.startswith("aftersales.")
            and not self.env[model]._abstract
            and not self.env[model]._transient
        }
        self.assertFalse(suite - set(MODELS), "X2: models missing from the role matrix")
        for spec in MODELS.values():
            self.assertEqual(set(spec["rights"]), set(ROLES))
            for code in spec["rights"].values():
                self.assertRegex(code, r"^[AO-]{4}$")

    def test_roles_doc_is_the_matrix(self):
        """X2: docs/ROLES.md is the rendering of the matrix (scripts/roles_doc.py)."""
        doc = pathlib.Path(__file__).resolve().parents[3] / "docs" / "ROLES.md"
        self.assertTrue(doc.exists(), "docs/ROLES.md: run python3 scripts/roles_doc.py")
        self.assertEqual(
            doc.read_text(encoding="utf-8"),
            render_markdown(),
            "docs/ROLES.md is out of date: run python3 scripts/roles_doc.py",
        )

    def test_record_rules_noupdate(self):
        """X3: every record rule of the suite is noupdate data (survives upgrades)."""
        addons = pathlib.Path(__file__).resolve().parents[2]
        files = sorted(addons.glob("aftersales_*/security/*.xml"))
        self.assertTrue(files)
        for path in files:
            root = etree.parse(str(path)).getroot()
            for rule in root.iter("record"):
                if rule.get("model") != "ir.rule":
                    continue
                parent = rule.getparent()
                self.assertTrue(
                    parent.tag == "data" and parent.get("noupdate") in ("1", "True"),
                    f"X3: {path.parent.parent.name}.{rule.get('id')} is noupdate data",
                )

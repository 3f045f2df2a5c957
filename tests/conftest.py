"""Suite-level tests: they check the repository itself (manifests, docs,
translations, the test runner) without a database. The modules' behaviour is
tested by their own Odoo tests, which scripts/test.sh runs first."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


@pytest.fixture(scope="session")
def root():
    return ROOT

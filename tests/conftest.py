"""Suite-level tests: they check the repository itself (manifests, docs,
translations, the test runner), and run real workers against the database
`make test` just tested (the ``registry`` fixture). The modules' behaviour is
tested by their own Odoo tests, which scripts/test.sh runs first."""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="module")
def registry():
    """(odoo, the registry of the database `make test` just tested): for the
    tests that run real workers against it."""
    db = os.environ.get("AFTERSALES_TEST_DB")
    conf = os.environ.get("AFTERSALES_ODOO_CONF")
    assert db and conf, "run through `make test`, which sets AFTERSALES_TEST_DB"
    import odoo
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", conf, "-d", db, "--log-level=warn"])
    return odoo, Registry(db)

#!/usr/bin/env bash
# Lints the suite: ruff (pyproject.toml) and pylint-odoo with the OCA 19.0
# checks (.pylintrc).
. "$(dirname "$0")/common.sh"

[ -x "$VENV/bin/ruff" ] || "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"
log "ruff"
"$VENV/bin/ruff" check addons tests scripts
"$VENV/bin/ruff" format --check addons tests scripts
log "pylint-odoo"
PYTHONPATH="$(odoo_src)" "$VENV/bin/pylint" --rcfile=.pylintrc addons/aftersales_*

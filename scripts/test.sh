#!/usr/bin/env bash
# Runs every test of the suite on a fresh throwaway database:
#   1. installs all suite modules with their demo data and runs their tests
#      (at_install and post_install, browser tours included);
#   2. runs the suite-level tests in tests/ (pytest);
#   3. prints the verdict; its last line is "N passed, N failed, N skipped".
# Exits non-zero when a test fails or errors, a module does not install, a
# test is skipped, or no test ran.
. "$(dirname "$0")/common.sh"

"$ROOT/scripts/bootstrap.sh"
load_pg_env

DB="astest_$(date +%s)_$$"
OUT="$LOCAL/test-results"
mkdir -p "$OUT"
LOG="$OUT/odoo.log"
JUNIT="$OUT/pytest.xml"
cleanup() { dropdb --if-exists "$DB" >/dev/null 2>&1 || true; rm -rf "$LOCAL/data/filestore/$DB"; }
trap cleanup EXIT

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
TAGS=$(echo "$SUITE_MODULES" | sed 's/^/\//; s/,/,\//g')

log "Installing $SUITE_MODULES on $DB and running their tests (log: $LOG)"
set +e
odoo -c "$ODOO_CONF" -d "$DB" -i "$SUITE_MODULES" --with-demo \
    --test-tags "$TAGS" --stop-after-init --http-port "$(free_port)" \
    --log-level=info --max-cron-threads=0 > "$LOG" 2>&1
ODOO_RC=$?
grep -E "(ERROR|CRITICAL|FAIL:|odoo.tests.result)" "$LOG" | grep -v "py.warnings" | cut -c1-400 || true

log "Running the suite-level tests in tests/"
AFTERSALES_TEST_DB="$DB" AFTERSALES_ODOO_CONF="$ODOO_CONF" PYTHONPATH="$(odoo_src)" \
    "$PY" -m pytest -q -p no:cacheprovider "$ROOT/tests" --junitxml="$JUNIT" 2>&1 | tail -n 25
PYTEST_RC=${PIPESTATUS[0]}
set -e

"$PY" "$ROOT/scripts/test_summary.py" --odoo-log "$LOG" --odoo-rc "$ODOO_RC" \
    --junit "$JUNIT" --pytest-rc "$PYTEST_RC"

#!/usr/bin/env bash
# Runs every test of the suite on a fresh throwaway database:
#   1. installs all suite modules with their demo data and runs their tests
#      (at_install and post_install, browser tours included);
#   2. runs the suite-level tests in tests/ (pytest);
#   3. prints the verdict; its last line is "N passed, N failed, N skipped".
# Exits non-zero when a test fails or errors, a module does not install, a
# test is skipped, or no test ran.
#
# AFTERSALES_FAKETIME="2026-11-30 23:30:00 UTC" runs the tests (not the
# setup) on a clock set to that instant, through libfaketime (see
# scripts/test_clock.sh: make test-clock).
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

# The clock of the test processes: the real one, or libfaketime's, set to
# AFTERSALES_FAKETIME when Odoo starts and ticking from there (an offset, so
# the same in every time zone and in the browser Odoo starts). PostgreSQL
# keeps the real clock; Odoo's test cursor takes its now() from Python, so
# what a test creates is dated on the faked clock.
FAKETIME_LIB=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
clocked() {
    if [ -z "${AFTERSALES_FAKETIME:-}" ]; then
        "$@"
        return
    fi
    [ -f "$FAKETIME_LIB" ] || die "AFTERSALES_FAKETIME needs libfaketime: apt-get install faketime"
    local target offset
    target=$(date -u -d "$AFTERSALES_FAKETIME" +%s) || die "AFTERSALES_FAKETIME: not a date"
    offset=$((target - $(date -u +%s)))
    [ "$offset" -ge 0 ] && offset="+$offset"
    log "Clock of ${1}: starts at $(date -u -d "@$target" '+%F %T UTC') (TZ=${TZ:-unset})"
    LD_PRELOAD="$FAKETIME_LIB${LD_PRELOAD:+:$LD_PRELOAD}" FAKETIME="$offset" "$@"
}

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
TAGS=$(echo "$SUITE_MODULES" | sed 's/^/\//; s/,/,\//g')

log "Installing $SUITE_MODULES on $DB and running their tests (log: $LOG)"
set +e
clocked odoo -c "$ODOO_CONF" -d "$DB" -i "$SUITE_MODULES" --with-demo \
    --test-tags "$TAGS" --stop-after-init --http-port "$(free_port)" \
    --log-level=info --max-cron-threads=0 > "$LOG" 2>&1
ODOO_RC=$?
grep -E "(ERROR|CRITICAL|FAIL:|odoo.tests.result)" "$LOG" | grep -v "py.warnings" | cut -c1-400 || true

log "Running the suite-level tests in tests/"
AFTERSALES_TEST_DB="$DB" AFTERSALES_ODOO_CONF="$ODOO_CONF" PYTHONPATH="$(odoo_src)" \
    clocked "$PY" -m pytest -q -p no:cacheprovider "$ROOT/tests" --junitxml="$JUNIT" 2>&1 | tail -n 25
PYTEST_RC=${PIPESTATUS[0]}
set -e

"$PY" "$ROOT/scripts/test_summary.py" --odoo-log "$LOG" --odoo-rc "$ODOO_RC" \
    --junit "$JUNIT" --pytest-rc "$PYTEST_RC"

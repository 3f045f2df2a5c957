#!/usr/bin/env bash
# Multi-worker safety on the benchmark database (see README, "Performance"):
# copies $AFTERSALES_BENCH_DB (default "aftersales_bench"; `make bench` makes
# it) and runs tests/bench/multi_worker.py on the copy: Odoo with
# --workers=2 --max-cron-threads=2 on 127.0.0.1 and a free port, the SLA
# escalation (and the satisfaction survey) scheduled twice and run at once,
# twice; then nothing may be escalated or surveyed twice. Stops Odoo and drops
# the copy by itself; exits non-zero on a double.
. "$(dirname "$0")/common.sh"

"$ROOT/scripts/bootstrap.sh" >/dev/null
load_pg_env

DB=${AFTERSALES_BENCH_DB:-aftersales_bench}
COPY="${DB}_workers"
psql -d "$DB" -tAc "select 1 from ir_config_parameter where key = 'aftersales_bench.generated'" \
    2>/dev/null | grep -q 1 \
    || die "No benchmark database $DB: run \`make bench\` (or \`make bench-data\`) first"
cleanup() {
    dropdb --if-exists "$COPY" >/dev/null 2>&1 || true
    rm -rf "$LOCAL/data/filestore/$COPY"
}
trap cleanup EXIT
cleanup
log "Copying $DB to $COPY"
createdb -T "$DB" "$COPY"
if [ -d "$LOCAL/data/filestore/$DB" ]; then
    cp -r "$LOCAL/data/filestore/$DB" "$LOCAL/data/filestore/$COPY"
fi
mkdir -p "$LOCAL/bench"
PYTHONPATH="$(odoo_src)" timeout 900 "$PY" "$ROOT/tests/bench/multi_worker.py" \
    -d "$COPY" -c "$ODOO_CONF" --log "$LOCAL/bench/workers.log"

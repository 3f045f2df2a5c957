#!/usr/bin/env bash
# The back-fill benchmark (issue 15, W2; see README, "Performance"):
#   1. (re)creates the database $BACKFILL_DB (default "aftersales_bench_backfill")
#      with aftersales_base and aftersales_warranty, no demo data;
#   2. writes $BACKFILL_SERIALS (default 100 000) serials delivered to
#      customers before any warranty policy (batched SQL, tests/bench/backfill.py);
#   3. gives their category a policy, back-fills their certificates through the
#      scheduled action, runs it again (must issue nothing) and prints duration,
#      serials/s and peak memory; the figures go to tests/bench/results/.
# Usage: BACKFILL_SERIALS=10000 make bench-backfill
. "$(dirname "$0")/common.sh"

"$ROOT/scripts/bootstrap.sh" >/dev/null
load_pg_env

DB=${BACKFILL_DB:-aftersales_bench_backfill}
SERIALS=${BACKFILL_SERIALS:-100000}
RESULTS="$ROOT/tests/bench/results"
mkdir -p "$RESULTS"
export PYTHONPATH="$(odoo_src)"

if psql -d postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
    log "Dropping $DB"
    dropdb "$DB"
    rm -rf "$LOCAL/data/filestore/$DB"
fi
log "Creating $DB with aftersales_base and aftersales_warranty, without demo data"
odoo -c "$ODOO_CONF" -d "$DB" -i aftersales_base,aftersales_warranty --stop-after-init --no-http \
    --max-cron-threads=0 --log-level=warn --log-handler=py.warnings:ERROR
log "Delivering $SERIALS serials before any warranty policy"
"$PY" "$ROOT/tests/bench/backfill.py" generate -d "$DB" -c "$ODOO_CONF" --serials "$SERIALS"
log "Back-filling their certificates through the scheduled action, then again"
"$PY" "$ROOT/tests/bench/backfill.py" measure -d "$DB" -c "$ODOO_CONF" \
    --json "$RESULTS/backfill-$SERIALS-$(date +%Y%m%d-%H%M%S).json"

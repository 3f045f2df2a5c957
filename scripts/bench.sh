#!/usr/bin/env bash
# The suite's benchmark at production volume (see README, "Performance"):
#   1. creates the benchmark database $AFTERSALES_BENCH_DB (default
#      "aftersales_bench") with the whole suite and no demo data, and fills it
#      with tests/bench/generate.py (scale $BENCH_SCALE, default 1.0 = the
#      production volumes), when it does not exist yet;
#   2. runs every measurement several times (tests/bench/run.py) and prints
#      the table; the figures go to tests/bench/results/ (git-ignored).
# Usage: scripts/bench.sh            generate if needed, then measure
#        scripts/bench.sh generate   only (re)create and fill the database
#        scripts/bench.sh measure    only measure
. "$(dirname "$0")/common.sh"

"$ROOT/scripts/bootstrap.sh" >/dev/null
load_pg_env

DB=${AFTERSALES_BENCH_DB:-aftersales_bench}
SCALE=${BENCH_SCALE:-1.0}
REPEAT=${BENCH_REPEAT:-5}
RESULTS="$ROOT/tests/bench/results"
mkdir -p "$RESULTS"
export PYTHONPATH="$(odoo_src)"

db_ready() {
    psql -d "$DB" -tAc "select 1 from ir_config_parameter where key = 'aftersales_bench.generated'" \
        2>/dev/null | grep -q 1
}

generate() {
    if psql -d postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
        log "Dropping the unfinished benchmark database $DB"
        dropdb "$DB"
        rm -rf "$LOCAL/data/filestore/$DB"
    fi
    log "Creating $DB with the suite, without demo data"
    odoo -c "$ODOO_CONF" -d "$DB" -i "$SUITE_MODULES" --stop-after-init --no-http \
        --max-cron-threads=0 --log-level=warn --log-handler=py.warnings:ERROR
    log "Filling $DB at scale $SCALE (production volumes at 1.0)"
    "$PY" "$ROOT/tests/bench/generate.py" -d "$DB" -c "$ODOO_CONF" --scale "$SCALE" \
        --json "$RESULTS/generation-$DB.json"
}

measure() {
    local out
    out="$RESULTS/bench-$DB-$(date +%Y%m%d-%H%M%S).json"
    log "Measuring on $DB ($REPEAT runs each)"
    "$PY" "$ROOT/tests/bench/run.py" -d "$DB" -c "$ODOO_CONF" --repeat "$REPEAT" --json "$out" \
        ${BENCH_PROFILE:+--profile "$BENCH_PROFILE"}
    cp "$out" "$RESULTS/latest.json"
}

case "${1:-all}" in
    generate) generate ;;
    measure) measure ;;
    all) db_ready || generate; measure ;;
    *) die "usage: scripts/bench.sh [generate|measure]" ;;
esac

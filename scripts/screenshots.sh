#!/usr/bin/env bash
# Takes the README user guide's screenshots (docs/screenshots/*.png).
# Starts Odoo on the existing database $AFTERSALES_DB (created by `make run`;
# nothing is installed or updated) on port $SCREENSHOT_PORT (default 8079),
# runs scripts/screenshots.py against it, and stops the server again.
# Extra arguments go to screenshots.py (e.g. --out DIR).
. "$(dirname "$0")/common.sh"

load_pg_env
PORT=${SCREENSHOT_PORT:-8079}
URL="http://127.0.0.1:$PORT"
LOGFILE="$LOCAL/screenshots-odoo.log"

[ -f "$ODOO_CONF" ] || die "No $ODOO_CONF: run scripts/bootstrap.sh first"
psql -d "$AFTERSALES_DB" -Atc 'select 1' >/dev/null 2>&1 \
    || die "Database $AFTERSALES_DB does not exist: run \`make run\` first"
if "$PY" -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' \
        "$PORT" 2>/dev/null; then
    die "Port $PORT is in use: set SCREENSHOT_PORT to a free port"
fi

log "Starting Odoo on $URL (database $AFTERSALES_DB, log in $LOGFILE)"
: >"$LOGFILE"
PYTHONPATH="$(odoo_src)${PYTHONPATH:+:$PYTHONPATH}" "$PY" -m odoo -c "$ODOO_CONF" \
    -d "$AFTERSALES_DB" --db-filter "^${AFTERSALES_DB}\$" --http-port "$PORT" \
    --workers 0 --max-cron-threads 0 --logfile "$LOGFILE" &
ODOO_PID=$!

stop_odoo() {
    if kill -0 "$ODOO_PID" 2>/dev/null; then
        log "Stopping Odoo"
        kill "$ODOO_PID" 2>/dev/null || true
        wait "$ODOO_PID" 2>/dev/null || true
    fi
}
trap stop_odoo EXIT

deadline=$((SECONDS + 120))
until "$PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' \
        "$URL/web/login" 2>/dev/null; do
    kill -0 "$ODOO_PID" 2>/dev/null || die "Odoo exited; see $LOGFILE"
    [ "$SECONDS" -lt "$deadline" ] || die "Odoo did not answer $URL/web/login within 120 s"
    sleep 1
done

log "Taking screenshots"
"$PY" "$ROOT/scripts/screenshots.py" --url "$URL" --db "$AFTERSALES_DB" "$@"

#!/usr/bin/env bash
# Sets everything up and serves the suite:
# creates the database $AFTERSALES_DB (default "aftersales") with demo data and
# every suite module, or upgrades the modules when it exists, then serves it on
# http://localhost:$AFTERSALES_PORT (default 8069).
. "$(dirname "$0")/common.sh"

"$ROOT/scripts/bootstrap.sh"
load_pg_env

if psql -d postgres -tAc "select 1 from pg_database where datname = '$AFTERSALES_DB'" | grep -q 1 \
   && psql -d "$AFTERSALES_DB" -tAc "select 1 from ir_module_module where name = 'base' and state = 'installed'" 2>/dev/null | grep -q 1; then
    log "Upgrading the suite in database $AFTERSALES_DB"
    odoo -c "$ODOO_CONF" -d "$AFTERSALES_DB" -i "$SUITE_MODULES" -u "$SUITE_MODULES" \
        --stop-after-init --no-http --max-cron-threads=0 --log-level=warn --log-handler=py.warnings:ERROR
else
    # Simplified Chinese is loaded with the suite: the demo company is in
    # China and its Chinese users see the whole UI (Odoo's too) in zh_CN.
    log "Creating database $AFTERSALES_DB with demo data, the whole suite and zh_CN (a few minutes)"
    odoo -c "$ODOO_CONF" -d "$AFTERSALES_DB" -i "$SUITE_MODULES" --with-demo --load-language=zh_CN \
        --stop-after-init --no-http --max-cron-threads=0 --log-level=warn --log-handler=py.warnings:ERROR
fi

cat >&2 <<MSG

  After-Sales suite: http://localhost:$AFTERSALES_PORT   (database $AFTERSALES_DB)

  Demo logins (password = login):
    admin       administrator, service manager
    desk        Wang Fang, service desk
    supervisor  Zhao Lei, supervisor / dispatcher
    manager     Chen Jing, service manager
    executive   Liu Yang, vice-president
    tech1       Sun Hao, technician (urban)
    tech2       Zhou Min, technician (urban and suburban)
    tech3       Wu Gang, technician (suburban)
    quality     Huang Min, quality department head
    accountant  Li Na, accountant (invoicing)
    warehouse   Ma Jun, warehouse keeper
    customer    Li Ming, customer (portal)

  Stop with Ctrl+C.
MSG
exec env PYTHONPATH="$(odoo_src)" "$PY" -m odoo -c "$ODOO_CONF" -d "$AFTERSALES_DB" \
    --db-filter "^${AFTERSALES_DB}\$" --http-port "$AFTERSALES_PORT" --http-interface "${AFTERSALES_HOST:-127.0.0.1}"

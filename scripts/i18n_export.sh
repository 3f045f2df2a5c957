#!/usr/bin/env bash
# Re-exports each suite module's translation template (i18n/<module>.pot) and
# merges new terms into i18n/zh_CN.po, from a database where the suite is
# installed (default: $AFTERSALES_DB). Translate the new empty msgstr after.
. "$(dirname "$0")/common.sh"
load_pg_env
DB=${1:-$AFTERSALES_DB}
MODULES=$(echo "$SUITE_MODULES" | tr ',' ' ')
# shellcheck disable=SC2086
odoo i18n export -c "$ODOO_CONF" -d "$DB" -l pot -- $MODULES
for module in $MODULES; do
    po="$ROOT/addons/$module/i18n/zh_CN.po"
    pot="$ROOT/addons/$module/i18n/$module.pot"
    if [ -f "$po" ]; then
        "$PY" - "$po" "$pot" <<'PY'
import sys
import polib
po, pot = polib.pofile(sys.argv[1]), polib.pofile(sys.argv[2])
po.merge(pot)
po.save(sys.argv[1])
PY
    else
        cp "$pot" "$po"
    fi
done
log "Merged; untranslated terms are empty msgstr in addons/*/i18n/zh_CN.po"

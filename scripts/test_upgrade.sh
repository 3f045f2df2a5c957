#!/usr/bin/env bash
# The upgrade and uninstall check (make test-upgrade):
#   1. installs the suite as released at each commit of UPGRADE_FROM (default
#      "5655cef cf252b3 91bb827": the releases before and after the module
#      re-cut, and the one of "the right clock" (issue 14); its
#      addons from `git archive`, its SUITE_MODULES from its scripts/common.sh)
#      with demo data on a throwaway database;
#   2. snapshots every row of the suite's models (id, state, name, links), the
#      links its fields add to other models, the messages and attachments of
#      its records (scripts/upgrade_check.py snapshot);
#   3. upgrades the database to this checkout (-u SUITE_MODULES; a module new
#      since the release that is not a bridge, such as aftersales_maintenance,
#      is installed with -i as a company that wants it would; bridges must come
#      by themselves); an ERROR or CRITICAL line in the upgrade's log fails the
#      check;
#   4. checks that every module of SUITE_MODULES is installed and every row of
#      the snapshot is still there, unchanged (upgrade_check.py compare);
#   5. on the database of the last release only: uninstalls the modules one by
#      one, dependents first, and checks that no table, model, column, view or
#      data of each is left (upgrade_check.py uninstall).
# Logs: .local/test-results/upgrade-*.log. The last line is the verdict; exits
# non-zero on any failure.
. "$(dirname "$0")/common.sh"

[ -x "$PY" ] || die "No venv in $VENV: run scripts/bootstrap.sh (make bootstrap) first"
load_pg_env

RELEASES=${UPGRADE_FROM:-5655cef cf252b3 91bb827}
OLD="$LOCAL/upgrade-from"
OUT="$LOCAL/test-results"
mkdir -p "$OUT"
DBS=()
cleanup() {
    for db in "${DBS[@]}"; do
        dropdb --if-exists "$db" >/dev/null 2>&1 || true
        rm -rf "$LOCAL/data/filestore/$db"
    done
}
trap cleanup EXIT

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
check() { PYTHONPATH="$(odoo_src)" "$PY" "$ROOT/scripts/upgrade_check.py" "$@"; }
errors() {  # the ERROR and CRITICAL lines of an Odoo log
    grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$1" | cut -c1-400 || true
}
started=$(date +%s)
FAILED=()
REPO=$(git -C "$ROOT" rev-parse --show-toplevel 2>/dev/null) \
    || die "$ROOT is not a git clone: make test-upgrade takes the released suite from the history"
TO_SHA=$(git -C "$REPO" rev-parse --short HEAD)
FROM_SHAS=()

# new_top_modules OLD_MODULES: the modules of SUITE_MODULES the release did
# not have and that are not bridges (auto_install), comma-separated.
new_top_modules() {
    "$PY" - "$ROOT/addons" "$SUITE_MODULES" "$1" <<'PY'
import ast, pathlib, sys
addons, suite, old = pathlib.Path(sys.argv[1]), sys.argv[2].split(","), set(sys.argv[3].split(","))
new = [
    m for m in suite
    if m not in old
    and not ast.literal_eval((addons / m / "__manifest__.py").read_text()).get("auto_install")
]
print(",".join(new))
PY
}

upgrade_from() {
    local FROM=$1 FROM_SHA OLD_MODULES step UPDATE_RC UPDATE_ERRORS
    DB="upgrade_$(date +%s)_$$"
    DBS+=("$DB")

    # 1. The released code, and the suite it installed.
    if ! git -C "$REPO" cat-file -e "$FROM^{commit}" 2>/dev/null; then
        die "Commit $FROM (the released suite) is not in this clone (shallow: $(git -C "$REPO" rev-parse --is-shallow-repository)): fetch the history (git fetch --unshallow; in CI a checkout with fetch-depth 0), or set UPGRADE_FROM"
    fi
    FROM_SHA=$(git -C "$REPO" rev-parse --short "$FROM^{commit}")
    FROM_SHAS+=("$FROM_SHA")
    rm -rf "$OLD"
    mkdir -p "$OLD"
    git -C "$REPO" archive "$FROM_SHA" addons scripts/common.sh | tar -x -C "$OLD"
    OLD_MODULES=$(bash -c '. "$1" && echo "$SUITE_MODULES"' _ "$OLD/scripts/common.sh")
    [ -n "$OLD_MODULES" ] || die "$FROM_SHA: scripts/common.sh sets no SUITE_MODULES"
    check conf "$ODOO_CONF" "$ROOT/addons" "$OLD/addons" "$OLD/odoo.conf"

    log "Installing the suite of $FROM_SHA ($OLD_MODULES) with demo data on $DB (log: $OUT/upgrade-install-$FROM_SHA.log)"
    step=$(date +%s)
    odoo -c "$OLD/odoo.conf" -d "$DB" -i "$OLD_MODULES" --with-demo --stop-after-init \
        --http-port "$(free_port)" --max-cron-threads=0 --log-level=warn \
        > "$OUT/upgrade-install-$FROM_SHA.log" 2>&1 \
        || { errors "$OUT/upgrade-install-$FROM_SHA.log"; die "The suite of $FROM_SHA did not install: see $OUT/upgrade-install-$FROM_SHA.log"; }
    errors "$OUT/upgrade-install-$FROM_SHA.log"
    log "Installed in $(($(date +%s) - step)) s"

    # 2. What the released suite holds.
    check snapshot "$DB" "$OLD_MODULES" "$OUT/upgrade-snapshot-$FROM_SHA.json" \
        || die "No snapshot: see $OUT/upgrade-snapshot-$FROM_SHA.json"

    # 3. The upgrade to this checkout.
    local new_modules
    new_modules=$(new_top_modules "$OLD_MODULES")
    log "Upgrading $DB to $TO_SHA: -u $SUITE_MODULES${new_modules:+, -i $new_modules} (log: $OUT/upgrade-update-$FROM_SHA.log)"
    step=$(date +%s)
    set +e
    odoo -c "$ODOO_CONF" -d "$DB" ${new_modules:+-i "$new_modules"} -u "$SUITE_MODULES" --stop-after-init \
        --http-port "$(free_port)" --max-cron-threads=0 --log-level=info \
        > "$OUT/upgrade-update-$FROM_SHA.log" 2>&1
    UPDATE_RC=$?
    set -e
    log "Upgraded in $(($(date +%s) - step)) s (exit code $UPDATE_RC)"
    UPDATE_ERRORS=$(errors "$OUT/upgrade-update-$FROM_SHA.log")
    if [ -n "$UPDATE_ERRORS" ]; then
        printf '%s\n' "$UPDATE_ERRORS"
        FAILED+=("$FROM_SHA: the upgrade logged $(printf '%s\n' "$UPDATE_ERRORS" | wc -l) ERROR/CRITICAL lines")
    fi
    [ "$UPDATE_RC" -eq 0 ] || {
        tail -n 30 "$OUT/upgrade-update-$FROM_SHA.log"
        die "make test-upgrade: FAILED: the upgrade exited with $UPDATE_RC (log: $OUT/upgrade-update-$FROM_SHA.log)"
    }

    # 4. Everything still there.
    log "Comparing $DB with the snapshot of $FROM_SHA"
    check compare "$DB" "$OUT/upgrade-snapshot-$FROM_SHA.json" "$SUITE_MODULES" "$ROOT/addons" \
        || FAILED+=("$FROM_SHA: rows or modules after the upgrade (see FAIL lines above)")
}

for release in $RELEASES; do
    upgrade_from "$release"
done

# 5. Uninstalled one by one, nothing left.
log "Uninstalling the suite from $DB, one module at a time (log: $OUT/upgrade-uninstall.log)"
step=$(date +%s)
check uninstall "$ODOO_CONF" "$DB" "$SUITE_MODULES" "$ROOT/addons" "$OUT/upgrade-uninstall.log" \
    || FAILED+=("the uninstall (see FAIL lines above)")
log "Uninstalled in $(($(date +%s) - step)) s"

took=$(($(date +%s) - started))
if [ ${#FAILED[@]} -eq 0 ]; then
    log "make test-upgrade: PASSED: ${FROM_SHAS[*]} -> $TO_SHA upgraded, compared and uninstalled in $took s"
else
    printf '\033[1;31m[aftersales] make test-upgrade: FAILED (%s -> %s, %s s): %s\033[0m\n' \
        "${FROM_SHAS[*]}" "$TO_SHA" "$took" "$(IFS=';'; echo "${FAILED[*]}")" >&2
    exit 1
fi

#!/usr/bin/env bash
# Each module of the suite installs alone (issue 13). For every module, a
# fresh database where `-i` installs only that module, with its demo data;
# then SQL (scripts/module_deps.py check) asserts what the database holds:
#   - the module and its declared dependencies are installed, and the suite
#     modules installed are exactly what the manifests imply (its dependencies
#     and the bridges they auto-install, nothing else); so are the modules
#     outside the suite that the suite depends on (stock, repair, account...);
#   - aftersales_complaint alone installs no repair, stock, account nor any
#     bridge; aftersales_survey alone does not install aftersales_complaint;
#   - the install log holds no error and no warning about the suite.
# Then each bridge (auto_install): the module it joins is installed on a copy
# of the database of the other one, and the bridge must come with it
# (aftersales_complaint on aftersales_repair's database installs
# aftersales_complaint_repair; on aftersales_survey's, it installs that and
# aftersales_survey_complaint; helpdesk_mgmt on aftersales_complaint's
# installs aftersales_helpdesk).
# The modules of ALONE_TEST_MODULES also run their own tests in their alone
# database (-i module --test-tags /module): they work without the rest.
#
# The cases come from the manifests (module_deps.py cases). Every database
# starts as a copy of one fresh database holding only base (what any new
# database holds): base's install, the longest, is done once. ALONE_JOBS (2)
# cases run at once. Prints a table (case, seconds, modules installed, tests,
# verdict) and exits non-zero when a case fails. Every database is dropped.
#   ALONE_CASES="aftersales_base aftersales_survey"  only these modules' cases
#   ALONE_DB_PREFIX (asalone)  ALONE_KEEP_DB=1 keeps the databases
. "$(dirname "$0")/common.sh"

{ [ -x "$PY" ] && [ -f "$(odoo_src)/odoo/release.py" ]; } || "$ROOT/scripts/bootstrap.sh"
load_pg_env

JOBS=${ALONE_JOBS:-2}
TEST_MODULES=${ALONE_TEST_MODULES:-aftersales_base,aftersales_complaint}
PREFIX=${ALONE_DB_PREFIX:-asalone}_$$
# What must stay out, beyond what the manifests imply (the issue's words).
declare -A MUST_NOT=(
    [aftersales_complaint]=repair,stock,account,aftersales_repair,aftersales_complaint_repair,aftersales_survey_complaint,aftersales_helpdesk
    [aftersales_survey]=aftersales_complaint,aftersales_complaint_repair,aftersales_survey_complaint
)

OUT="$LOCAL/test-results/alone"
rm -rf "$OUT"
mkdir -p "$OUT"
DBS="$OUT/databases"
: > "$DBS"
drop() {
    dropdb --if-exists --force "$1" >/dev/null 2>&1 || true
    rm -rf "$LOCAL/data/filestore/$1"
}
cleanup() {
    [ "${ALONE_KEEP_DB:-}" = 1 ] && return
    local db
    while read -r db; do drop "$db"; done < "$DBS"
}
trap cleanup EXIT

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# copy_db FROM TO: a database and its filestore (no Odoo runs on FROM).
copy_db() {
    echo "$2" >> "$DBS"
    flock "$OUT/createdb.lock" createdb -T "$1" "$2" || return
    if [ -d "$LOCAL/data/filestore/$1" ]; then
        cp -a "$LOCAL/data/filestore/$1" "$LOCAL/data/filestore/$2"
    fi
}

mapfile -t CASES < <("$PY" "$ROOT/scripts/module_deps.py" cases)
[ "${#CASES[@]}" -gt 0 ] || die "module_deps.py found no case"
declare -A INDEX  # case name -> its line in CASES
for i in "${!CASES[@]}"; do INDEX[$(cut -f1 <<< "${CASES[$i]}")]=$i; done
field() { cut -f"$2" <<< "${CASES[$1]}"; }  # field N COLUMN

# run_case N: writes $OUT/N.row and $OUT/N.problems; keeps its database
# when another case starts from it.
run_case() {
    local n=$1 case modules requested present parent
    IFS=$'\t' read -r case modules requested present _ parent <<< "${CASES[$n]}"
    local db="${PREFIX}_$n" log="$OUT/$n.log" level=warn rc=0 crc=0 start secs out from
    local -a tests=() check=()
    if [ "$parent" = - ] && [[ ",$TEST_MODULES," == *",$modules,"* ]]; then
        tests=(--test-tags "/$modules")
        check=(--tests)
        level=info
    fi
    from=$TEMPLATE
    [ "$parent" = - ] || from="${PREFIX}_${INDEX[$parent]}"
    start=$(date +%s)
    copy_db "$from" "$db" > "$log" 2>&1 || rc=$?
    if [ "$rc" = 0 ]; then
        odoo -c "$ODOO_CONF" -d "$db" -i "$modules" --with-demo "${tests[@]}" --stop-after-init \
            --http-port "$(free_port)" --max-cron-threads=0 --log-level="$level" >> "$log" 2>&1 \
            || rc=$?
    fi
    secs=$(($(date +%s) - start))
    out=$("$PY" "$ROOT/scripts/module_deps.py" check --db "$db" --install "$requested" \
        --absent "${MUST_NOT[$case]:-}" --present "$present" --log "$log" --rc "$rc" \
        "${check[@]}" 2>&1) || crc=$?
    local first=${out%%$'\n'*}
    [[ "$first" == *$'\t'* ]] || first=$'?\t?'
    [ "$parent" = - ] || modules="$modules (on $parent's)"
    printf '%s\t%s\t%s\t%s\t%s\n' "$case" "$modules" "$secs" "$first" \
        "$([ "$crc" = 0 ] && echo ok || echo FAIL)" > "$OUT/$n.row"
    printf '%s\n' "$out" | tail -n +2 > "$OUT/$n.problems"
    if [ "${ALONE_KEEP_DB:-}" != 1 ] && ! cut -f6 "$OUT/cases" | grep -qxF "$case"; then
        drop "$db"
    fi
    log "$case: $secs s, $([ "$crc" = 0 ] && echo ok || echo "FAIL (see $log)")"
}

# run_all N...: the cases, JOBS at a time.
run_all() {
    local i
    for i in "$@"; do
        while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n || true; done
        run_case "$i" &
    done
    wait
}

# The cases to run: ALONE_CASES' modules and the bridges between them.
SELECTED=()
for i in "${!CASES[@]}"; do
    case=$(field "$i" 1)
    parent=$(field "$i" 6)
    if [ -n "${ALONE_CASES:-}" ]; then
        [[ " $ALONE_CASES " == *" ${case% (auto)} "* ]] || continue
        [ "$parent" = - ] || [[ " $ALONE_CASES " == *" $parent "* ]] \
            || die "$case starts from $parent's database: add $parent to ALONE_CASES"
    fi
    SELECTED+=("$i")
done
[ "${#SELECTED[@]}" -gt 0 ] || die "no case matches ALONE_CASES=$ALONE_CASES"
for i in "${SELECTED[@]}"; do printf '%s\n' "${CASES[$i]}"; done > "$OUT/cases"
# Fresh databases first, the largest first (two lanes finish closer
# together); then the bridges, each on a copy of its parent's database.
mapfile -t FRESH < <(for i in "${SELECTED[@]}"; do
    [ "$(field "$i" 6)" = - ] && printf '%s\t%s\n' "$(field "$i" 5)" "$i"
done | sort -t$'\t' -k1,1nr | cut -f2)
mapfile -t BRIDGED < <(for i in "${SELECTED[@]}"; do
    [ "$(field "$i" 6)" = - ] || echo "$i"
done)

begin=$(date +%s)
TEMPLATE="${PREFIX}_base"
echo "$TEMPLATE" >> "$DBS"
log "A fresh database with only base: $TEMPLATE (log: $OUT/base.log)"
odoo -c "$ODOO_CONF" -d "$TEMPLATE" -i base --with-demo --stop-after-init \
    --http-port "$(free_port)" --max-cron-threads=0 --log-level=warn > "$OUT/base.log" 2>&1 \
    || die "base did not install: see $OUT/base.log"
"$PY" "$ROOT/scripts/module_deps.py" check --db "$TEMPLATE" --install base --log "$OUT/base.log" \
    > "$OUT/base.check" || die "the database of base: $(cat "$OUT/base.check")"
base_secs=$(($(date +%s) - begin))
log "base installed in $base_secs s ($(head -1 "$OUT/base.check" | cut -f1) modules)"

log "Each module alone, $JOBS at a time: ${#FRESH[@]} cases, then ${#BRIDGED[@]} bridges (logs: $OUT)"
run_all "${FRESH[@]}"
run_all "${BRIDGED[@]}"

failed=0
printf '\n%-36s %-48s %7s %9s %7s  %s\n' case "-i" seconds installed tests verdict
printf '%-36s %-48s %7s %9s %7s  %s\n' "(a fresh database)" base "$base_secs" \
    "$(head -1 "$OUT/base.check" | cut -f1)" - ok
for i in "${SELECTED[@]}"; do
    if [ ! -f "$OUT/$i.row" ]; then
        printf '%-36s did not run\n' "$(field "$i" 1)"
        failed=$((failed + 1))
        continue
    fi
    IFS=$'\t' read -r case modules secs count tests verdict < "$OUT/$i.row"
    printf '%-36s %-48s %7s %9s %7s  %s\n' "$case" "$modules" "$secs" "$count" "$tests" "$verdict"
    if [ "$verdict" != ok ]; then
        failed=$((failed + 1))
        sed 's/^/      /' "$OUT/$i.problems"
    fi
done
log "${#SELECTED[@]} cases in $(($(date +%s) - begin)) s: $((${#SELECTED[@]} - failed)) ok, $failed failed"
[ "$failed" = 0 ]

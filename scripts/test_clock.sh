#!/usr/bin/env bash
# Runs the whole test suite (scripts/test.sh) at the instants where "a day" is
# easy to get wrong, with the machine in several time zones (issue 12):
#   - 23:30 UTC on the last day of the month: 07:30 on the 1st in China, the
#     UTC day and month are still the previous ones;
#   - 16:30 UTC on that day: 00:30 on the 1st in China, just past midnight;
# each in TZ=UTC, TZ=Asia/Shanghai and TZ=America/Los_Angeles.
#
# How: libfaketime (Debian's faketime) preloaded into the Odoo and pytest
# processes, with the clock set to the instant when Odoo starts and ticking
# from there (the install takes a few minutes, the tests run in the quarter
# of an hour after the instant: still before midnight UTC). Python's clock,
# hence fields.Datetime.now() and the test cursor's now(), follow it; the
# browser that Odoo starts inherits it; PostgreSQL keeps the real clock.
# Odoo itself always runs in UTC (it sets TZ=UTC); TZ changes the browser's
# and the suite-level tests' local time.
#
# Usage: bash scripts/test_clock.sh            (6 runs, about an hour)
#        CLOCK_INSTANTS="2026-11-30 23:30:00 UTC" CLOCK_ZONES=UTC bash scripts/test_clock.sh
# CLOCK_INSTANTS is a list separated by ';'; CLOCK_ZONES by spaces.
# Each run's logs are kept in .local/test-results-clock/<instant>_<zone>/.
# Exits non-zero when any run fails; the last line of each run is printed.
. "$(dirname "$0")/common.sh"

command -v faketime >/dev/null || die "make test-clock needs libfaketime: run scripts/bootstrap.sh (or apt-get install faketime)"

last_day=$(date -u -d "$(date -u +%Y-%m-01) +1 month -1 day" +%F)
CLOCK_INSTANTS=${CLOCK_INSTANTS:-"$last_day 23:30:00 UTC;$last_day 16:30:00 UTC"}
CLOCK_ZONES=${CLOCK_ZONES:-"UTC Asia/Shanghai America/Los_Angeles"}

RESULTS="$LOCAL/test-results-clock"
mkdir -p "$RESULTS"
verdicts=()
status=0
IFS=';' read -ra instants <<<"$CLOCK_INSTANTS"
for instant in "${instants[@]}"; do
    for zone in $CLOCK_ZONES; do
        label="$(date -u -d "$instant" +%Y%m%dT%H%MZ)_${zone//\//-}"
        log "make test at $instant, TZ=$zone"
        set +e
        AFTERSALES_FAKETIME="$instant" TZ="$zone" bash "$ROOT/scripts/test.sh" \
            > "$RESULTS/$label.out" 2>&1
        rc=$?
        set -e
        rm -rf "${RESULTS:?}/$label"
        cp -r "$LOCAL/test-results" "$RESULTS/$label"
        verdicts+=("$label: $(tail -n 1 "$RESULTS/$label.out") (exit $rc)")
        [ "$rc" -eq 0 ] || status=1
    done
done
printf '%s\n' "${verdicts[@]}"
exit "$status"

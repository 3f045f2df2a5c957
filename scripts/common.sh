# shellcheck shell=bash
# Shared settings of the suite's scripts; sourced, never run.
# Every path the scripts write to is under .local/ (git-ignored).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL="$ROOT/.local"
VENV="$LOCAL/venv"
PY="$VENV/bin/python"
ODOO_CONF="$LOCAL/odoo.conf"
AFTERSALES_DB=${AFTERSALES_DB:-aftersales}
AFTERSALES_PORT=${AFTERSALES_PORT:-8069}

# The suite, in install order. The bridges (aftersales_complaint_repair,
# aftersales_survey_complaint, aftersales_helpdesk) auto-install with
# what they join; they are listed so that their tests run.
SUITE_MODULES=aftersales_base,aftersales_warranty,aftersales_repair,aftersales_maintenance,aftersales_complaint,aftersales_complaint_repair,aftersales_survey,aftersales_survey_complaint,aftersales_helpdesk

log() { printf '\033[1m[aftersales]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[aftersales] %s\033[0m\n' "$*" >&2; exit 1; }

# Where the `odoo` Python package lives: ODOO_SRC when the company has its
# own Odoo 19 (the folder that holds odoo/release.py), else the unpacked
# Debian package.
odoo_src() {
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -f "$ODOO_SRC/odoo/release.py" ] \
            || die "ODOO_SRC=$ODOO_SRC does not hold the odoo package (odoo/release.py)"
        echo "$ODOO_SRC"
    else
        echo "$LOCAL/odoo-19/usr/lib/python3/dist-packages"
    fi
}

# Loads the PostgreSQL settings that bootstrap chose (the user's PG*
# variables, or the private cluster it started).
load_pg_env() {
    if [ -f "$LOCAL/pg.env" ]; then
        # shellcheck disable=SC1091
        . "$LOCAL/pg.env"
    fi
}

odoo() {
    local src
    src=$(odoo_src)
    [ -f "$src/odoo/release.py" ] || die "Odoo is not set up in $src: run scripts/bootstrap.sh"
    PYTHONPATH="$src${PYTHONPATH:+:$PYTHONPATH}" "$PY" -m odoo "$@"
}

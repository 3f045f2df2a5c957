#!/usr/bin/env bash
# Sets up everything the suite needs, idempotently:
#   Debian packages (asset fonts/JS, Chromium, wkhtmltopdf) when missing,
#   Odoo 19.0 Community (Debian's odoo-19, or ODOO_SRC), repaired after unpacking,
#   the Python venv with pinned requirements, PostgreSQL, and .local/odoo.conf.
# A second run downloads nothing.
. "$(dirname "$0")/common.sh"

# --- Debian packages -------------------------------------------------------
# Targets of the asset links in Debian's odoo-19 package, the browser for the
# tours, wkhtmltopdf for PDF reports, CJK fonts for zh_CN PDFs, libmagic for
# python-magic, the PostgreSQL client tools these scripts call, libfaketime
# for make test-clock.
DEB_PACKAGES=(
    fonts-font-awesome libjs-jquery libjs-underscore libjs-jquery-form
    fonts-roboto-unhinted fonts-inconsolata fonts-ocr-b fonts-noto-cjk
    chromium wkhtmltopdf poppler-utils libmagic1 postgresql-client faketime
)

install_debian_packages() {
    local missing=() p
    for p in "${DEB_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "Installing Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "Please install as root: apt-get install ${missing[*]}"
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

# --- Odoo 19 from Debian sid, through a private apt configuration ----------
# The system's own sources are never touched: the archive address is read
# from them and used with the sid suite in a sources list of our own.
debian_archive_uri() {
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk '/^URIs:/ {u=$2} /^Suites:/ && $0 ~ /(bookworm|trixie|sid)( |$)/ {print u; exit}' "$f"
    done | head -n1 | grep . && return 0
    grep -hE '^deb +(\[[^]]*\] +)?[a-z]+://[^ ]+ +(bookworm|trixie|sid) ' \
        /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
        | sed -E 's/^deb +(\[[^]]*\] +)?//' | awk '{print $1; exit}' | grep .
}

fetch_odoo() {
    local dest="$LOCAL/odoo-19"
    [ -f "$dest/.complete" ] && return 0
    local apt="$LOCAL/apt" uri
    uri=$(debian_archive_uri) || die "No Debian archive found in /etc/apt sources"
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri sid main" \
        > "$apt/sources.list"
    local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
                -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
                -o APT::Sandbox::User=root -qq)
    if ! ls "$apt"/debs/odoo-19_*.deb >/dev/null 2>&1; then
        log "Downloading Odoo 19 Community (Debian package odoo-19, suite sid)"
        apt-get "${opts[@]}" update
        # fonts-montserrat is not in bookworm; the asset links need it too.
        (cd "$apt/debs" && apt-get "${opts[@]}" download odoo-19 fonts-montserrat)
    fi
    log "Unpacking Odoo into $dest"
    rm -rf "$dest"
    local deb
    for deb in "$apt"/debs/*.deb; do dpkg-deb -x "$deb" "$dest"; done
    repair_odoo_tree "$dest"
    touch "$dest/.complete"
}

# Debian's package links assets into /usr/share with relative links that
# break once unpacked elsewhere, and strips one library file that
# web.assets_backend still lists.
repair_odoo_tree() {
    local dest=$1 link target abs
    while IFS= read -r link; do
        target=$(realpath -m "$(dirname "$link")/$(readlink "$link")")
        [ -e "$target" ] && continue
        abs="/${target#"$dest"/}"
        [ -e "$abs" ] || die "Asset link $link points at $abs, which no installed package provides"
        ln -sfn "$abs" "$link"
    done < <(find "$dest/usr/lib" -type l)
    # Montserrat came unpacked beside Odoo: point its links there.
    while IFS= read -r link; do
        target=$(readlink "$link")
        case "$target" in /usr/share/fonts/truetype/montserrat/*)
            ln -sfn "$dest$target" "$link";;
        esac
    done < <(find "$dest/usr/lib" -type l)
    local selfie="$dest/usr/lib/python3/dist-packages/odoo/addons/mail/static/lib/selfie_segmentation/selfie_segmentation.js"
    if [ ! -e "$selfie" ]; then
        mkdir -p "$(dirname "$selfie")"
        echo "/* Stripped from Debian's odoo-19 (non-free); placeholder so web.assets_backend builds. */" > "$selfie"
    fi
}

# --- Python venv -------------------------------------------------------------
setup_venv() {
    local want have=""
    want=$(cat "$ROOT"/requirements*.txt | sha256sum | cut -d' ' -f1)
    [ -f "$VENV/.requirements.sha256" ] && have=$(cat "$VENV/.requirements.sha256")
    [ "$want" = "$have" ] && return 0
    local python=${PYTHON:-python3}
    "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
        || die "Python 3.11 is required ($python is $("$python" --version 2>&1)); set PYTHON="
    log "Creating the Python venv in $VENV"
    [ -x "$PY" ] || "$python" -m venv "$VENV"
    # (grep: pip warns about find-links folders some machines' pip.conf names)
    "$PY" -m pip install -q --disable-pip-version-check \
        -r "$ROOT/requirements.txt" -r "$ROOT/requirements-dev.txt" 2>&1 | { grep -v "is ignored" || true; }
    "$PY" -m pip install -q --disable-pip-version-check --no-deps \
        -r "$ROOT/requirements-oca.txt" 2>&1 | { grep -v "is ignored" || true; }
    echo "$want" > "$VENV/.requirements.sha256"
}

# --- PostgreSQL --------------------------------------------------------------
# The user's PG* variables (or libpq's defaults) when a server answers there;
# otherwise a private cluster under .local/pg, run by a non-root user.
setup_postgres() {
    : > "$LOCAL/pg.env"
    if pg_isready -q -t 3; then
        check_pg_role; return 0
    fi
    if [ -n "${PGHOST:-}${PGPORT:-}" ]; then
        die "No PostgreSQL server answers at PGHOST=${PGHOST:-} PGPORT=${PGPORT:-}"
    fi
    local bindir
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
    [ -n "$bindir" ] && [ -x "$bindir/initdb" ] \
        || die "No PostgreSQL server answers and none is installed: apt-get install postgresql (or set PGHOST/PGPORT)"
    local pgdir="$LOCAL/pg" port=${AFTERSALES_PGPORT:-54329} owner
    owner=$(id -un)
    if [ "$(id -u)" -eq 0 ]; then owner=postgres; id postgres >/dev/null 2>&1 || owner=nobody; fi
    as_owner() { if [ "$(id -un)" = "$owner" ]; then "$@"; else runuser -u "$owner" -- "$@"; fi; }
    mkdir -p "$pgdir"; chown "$owner" "$pgdir"
    if [ ! -f "$pgdir/data/PG_VERSION" ]; then
        log "Creating a private PostgreSQL cluster in $pgdir"
        as_owner "$bindir/initdb" -D "$pgdir/data" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    printf 'export PGHOST=%q PGPORT=%q PGUSER=odoo\n' "$pgdir" "$port" > "$LOCAL/pg.env"
    load_pg_env
    if ! pg_isready -q -t 3; then
        log "Starting the private PostgreSQL cluster (port $port)"
        as_owner "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
            -o "-k $pgdir -p $port -c listen_addresses=''" start >/dev/null
    fi
}

check_pg_role() {
    local user
    user=$(psql -d postgres -tAc 'select current_user' 2>/dev/null) \
        || die "PostgreSQL answers but refuses role ${PGUSER:-$(id -un)}: createuser -s ${PGUSER:-$(id -un)}"
    [ "$user" != postgres ] || die "Odoo refuses to connect as 'postgres': set PGUSER to another role"
    [ "$(psql -d postgres -tAc 'select rolcreatedb or rolsuper from pg_roles where rolname=current_user')" = t ] \
        || die "Role $user may not create databases: ALTER ROLE $user CREATEDB"
}

# --- Odoo configuration ------------------------------------------------------
write_config() {
    local src paths=() site
    src=$(odoo_src)
    [ -d "$src/odoo/addons" ] && paths+=("$src/odoo/addons")
    # A git checkout keeps most addons in addons/; Debian's package puts them
    # all under odoo/addons and leaves a Python-only copy in addons/.
    [ -d "$src/addons" ] && [ ! -d "$src/odoo/addons/web" ] && paths+=("$src/addons")
    site=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    paths+=("$site/odoo/addons" "$ROOT/addons")
    [ -n "${ODOO_ADDONS_PATH:-}" ] && paths+=("$ODOO_ADDONS_PATH")
    local joined
    joined=$(IFS=,; echo "${paths[*]}")
    cat > "$ODOO_CONF" <<CONF
; Written by scripts/bootstrap.sh; database settings come from PG* variables.
[options]
addons_path = $joined
data_dir = $LOCAL/data
http_interface = 127.0.0.1
CONF
}

mkdir -p "$LOCAL"
install_debian_packages
[ -n "${ODOO_SRC:-}" ] || fetch_odoo
setup_venv
setup_postgres
write_config
log "Ready: Odoo in $(odoo_src), venv in $VENV, config $ODOO_CONF"

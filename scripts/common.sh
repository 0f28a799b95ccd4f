# Shared settings and helpers for the tile suite's scripts (sourced, not run).
# Every path can be overridden from the environment.
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_PATH=${ODOO_PATH:-/opt/odoo}
TILE_HOME=${TILE_HOME:-$HOME/.local/share/tile-suite}
TILE_VENV=${TILE_VENV:-$TILE_HOME/venv}
TILE_CONF=${TILE_CONF:-$TILE_HOME/odoo.conf}
TILE_DATA_DIR=${TILE_DATA_DIR:-$TILE_HOME/filestore}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
TILE_DB_USER=${TILE_DB_USER:-odoo}
TILE_DB_PASSWORD=${TILE_DB_PASSWORD:-odoo}
TILE_HTTP_PORT=${TILE_HTTP_PORT:-8069}
TILE_DEMO_DB=${TILE_DEMO_DB:-tile_demo}
PY=$TILE_VENV/bin/python

die() { echo "tile: error: $*" >&2; exit 2; }
info() { echo "tile: $*" >&2; }

# The tile modules are the folders of this repo that hold a manifest.
tile_modules() {
    local m out=()
    for m in "$REPO_DIR"/tile_*/__manifest__.py; do
        [ -f "$m" ] && out+=("$(basename "$(dirname "$m")")")
    done
    (IFS=,; echo "${out[*]}")
}

require_odoo() {
    [ -f "$ODOO_PATH/odoo-bin" ] || die "Odoo 18.0 Community not found: no odoo-bin in $ODOO_PATH. \
Put a stock Odoo 18.0 Community tree there (see ../shared/ODOO_RUNTIME.md) or set ODOO_PATH to the folder holding odoo-bin."
    grep -q "^version_info = (18, 0" "$ODOO_PATH/odoo/release.py" \
        || die "$ODOO_PATH is not Odoo 18.0 (odoo/release.py says otherwise); point ODOO_PATH at an 18.0 Community tree."
    local ent
    for ent in web_gantt web_studio web_enterprise account_accountant planning; do
        [ -d "$ODOO_PATH/addons/$ent" ] && die "$ODOO_PATH holds the Odoo Enterprise module '$ent': use a Community-only tree."
    done
    return 0
}

require_venv() {
    [ -x "$PY" ] || die "no virtual environment at $TILE_VENV: run './tile setup' first."
}

pg_ready() {
    pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null
}

# Runs psql as the PostgreSQL superuser over the local socket.
pg_super() {
    if [ "$(id -u)" = 0 ]; then
        su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -p $PGPORT $(printf '%q ' "$@")"
    else
        sudo -u postgres psql -v ON_ERROR_STOP=1 -qAt -p "$PGPORT" "$@"
    fi
}

ensure_postgres() {
    if ! pg_ready; then
        if [ "$PGHOST" = 127.0.0.1 ] || [ "$PGHOST" = localhost ]; then
            command -v pg_ctlcluster >/dev/null || die "PostgreSQL is not reachable at $PGHOST:$PGPORT and pg_ctlcluster is missing: install postgresql (apt-get install postgresql) or set PGHOST/PGPORT."
            info "starting the local PostgreSQL cluster"
            local ver
            ver=$(pg_lsclusters -h | awk -v p="$PGPORT" '$3==p {print $1" "$2; exit}')
            [ -n "$ver" ] || die "no local PostgreSQL cluster listens on port $PGPORT (pg_lsclusters): create one or set PGPORT."
            # shellcheck disable=SC2086
            pg_ctlcluster $ver start >/dev/null 2>&1 || true
            local i
            for i in $(seq 1 30); do pg_ready && break; sleep 1; done
        fi
        pg_ready || die "PostgreSQL is unreachable at $PGHOST:$PGPORT: start it (pg_ctlcluster 15 main start) or set PGHOST/PGPORT."
    fi
    # A dedicated role: Odoo refuses to run as the postgres superuser.
    if [ "$(pg_super -c "SELECT 1 FROM pg_roles WHERE rolname='$TILE_DB_USER'")" != 1 ]; then
        info "creating the database role '$TILE_DB_USER'"
        pg_super -c "CREATE ROLE \"$TILE_DB_USER\" LOGIN CREATEDB PASSWORD '$TILE_DB_PASSWORD'"
    fi
}

db_exists() {
    [ "$(pg_super -c "SELECT 1 FROM pg_database WHERE datname='$1'")" = 1 ]
}

odoo_bin() {
    "$PY" "$ODOO_PATH/odoo-bin" -c "$TILE_CONF" "$@"
}

# Shared settings and helpers for the tile suite's scripts (sourced, not run).
# Every path can be overridden from the environment.
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TILE_HOME=${TILE_HOME:-$HOME/.local/share/tile-suite}
ODOO_PATH=${ODOO_PATH:-/opt/odoo}
ODOO_PATH_GIVEN=$ODOO_PATH
# Where ./tile setup fetches Odoo when $ODOO_PATH holds none: a shallow clone of one ref.
# TILE_ODOO_REF is a branch, a tag or a full commit hash.
TILE_ODOO_GIT=${TILE_ODOO_GIT:-https://github.com/odoo/odoo.git}
TILE_ODOO_REF=${TILE_ODOO_REF:-18.0}
TILE_ODOO_FETCHED=$TILE_HOME/odoo
TILE_VENV=${TILE_VENV:-$TILE_HOME/venv}
TILE_CONF=${TILE_CONF:-$TILE_HOME/odoo.conf}
TILE_DATA_DIR=${TILE_DATA_DIR:-$TILE_HOME/filestore}
TILE_DB_HOST=${TILE_DB_HOST:-127.0.0.1}
TILE_DB_PORT=${TILE_DB_PORT:-5432}
TILE_DB_USER=${TILE_DB_USER:-odoo}
TILE_DB_PASSWORD=${TILE_DB_PASSWORD:-odoo}
TILE_HTTP_PORT=${TILE_HTTP_PORT:-8069}
TILE_WORKERS=${TILE_WORKERS:-0}
TILE_DEMO_DB=${TILE_DEMO_DB:-tile_demo}
PY=$TILE_VENV/bin/python

# libpq reads PGHOST, PGUSER, PGDATABASE, PGPASSWORD, PGOPTIONS... from the environment;
# the caller's values are meant for their own databases, not for this suite's: neither
# psql nor Odoo below sees them. The suite's own settings are the TILE_DB_* above.
while read -r _pgvar; do unset "$_pgvar"; done < <(compgen -e | grep '^PG' || true)
unset _pgvar

die() { echo "tile: error: $*" >&2; exit 2; }
info() { echo "tile: $*" >&2; }

# The command a non-root user is told to run once as root.
as_root_hint() { echo "run once as root: sudo $REPO_DIR/tile setup"; }

# The tile modules are the folders of this repo that hold a manifest.
tile_modules() {
    local m out=()
    for m in "$REPO_DIR"/tile_*/__manifest__.py; do
        [ -f "$m" ] && out+=("$(basename "$(dirname "$m")")")
    done
    (IFS=,; echo "${out[*]}")
}

# Prints why $1 is not an Odoo 18.0 Community tree, nothing when it is one.
odoo_tree_problem() {
    local dir=$1 ent
    if [ ! -f "$dir/odoo-bin" ]; then
        echo "no odoo-bin in $dir"
        return 0
    fi
    if ! grep -q "^version_info = (18, 0" "$dir/odoo/release.py" 2>/dev/null; then
        echo "$dir is not Odoo 18.0 (odoo/release.py says otherwise)"
        return 0
    fi
    for ent in web_gantt web_studio web_enterprise account_accountant planning; do
        if [ -d "$dir/addons/$ent" ]; then
            echo "$dir holds the Odoo Enterprise module '$ent': use a Community-only tree"
            return 0
        fi
    done
}

# $ODOO_PATH when it holds Odoo, else the copy ./tile setup fetched into $TILE_HOME/odoo.
resolve_odoo_path() {
    if [ ! -f "$ODOO_PATH/odoo-bin" ] && [ -f "$TILE_ODOO_FETCHED/odoo-bin" ]; then
        ODOO_PATH=$TILE_ODOO_FETCHED
    fi
}
resolve_odoo_path

require_odoo() {
    local problem
    problem=$(odoo_tree_problem "$ODOO_PATH")
    [ -z "$problem" ] || die "Odoo 18.0 Community not usable: $problem. Run ./tile setup (it fetches Odoo) or set ODOO_PATH to the folder holding an 18.0 Community odoo-bin."
}

require_venv() {
    [ -x "$PY" ] || die "no virtual environment at $TILE_VENV: run './tile setup' first."
}

# Runs ./tile setup, then picks up the Odoo tree it may have fetched.
run_setup() {
    bash "$REPO_DIR/scripts/setup.sh"
    resolve_odoo_path
}

pg_ready() {
    env -i PATH="$PATH" pg_isready -q -h "$TILE_DB_HOST" -p "$TILE_DB_PORT" 2>/dev/null
}

# pg_app DB SQL [name=value ...]: runs SQL (read by psql from stdin, so :'name' and :"name"
# interpolate the values, quoted) as the suite's role over TCP, in a clean environment.
# Values are never pasted into the SQL text.
pg_app() {
    local db=$1 sql=$2 var vars=()
    shift 2
    for var in "$@"; do vars+=(-v "$var"); done
    env -i PATH="$PATH" LANG=C.UTF-8 PGPASSWORD="$TILE_DB_PASSWORD" PGCONNECT_TIMEOUT=10 \
        psql -X -v ON_ERROR_STOP=1 -qAt -h "$TILE_DB_HOST" -p "$TILE_DB_PORT" \
        -U "$TILE_DB_USER" -d "$db" "${vars[@]}" <<<"$sql"
}

# pg_super SQL [name=value ...]: the same as the PostgreSQL superuser over the local socket
# (peer authentication), from a folder the postgres user can read. Root only, or a user
# allowed to `sudo -n -u postgres`.
pg_super() {
    local sql=$1 var vars=() runner
    shift
    for var in "$@"; do vars+=(-v "$var"); done
    if [ "$(id -u)" = 0 ]; then
        runner=(runuser -u postgres --)
    elif command -v sudo >/dev/null && sudo -n -u postgres true 2>/dev/null; then
        runner=(sudo -n -u postgres)
    else
        return 3
    fi
    (cd / && "${runner[@]}" env -i PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
        psql -X -v ON_ERROR_STOP=1 -qAt -p "$TILE_DB_PORT" -U postgres -d postgres "${vars[@]}" <<<"$sql")
}

db_is_local() {
    case "$TILE_DB_HOST" in 127.0.0.1 | localhost | ::1 | /*) return 0 ;; *) return 1 ;; esac
}

ensure_postgres() {
    if ! pg_ready; then
        db_is_local || die "PostgreSQL is unreachable at $TILE_DB_HOST:$TILE_DB_PORT: start it or set TILE_DB_HOST/TILE_DB_PORT."
        command -v pg_ctlcluster >/dev/null || die "PostgreSQL is not reachable at $TILE_DB_HOST:$TILE_DB_PORT and pg_ctlcluster is missing: $(as_root_hint) (it installs postgresql), or set TILE_DB_HOST/TILE_DB_PORT."
        local ver
        ver=$(pg_lsclusters -h | awk -v p="$TILE_DB_PORT" '$3==p {print $1" "$2; exit}')
        [ -n "$ver" ] || die "no local PostgreSQL cluster listens on port $TILE_DB_PORT (pg_lsclusters): create one or set TILE_DB_PORT."
        [ "$(id -u)" = 0 ] || die "the local PostgreSQL cluster ($ver, port $TILE_DB_PORT) is down and only root can start it: $(as_root_hint)"
        info "starting the local PostgreSQL cluster"
        # shellcheck disable=SC2086
        pg_ctlcluster $ver start >/dev/null 2>&1 || true
        local i
        for i in $(seq 1 30); do pg_ready && break; sleep 1; done
        pg_ready || die "PostgreSQL is unreachable at $TILE_DB_HOST:$TILE_DB_PORT: start it (pg_ctlcluster $ver start) or set TILE_DB_HOST/TILE_DB_PORT."
    fi
    # A dedicated role (Odoo refuses to run as the postgres superuser) that logs in with
    # TILE_DB_PASSWORD and may create databases. Checked by logging in; fixed by the superuser.
    [ "$(pg_app postgres "SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user" 2>/dev/null)" = t ] && return 0
    db_is_local || die "cannot log in to PostgreSQL at $TILE_DB_HOST:$TILE_DB_PORT as '$TILE_DB_USER' with TILE_DB_PASSWORD, or the role may not create databases: create it there (CREATE ROLE ... LOGIN CREATEDB PASSWORD ...)."
    local exists
    exists=$(pg_super "SELECT 1 FROM pg_roles WHERE rolname = :'role'" role="$TILE_DB_USER") \
        || die "the PostgreSQL role '$TILE_DB_USER' is missing or its password differs from TILE_DB_PASSWORD, and only root can change it: $(as_root_hint) (with the same TILE_DB_USER/TILE_DB_PASSWORD)"
    if [ "$exists" = 1 ]; then
        info "setting the password (TILE_DB_PASSWORD) and CREATEDB of the database role '$TILE_DB_USER'"
        pg_super 'ALTER ROLE :"role" WITH LOGIN CREATEDB PASSWORD :'"'pw'" role="$TILE_DB_USER" pw="$TILE_DB_PASSWORD" >/dev/null
    else
        info "creating the database role '$TILE_DB_USER'"
        pg_super 'CREATE ROLE :"role" LOGIN CREATEDB PASSWORD :'"'pw'" role="$TILE_DB_USER" pw="$TILE_DB_PASSWORD" >/dev/null
    fi
    [ "$(pg_app postgres "SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user" 2>&1)" = t ] \
        || die "the role '$TILE_DB_USER' still cannot log in at $TILE_DB_HOST:$TILE_DB_PORT (check pg_hba.conf allows password logins from there)."
}

db_exists() {
    [ "$(pg_app postgres "SELECT 1 FROM pg_database WHERE datname = :'name'" name="$1")" = 1 ]
}

drop_db() {
    pg_app postgres 'DROP DATABASE IF EXISTS :"name" WITH (FORCE)' name="$1" >/dev/null
}

# Test databases are tile_test_<uid>_<pid>. Those left by an earlier run of this user that
# was killed would only fill the disk: one is dropped when its process is gone and nobody is
# connected to it. A run of another user, or in another PID namespace, is never touched.
drop_stale_test_dbs() {
    local stale
    for stale in $(pg_app postgres "SELECT datname FROM pg_database d
            WHERE datname ~ ('^tile_test_' || :'uid' || '_[0-9]+$')
            AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)" uid="$(id -u)"); do
        if [ ! -d "/proc/${stale##*_}" ]; then
            info "dropping the database '$stale' left by an earlier run"
            drop_db "$stale" || true
            rm -rf "$TILE_DATA_DIR/filestore/$stale"
        fi
    done
}

# Benchmarks: a throwaway database with every tile module and no demo, dropped on exit, in $db
# (tile_bench_<name>_<pid>, or tile_bench_<pid> without a name).
bench_db() {
    db=tile_bench${1:+_$1}_$$
    trap 'drop_db "$db" >/dev/null 2>&1 || true' EXIT
    local modules
    modules=$(tile_modules)
    info "installing $modules (no demo) into '$db'"
    odoo_bin -d "$db" -i "$modules" --without-demo=all --stop-after-init --log-level=warn --max-cron-threads=0 \
        || die "installing the tile modules into the benchmark database failed (see above)."
}

# bench_py FILE ARGS...: bench/FILE on $db, without Odoo's INFO and WARNING log lines.
bench_py() {
    local file=$1
    shift
    PYTHONPATH="$ODOO_PATH" "$PY" "$REPO_DIR/bench/$file" "$TILE_CONF" "$db" "$@" 2>&1 \
        | grep -v -E '^[0-9-]+ [0-9:,]+ [0-9]+ (INFO|WARNING) ' || true
}

# A free TCP port on 127.0.0.1 chosen by the kernel (for runs that must not collide).
free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

odoo_bin() {
    "$PY" "$ODOO_PATH/odoo-bin" -c "$TILE_CONF" "$@"
}

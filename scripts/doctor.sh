#!/usr/bin/env bash
# ./tile doctor [DB]: checks a running installation, prints OK/WARN/FAIL lines and what to fix;
# exits 1 when something FAILs (scripts/doctor.py; docs/operations.md). Changes nothing: it
# does not even start PostgreSQL when it is down.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
TILE_BACKUP_DIR=${TILE_BACKUP_DIR:-$TILE_HOME/backups}
py=$PY
[ -x "$py" ] || py=$(command -v python3) || die "no Python: run ./tile setup."
"$py" -c 'import psycopg2' 2>/dev/null || die "$py cannot import psycopg2: run ./tile setup (or install python3-psycopg2)."
export REPO_DIR TILE_HOME TILE_DATA_DIR TILE_BACKUP_DIR TILE_DB_HOST TILE_DB_PORT TILE_DB_USER \
    TILE_DB_PASSWORD TILE_DEMO_DB ODOO_PATH TILE_CONF TILE_HTTP_PORT
exec "$py" "$REPO_DIR/scripts/doctor.py" "$@"

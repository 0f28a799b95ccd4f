#!/usr/bin/env bash
# Encrypted backups (scripts/backup.py does the work; docs/operations.md explains them):
#   ./tile backup [DB] [--nightly | --weekly | --retention]
#   ./tile restore FILE [NEWDB] [--check]
# Also the Docker backup service's job (docker/backup-loop.sh), with its own TILE_* settings.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
TILE_BACKUP_DIR=${TILE_BACKUP_DIR:-$TILE_HOME/backups}
ensure_postgres
# The suite's venv has psycopg2; the Docker backup image has Debian's python3-psycopg2.
py=$PY
[ -x "$py" ] || py=$(command -v python3) || die "no Python: run ./tile setup."
"$py" -c 'import psycopg2' 2>/dev/null || die "$py cannot import psycopg2: run ./tile setup (or install python3-psycopg2)."
export REPO_DIR TILE_HOME TILE_DATA_DIR TILE_BACKUP_DIR TILE_DB_HOST TILE_DB_PORT TILE_DB_USER \
    TILE_DB_PASSWORD TILE_DEMO_DB ODOO_PATH
exec "$py" "$REPO_DIR/scripts/backup.py" "$@"

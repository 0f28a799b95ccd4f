#!/bin/bash
# Stand-in for the odoo image's /entrypoint.sh, written for this project: the database
# connection from HOST / PORT / USER / PASSWORD (or PASSWORD_FILE; defaults db, 5432, odoo,
# odoo) passed as --db_* arguments unless Odoo's configuration ($ODOO_RC) sets them, a wait for
# the database server, then Odoo. Any other command runs as given.
set -euo pipefail
[ -n "${PASSWORD_FILE:-}" ] && PASSWORD=$(< "$PASSWORD_FILE")
declare -A connection=(
    [db_host]=${HOST:-db} [db_port]=${PORT:-5432} [db_user]=${USER:-odoo} [db_password]=${PASSWORD:-odoo}
)
args=()
for key in db_host db_port db_user db_password; do
    grep -qE "^\s*$key\s*=" "$ODOO_RC" || args+=("--$key" "${connection[$key]}")
done
case "${1:-}" in
    odoo | --) shift ;;
    -*) ;;
    *) exec "$@" ;;
esac
wait-for-psql.py "${args[@]}" --timeout=30
exec odoo "$@" "${args[@]}"

#!/bin/bash
# The Odoo image's entrypoint: writes Odoo's runtime configuration from docker/odoo.conf plus
# what must stay out of the repository and the image (the database connection from the
# environment, the master password from a Docker secret), then runs the official image's
# /entrypoint.sh with it. The official entrypoint appends --db_* arguments with its own
# defaults (password "odoo") unless the configuration holds them: it does here.
set -euo pipefail
die() { echo "tile: error: $*" >&2; exit 2; }

secret=${TILE_ADMIN_PASSWD_SECRET:-/run/secrets/odoo_admin_passwd}
[ -r "$secret" ] && [ -s "$secret" ] \
    || die "no master password: put one in a file outside the repository and set TILE_ADMIN_PASSWD_FILE to it in docker compose (docs/operations.md, 'Docker path')."
master=$(head -n 1 "$secret" | tr -d '\r\n')
[ "${#master}" -ge 12 ] && [ "$master" != admin ] \
    || die "the master password in $secret is too weak: at least 12 characters, not 'admin'."
db_password=${TILE_DB_PASSWORD:-}
if [ -n "${TILE_DB_PASSWORD_FILE:-}" ]; then
    db_password=$(head -n 1 "$TILE_DB_PASSWORD_FILE" | tr -d '\r\n')
fi
[ -n "$db_password" ] || die "no database password: set TILE_DB_PASSWORD (or TILE_DB_PASSWORD_FILE)."

# Odoo keeps a hash (the same pbkdf2-sha512 as Odoo's own), never the password itself.
hash=$(printf '%s' "$master" | python3 -c 'import sys
from passlib.context import CryptContext
print(CryptContext(["pbkdf2_sha512"], pbkdf2_sha512__rounds=600_000).hash(sys.stdin.read()))')

runtime=${TILE_ODOO_RC:-/tmp/tile-odoo.conf}
umask 077
{
    # Keys set below are dropped from the mounted file: Odoo refuses a key given twice.
    grep -vE '^\s*(admin_passwd|db_host|db_port|db_user|db_password)\s*=' "${ODOO_RC:-/etc/odoo/odoo.conf}"
    printf 'db_host = %s\ndb_port = %s\ndb_user = %s\ndb_password = %s\nadmin_passwd = %s\n' \
        "${TILE_DB_HOST:-db}" "${TILE_DB_PORT:-5432}" "${TILE_DB_USER:-odoo}" "$db_password" "$hash"
} > "$runtime.tmp"
mv "$runtime.tmp" "$runtime"
export ODOO_RC=$runtime
exec /entrypoint.sh "$@"

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

# The install one-shot (compose.yaml sets TILE_INSTALL_MISSING on it) runs at every
# "docker compose up". "-i" of a module that is already installed makes Odoo load its data
# again as at install (init mode): the settings its noupdate data set once (second factor,
# password rules, then the administrator's) are reset and its demo data loaded a second
# time. So only the modules the database lacks are installed; none missing: nothing runs.
if [ -n "${TILE_INSTALL_MISSING:-}" ]; then
    args=("$@")
    db="" at=""
    for i in "${!args[@]}"; do
        case "${args[i]}" in
            -d | --database) db=${args[i + 1]:-} ;;
            --database=*) db=${args[i]#*=} ;;
            -i | --init) at=$((i + 1)) ;;
        esac
    done
    [ -n "$db" ] && [ -n "$at" ] || die "TILE_INSTALL_MISSING: the command needs -d DB and -i MODULES."
    missing=$(python3 - "$db" "${args[at]:-}" <<'PY'
import configparser, os, sys, time
import psycopg2
db, wanted = sys.argv[1], [m for m in sys.argv[2].split(",") if m]
rc = configparser.RawConfigParser()
rc.read(os.environ["ODOO_RC"])
o = dict(rc.items("options"))
def connect(name):
    return psycopg2.connect(dbname=name, host=o["db_host"], port=o["db_port"], user=o["db_user"],
                            password=o["db_password"], sslmode=o.get("db_sslmode", "prefer"), connect_timeout=10)
for attempt in range(30):  # as the official entrypoint's wait-for-psql.py
    try:
        conn = connect("postgres")
        break
    except psycopg2.OperationalError:
        if attempt == 29:
            raise
        time.sleep(1)
with conn, conn.cursor() as cur:
    cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,))
    exists = cur.fetchone()
conn.close()
installed = set()
if exists:
    with connect(db) as conn, conn.cursor() as cur:
        cur.execute("SELECT to_regclass('ir_module_module') IS NOT NULL")
        if cur.fetchone()[0]:
            cur.execute("SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)", (wanted,))
            installed = {name for (name,) in cur.fetchall()}
print(",".join(m for m in wanted if m not in installed))
PY
    ) || die "cannot read which modules database '$db' has (above)."
    if [ -z "$missing" ]; then
        echo "tile: database '$db' has every module of -i installed: nothing to install."
        exit 0
    fi
    [ "$missing" = "${args[at]}" ] || echo "tile: database '$db' lacks only: $missing"
    args[at]=$missing
    set -- "${args[@]}"
fi
exec /entrypoint.sh "$@"

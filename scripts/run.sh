#!/usr/bin/env bash
# The README's run command: a demo database with every tile module and its demo
# data (created once, reused afterwards), served on http://127.0.0.1:$TILE_HTTP_PORT.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash "$REPO_DIR/scripts/setup.sh"
modules=$(tile_modules)

port_taken() {
    "$PY" - "$1" <<'PYEOF'
import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(0)
sys.exit(1)
PYEOF
}
port_taken "$TILE_HTTP_PORT" && die "port $TILE_HTTP_PORT is taken by another program: stop it (ss -ltnp 'sport = :$TILE_HTTP_PORT' shows which) or set TILE_HTTP_PORT to a free port."

installed_tile_modules() {
    pg_super -d "$TILE_DEMO_DB" -c "SELECT name FROM ir_module_module WHERE state='installed' AND name LIKE 'tile\_%' ORDER BY name" 2>/dev/null | paste -sd, -
}

if db_exists "$TILE_DEMO_DB"; then
    if ! pg_super -d "$TILE_DEMO_DB" -c "SELECT 1 FROM ir_module_module LIMIT 1" >/dev/null 2>&1; then
        die "a database '$TILE_DEMO_DB' exists but is not an Odoo database: drop it (dropdb $TILE_DEMO_DB) or set TILE_DEMO_DB to another name."
    fi
    have=$(installed_tile_modules)
    want=$(echo "$modules" | tr , '\n' | sort | paste -sd, -)
    if [ "$have" != "$want" ]; then
        info "database '$TILE_DEMO_DB' from an older run has [$have]; installing/updating [$want]"
        odoo_bin -d "$TILE_DEMO_DB" -i "$modules" -u "$modules" --stop-after-init --max-cron-threads=0 --log-level=warn \
            || die "updating '$TILE_DEMO_DB' failed (see above): fix the module or drop the database (dropdb $TILE_DEMO_DB) to start again."
    fi
else
    info "creating the demo database '$TILE_DEMO_DB' with $modules and demo data (a few minutes, once)"
    odoo_bin -d "$TILE_DEMO_DB" -i "$modules" --load-language=zh_CN --stop-after-init \
        --max-cron-threads=0 --log-level=warn \
        || { pg_super -c "DROP DATABASE IF EXISTS \"$TILE_DEMO_DB\" WITH (FORCE)" >/dev/null; \
             die "installing the tile modules failed (see above); the half-built database was dropped."; }
fi

cat <<MSG
tile: Odoo serves the tile suite at http://127.0.0.1:$TILE_HTTP_PORT/web/login
tile:   database: $TILE_DEMO_DB   login: admin   password: admin
tile:   (demo salesperson: login demo / password demo; Ctrl-C stops the server)
MSG
exec "$PY" "$ODOO_PATH/odoo-bin" -c "$TILE_CONF" -d "$TILE_DEMO_DB" --db-filter "^$TILE_DEMO_DB\$" --http-port "$TILE_HTTP_PORT" ${TILE_RUN_ARGS:-}

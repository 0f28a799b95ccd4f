#!/usr/bin/env bash
# The README's run command: a demo database with every tile module and its demo
# data (created once, reused and brought up to date afterwards), served on
# http://127.0.0.1:$TILE_HTTP_PORT.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

run_setup
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
serve_args=(--http-port "$TILE_HTTP_PORT")
case "$TILE_WORKERS" in '' | *[!0-9]*) die "TILE_WORKERS must be a number (0: one threaded process; N > 0: N worker processes and the websocket process)." ;; esac
if [ "$TILE_WORKERS" -gt 0 ]; then
    # Workers mode (production's): the websocket (live updates) is served by a separate
    # gevent process on its own port; a reverse proxy routes /websocket there.
    TILE_GEVENT_PORT=${TILE_GEVENT_PORT:-$((TILE_HTTP_PORT + 3))}
    port_taken "$TILE_GEVENT_PORT" && die "port $TILE_GEVENT_PORT (websocket, workers mode) is taken by another program: stop it or set TILE_GEVENT_PORT to a free port."
    serve_args+=(--workers "$TILE_WORKERS" --gevent-port "$TILE_GEVENT_PORT")
fi

# A fingerprint of each tile module's files; the demo database keeps the ones it was last
# installed or updated with (ir.config_parameter tile_suite.module_hashes), so a module whose
# code changed (a git pull, an edit) is updated before serving.
module_hashes() {
    local m
    for m in ${modules//,/ }; do
        printf '%s:%s\n' "$m" "$(cd "$REPO_DIR" && find "$m" -type f ! -name '*.pyc' ! -path '*/__pycache__/*' -print0 \
            | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
    done
}
hashes_key=tile_suite.module_hashes
store_hashes() {
    pg_app "$TILE_DEMO_DB" "INSERT INTO ir_config_parameter (key, value, create_uid, write_uid, create_date, write_date)
        VALUES (:'key', :'value', 1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, write_date = EXCLUDED.write_date" \
        key="$hashes_key" value="$1" >/dev/null
}
want_hashes=$(module_hashes)

if db_exists "$TILE_DEMO_DB"; then
    pg_app "$TILE_DEMO_DB" "SELECT 1 FROM ir_module_module LIMIT 1" >/dev/null 2>&1 \
        || die "a database '$TILE_DEMO_DB' exists but is not an Odoo database: drop it (dropdb $TILE_DEMO_DB) or set TILE_DEMO_DB to another name."
    installed=$(pg_app "$TILE_DEMO_DB" "SELECT name FROM ir_module_module WHERE state = 'installed' AND name LIKE 'tile\_%'")
    have_hashes=$(pg_app "$TILE_DEMO_DB" "SELECT value FROM ir_config_parameter WHERE key = :'key'" key="$hashes_key")
    to_install=(); to_update=()
    for m in ${modules//,/ }; do
        if ! grep -qx "$m" <<<"$installed"; then
            to_install+=("$m")
        elif ! grep -qxF "$(grep "^$m:" <<<"$want_hashes")" <<<"$have_hashes"; then
            to_update+=("$m")
        fi
    done
    if [ ${#to_install[@]} -gt 0 ] || [ ${#to_update[@]} -gt 0 ]; then
        args=()
        [ ${#to_install[@]} -gt 0 ] && args+=(-i "$(IFS=,; echo "${to_install[*]}")")
        [ ${#to_update[@]} -gt 0 ] && args+=(-u "$(IFS=,; echo "${to_update[*]}")")
        info "bringing '$TILE_DEMO_DB' up to date: ${to_install[*]:+installing ${to_install[*]}; }${to_update[*]:+updating ${to_update[*]} (code changed)}"
        odoo_bin -d "$TILE_DEMO_DB" "${args[@]}" --stop-after-init --max-cron-threads=0 --log-level=warn \
            || die "updating '$TILE_DEMO_DB' failed (see above): fix the module or drop the database (dropdb $TILE_DEMO_DB) to start again."
        store_hashes "$want_hashes"
    fi
else
    info "creating the demo database '$TILE_DEMO_DB' with $modules and demo data (a few minutes, once)"
    odoo_bin -d "$TILE_DEMO_DB" -i "$modules" --load-language=zh_CN --stop-after-init \
        --max-cron-threads=0 --log-level=warn \
        || { drop_db "$TILE_DEMO_DB" || true; \
             die "installing the tile modules failed (see above); the half-built database was dropped."; }
    store_hashes "$want_hashes"
fi

# Once per database: the demo logins open on the tile company of the demo (华瓷建材 Huaci
# Tiles, CNY, Chinese chart), admin in English and the salesperson demo in Chinese. The
# module's demo data only adds the company to their allowed companies, as Odoo's own
# localisation demos do: Odoo's test suites expect admin on Odoo's demo company.
logins_key=tile_suite.demo_logins_opened
if [ -z "$(pg_app "$TILE_DEMO_DB" "SELECT value FROM ir_config_parameter WHERE key = :'key'" key="$logins_key")" ]; then
    pg_app "$TILE_DEMO_DB" "
        WITH company AS (SELECT res_id FROM ir_model_data WHERE module = 'tile_order_base' AND name = 'tile_demo_company'),
             logins AS (SELECT res_id FROM ir_model_data WHERE module = 'base' AND name IN ('user_admin', 'user_demo'))
        UPDATE res_users SET company_id = (SELECT res_id FROM company)
         WHERE id IN (SELECT res_id FROM logins) AND EXISTS (SELECT 1 FROM company);
        UPDATE res_partner SET lang = 'zh_CN'
         WHERE id IN (SELECT partner_id FROM res_users WHERE login = 'demo')
           AND EXISTS (SELECT 1 FROM res_lang WHERE code = 'zh_CN' AND active);
        UPDATE res_partner SET lang = 'en_US'
         WHERE id IN (SELECT partner_id FROM res_users WHERE login = 'admin');
        INSERT INTO ir_config_parameter (key, value, create_uid, write_uid, create_date, write_date)
        VALUES (:'key', '1', 1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
        ON CONFLICT (key) DO NOTHING" key="$logins_key" >/dev/null
fi

cat <<MSG
tile: Odoo serves the tile suite at http://127.0.0.1:$TILE_HTTP_PORT/web/login
tile:   database: $TILE_DEMO_DB   company: 华瓷建材 Huaci Tiles (CNY)
tile:   login: admin / admin (manager, English)   demo / demo (salesperson, 简体中文)
tile:   (switch language: avatar menu > My Preferences > Language; Ctrl-C stops the server)
MSG
[ "$TILE_WORKERS" -gt 0 ] && info "  workers mode: $TILE_WORKERS workers; websocket (live updates) on port $TILE_GEVENT_PORT, route /websocket there from your proxy"
# shellcheck disable=SC2086
exec "$PY" "$ODOO_PATH/odoo-bin" -c "$TILE_CONF" -d "$TILE_DEMO_DB" --db-filter "^$TILE_DEMO_DB\$" "${serve_args[@]}" ${TILE_RUN_ARGS:-}

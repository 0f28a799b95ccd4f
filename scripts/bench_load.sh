#!/usr/bin/env bash
# Concurrent confirmation load over JSON-RPC, tile vs plain Odoo (./tile bench load).
# Five databases, no demo data:
#   plain      sale_stock + the OCA lot modules (the issue's "plain Odoo")
#   core-apps  plain Odoo with the Odoo/OCA apps that tile_order_base + tile_inventory install
#   core       tile_order_base + tile_inventory (the confirmation's tile code: m², lots, shades)
#   apps       plain Odoo with every Odoo/OCA app the whole suite installs (mrp, purchase, crm...)
#   suite      every tile module
# TILE_BENCH_REPEAT (default 5) runs of 60 confirmations per N, after a warm-up; the summary
# takes each N's median p95 over the runs and the p95 of all runs pooled (a single p95 of 60
# moves by +-20 % between runs: serialization retries sleep up to 2 s each).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup
port=${TILE_BENCH_PORT:-$((TILE_HTTP_PORT + 300))}
kinds=(plain core-apps core apps suite)
declare -A dbs
for kind in "${kinds[@]}"; do dbs[$kind]=tile_bench_load_${kind//-/_}_$$; done
results=$(mktemp /tmp/tile_bench_load_XXXXXX.jsonl)
trap 'for db in "${dbs[@]}"; do drop_db "$db" >/dev/null 2>&1 || true; done; rm -f "$results"' EXIT
quiet() { grep -v -E '^[0-9-]+ [0-9:,]+ [0-9]+ (INFO|WARNING) |security risk' || true; }
install() {  # install DB MODULES
    odoo_bin -d "$1" -i "$2" --without-demo=all --stop-after-init --log-level=warn --max-cron-threads=0 2>&1 | quiet
}
apps_of() {  # the Odoo/OCA modules installed in a tile database
    pg_app "$1" "SELECT string_agg(name, ',' ORDER BY name) FROM ir_module_module
                 WHERE state = 'installed' AND name NOT LIKE 'tile%'"
}
info "installing the five databases (no demo data)"
install "${dbs[core]}" tile_order_base,tile_inventory
install "${dbs[suite]}" "$(tile_modules)"
install "${dbs[plain]}" sale_management,sale_stock,sale_order_lot_selection,stock_restrict_lot
install "${dbs[core-apps]}" "$(apps_of "${dbs[core]}")"
install "${dbs[apps]}" "$(apps_of "${dbs[suite]}")"
for kind in "${kinds[@]}"; do
    info "$kind: $(apps_of "${dbs[$kind]}" | tr ',' '\n' | wc -l) Odoo/OCA modules"
done
for kind in "${kinds[@]}"; do
    PYTHONPATH="$ODOO_PATH" "$PY" "$REPO_DIR/bench/bench_confirm_load.py" "$TILE_CONF" "${dbs[$kind]}" "$kind" "$port" \
        "$results" 2>&1 | quiet
done
PYTHONPATH="$ODOO_PATH" "$PY" "$REPO_DIR/bench/bench_confirm_load.py" --summary "$results"

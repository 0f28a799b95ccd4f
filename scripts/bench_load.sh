#!/usr/bin/env bash
# Concurrent confirmation load over JSON-RPC, tile vs plain Odoo (./tile bench load).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup
port=${TILE_BENCH_PORT:-$((TILE_HTTP_PORT + 300))}
tile_db=tile_bench_load_tile_$$
plain_db=tile_bench_load_plain_$$
apps_db=tile_bench_load_apps_$$
trap 'for db in "$tile_db" "$plain_db" "$apps_db"; do drop_db "$db" >/dev/null 2>&1 || true; done' EXIT
quiet() { grep -v -E '^[0-9-]+ [0-9:,]+ [0-9]+ (INFO|WARNING) |security risk' || true; }
info "installing the tile modules and plain Odoo (sale_stock + the same OCA lot modules), no demo"
odoo_bin -d "$tile_db" -i "$(tile_modules)" --without-demo=all --stop-after-init --log-level=warn --max-cron-threads=0 2>&1 | quiet
odoo_bin -d "$plain_db" -i sale_management,sale_stock,sale_order_lot_selection,stock_restrict_lot \
    --without-demo=all --stop-after-init --log-level=warn --max-cron-threads=0 2>&1 | quiet
# A second baseline: plain Odoo with every Odoo and OCA app the tile modules pull in (mrp,
# purchase, project, crm, loyalty, fleet...), so that the ratio shows the tile code's own cost
# apart from the cost of the apps a tile business runs anyway.
apps=$(pg_app "$tile_db" "SELECT string_agg(name, ',' ORDER BY name) FROM ir_module_module
                          WHERE state = 'installed' AND name NOT LIKE 'tile\_%'")
info "plain Odoo with the tile modules' apps: $(echo "$apps" | tr ',' '\n' | wc -l) modules"
odoo_bin -d "$apps_db" -i "$apps" --without-demo=all --stop-after-init --log-level=warn --max-cron-threads=0 2>&1 | quiet
for kind in plain apps tile; do
    db=$plain_db; [ "$kind" = tile ] && db=$tile_db; [ "$kind" = apps ] && db=$apps_db
    PYTHONPATH="$ODOO_PATH" "$PY" "$REPO_DIR/bench/bench_confirm_load.py" "$TILE_CONF" "$db" "$kind" "$port" 2>&1 | quiet
done

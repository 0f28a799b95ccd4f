#!/usr/bin/env bash
# Benchmarks named in the issues, on a throwaway database: ./tile bench [N]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup
n=${1:-200}
db=tile_bench_$$
trap 'drop_db "$db" >/dev/null 2>&1 || true' EXIT
modules=$(tile_modules)
info "installing $modules (no demo) into '$db'"
odoo_bin -d "$db" -i "$modules" --without-demo=all --stop-after-init --log-level=warn --max-cron-threads=0 \
    || die "installing the tile modules into the benchmark database failed (see above)."
quiet() { grep -v -E '^[0-9-]+ [0-9:,]+ [0-9]+ (INFO|WARNING) ' || true; }
echo "== tile_order_base: orders entered in m² vs plain quantities"
PYTHONPATH="$ODOO_PATH" "$PY" "$REPO_DIR/bench/bench_order_base.py" "$TILE_CONF" "$db" "$n" 2>&1 | quiet
echo "== tile_inventory: one-shade allocation"
PYTHONPATH="$ODOO_PATH" "$PY" "$REPO_DIR/bench/bench_inventory.py" "$TILE_CONF" "$db" 2>&1 | quiet

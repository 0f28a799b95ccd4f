#!/usr/bin/env bash
# ./tile bench production [N ...]: the production planning benchmarks (issue 10) on a throwaway database.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup
sizes=("$@")
db=tile_bench_production_$$
trap 'drop_db "$db" >/dev/null 2>&1 || true' EXIT
modules=$(tile_modules)
info "installing $modules (no demo) into '$db'"
odoo_bin -d "$db" -i "$modules" --without-demo=all --stop-after-init --log-level=warn --max-cron-threads=0 \
    || die "installing the tile modules into the benchmark database failed (see above)."
PYTHONPATH="$ODOO_PATH" "$PY" "$REPO_DIR/bench/bench_production.py" "$TILE_CONF" "$db" "${sizes[@]}" 2>&1 \
    | grep -v -E '^[0-9-]+ [0-9:,]+ [0-9]+ (INFO|WARNING) ' || true

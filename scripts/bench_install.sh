#!/usr/bin/env bash
# Install cost of tile_order_base and tile_inventory on a database that already holds
# N order lines and M journal items, and optionally P products (./tile bench install [N] [M] [P]),
# with the install hooks and without them (a copy of the modules whose manifests lack the hook).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup
n_sol=${1:-50000}
n_aml=${2:-200000}
n_products=${3:-0}
base=tile_bench_base_$$
work=$(mktemp -d)
cleanup() {
    for db in "$base" "${base}_empty" "${base}_with" "${base}_without" "${base}_e_with"; do
        drop_db "$db" >/dev/null 2>&1 || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
quiet() { grep -v -E '^[0-9-]+ [0-9:,]+ [0-9]+ (INFO|WARNING) |security risk' || true; }

info "base database: sale_management, account, sale_margin, stock, purchase (no demo)"
odoo_bin -d "$base" -i sale_management,account,sale_margin,sale_stock,purchase_stock --without-demo=all \
    --stop-after-init --log-level=warn --max-cron-threads=0 2>&1 | quiet
pg_app postgres 'CREATE DATABASE :"new" TEMPLATE :"tpl"' new="${base}_empty" tpl="$base" >/dev/null
PYTHONPATH="$ODOO_PATH" "$PY" "$REPO_DIR/bench/gen_big_db.py" "$TILE_CONF" "$base" "$n_sol" "$n_aml" "$n_products" 2>&1 | quiet
pg_app postgres 'CREATE DATABASE :"new" TEMPLATE :"tpl"' new="${base}_with" tpl="$base" >/dev/null
pg_app postgres 'CREATE DATABASE :"new" TEMPLATE :"tpl"' new="${base}_without" tpl="$base" >/dev/null

# The same modules without their pre_init_hook, first in the addons path.
mkdir -p "$work/addons"
for m in tile_order_base tile_inventory; do
    cp -r "$REPO_DIR/$m" "$work/addons/$m"
    sed -i '/"pre_init_hook"/d' "$work/addons/$m/__manifest__.py"
done
timed_install() {
    local db=$1 addons=$2 start
    start=$(date +%s%N)
    "$PY" "$ODOO_PATH/odoo-bin" -c "$TILE_CONF" --addons-path="$addons" -d "$db" -i tile_order_base,tile_inventory \
        --without-demo=all --stop-after-init --log-level=warn --max-cron-threads=0 2>&1 | quiet
    echo $(( ($(date +%s%N) - start) / 1000000 ))
}
with_addons="$ODOO_PATH/addons,$REPO_DIR"
without_addons="$ODOO_PATH/addons,$work/addons,$REPO_DIR"
products_note=""
[ "$n_products" -gt 0 ] && products_note=" + $n_products products"
# The big databases first: the first Odoo start of a run is the slowest (cold caches).
t_with=$(timed_install "${base}_with" "$with_addons")
t_without=$(timed_install "${base}_without" "$without_addons")
t_empty=$(timed_install "${base}_empty" "$with_addons")
echo "install tile_order_base + tile_inventory: empty database $((t_empty / 1000)).$((t_empty % 1000 / 100)) s;" \
    "with $n_sol order lines + $n_aml journal items$products_note: with the install hooks $((t_with / 1000)).$((t_with % 1000 / 100)) s," \
    "without them $((t_without / 1000)).$((t_without % 1000 / 100)) s"

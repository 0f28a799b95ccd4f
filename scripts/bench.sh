#!/usr/bin/env bash
# Benchmarks named in the issues, on a throwaway database: ./tile bench [N]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup
n=${1:-200}
bench_db
echo "== tile_order_base: orders entered in m² vs plain quantities"
bench_py bench_order_base.py "$n"
echo "== tile_inventory: one-shade allocation"
bench_py bench_inventory.py

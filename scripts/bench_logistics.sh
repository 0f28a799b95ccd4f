#!/usr/bin/env bash
# ./tile bench logistics [N]: N deliveries (default 500) into truck loads (tile_logistics) on a throwaway database.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup
bench_db logistics
bench_py bench_logistics.py "$@"

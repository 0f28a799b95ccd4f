#!/usr/bin/env bash
# ./tile bench xlsx [N]: tile_analytics' XLSX export of N tile order lines (default 100,000) on a throwaway database.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup
bench_db xlsx
bench_py bench_xlsx.py "$@"

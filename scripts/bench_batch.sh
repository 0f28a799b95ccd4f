#!/usr/bin/env bash
# ./tile bench batch [N]: N quotations (default 200) confirmed in one batch vs one by one in code (tile_order_batch).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup
bench_db batch
bench_py bench_order_batch.py "$@"

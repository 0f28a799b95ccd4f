#!/usr/bin/env bash
# ./tile bench review [N]: N orders (default 200) confirmed with 50 review rules and with none (tile_order_review).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup
bench_db review
bench_py bench_order_review.py "$@"

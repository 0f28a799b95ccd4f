#!/usr/bin/env bash
# ./tile bench production [N ...]: the production planning benchmarks (issue 10) on a throwaway database.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup
bench_db production
bench_py bench_production.py "$@"

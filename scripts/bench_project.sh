#!/usr/bin/env bash
# ./tile bench project [P]: the project contract benchmarks (issue 9) on a throwaway database.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup
bench_db project
bench_py bench_project.py "${1:-200}"

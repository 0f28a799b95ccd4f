#!/usr/bin/env bash
# ./tile tours [N]: every tile browser tour N times in a row (default 5) on a database with
# demo data and on one without, then N more times while every CPU core is kept busy by
# another process. Prints one line per run and a summary; exits non-zero if any run failed.
# The tours wait on states, never on time: this is the proof that they do not flake.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup

n=${1:-5}
case "$n" in '' | *[!0-9]*) die "usage: ./tile tours [N] (N: how many runs of each kind)" ;; esac
modules=$(tile_modules)
# The HttpCase classes of the tile modules that start tours (the 1440 px screen check included).
classes=$(cd "$REPO_DIR" && grep -l 'start_tour' tile_*/tests/*.py \
    | while read -r f; do
        m=${f%%/*}
        grep -oE '^class [A-Za-z0-9_]+\(HttpCase' "$f" | sed -E "s#class ([A-Za-z0-9_]+).*#/$m:\1#"
    done | paste -sd, -)
[ -n "$classes" ] || die "no HttpCase test class found in tile_*/tests."
port=$(free_port)
dbs=()
hogs=()
cleanup() {
    [ ${#hogs[@]} -gt 0 ] && kill "${hogs[@]}" 2>/dev/null
    for db in "${dbs[@]}"; do drop_db "$db" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

runs=0; failures=0
run_tours() {  # db label
    local db=$1 label=$2 log out
    runs=$((runs + 1))
    log=$TILE_HOME/tours-$db-$runs.log
    odoo_bin -d "$db" --test-enable --test-tags "$classes" --stop-after-init --http-port "$port" \
        --max-cron-threads=0 --log-level=info > "$log" 2>&1 || true
    out=$(grep -oE '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$log" | tail -n1)
    if [ -z "$out" ] || ! grep -q '^0 failed, 0 error' <<<"$out"; then
        failures=$((failures + 1))
        echo "$label: FAILED (${out:-no test summary}); $(grep -m1 -oE 'FAILED: .*' "$log" | cut -c1-200); log: $log"
    else
        echo "$label: ok ($out)"
    fi
}

for demo in with without; do
    db=tile_tours_$(id -u)_$$_$demo
    dbs+=("$db")
    flag=(); [ "$demo" = without ] && flag=(--without-demo=all)
    info "installing $modules $demo demo data into '$db'"
    odoo_bin -d "$db" -i "$modules" "${flag[@]}" --stop-after-init --log-level=warn --max-cron-threads=0 \
        >/dev/null 2>&1 || die "installing the tile modules into '$db' failed"
    for i in $(seq 1 "$n"); do run_tours "$db" "$demo demo, run $i/$n"; done
done

cores=$(nproc)
info "keeping all $cores cores busy with $cores other processes"
for _ in $(seq 1 "$cores"); do
    "$PY" -c 'while True: pass' &
    hogs+=($!)
done
for i in $(seq 1 "$n"); do run_tours "${dbs[0]}" "with demo, CPU busy ($cores hogs), run $i/$n"; done
kill "${hogs[@]}" 2>/dev/null; hogs=()

echo "tour runs: $runs, failed: $failures (tests: $classes)"
[ "$failures" -eq 0 ]

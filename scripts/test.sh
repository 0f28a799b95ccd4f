#!/usr/bin/env bash
# The README's test command: a throwaway database with every tile module (and its
# demo data) installed, every module test including the browser tours, then the
# repository-level tests in tests/. Ends with one line "N passed, N failed".
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

run_setup

modules=${TILE_TEST_MODULES:-$(tile_modules)}
[ -n "$modules" ] || die "no tile module (tile_*/__manifest__.py) found in $REPO_DIR."
tags=${TILE_TEST_TAGS:-$(echo "$modules" | sed 's/\(^\|,\)/\1\//g')}
# tile_test_<uid>_<pid>: whose run it is, so a run only ever drops its own user's leftovers.
uid=$(id -u)
db=tile_test_${uid}_$$
log=$TILE_HOME/test-$db.log
mkdir -p "$TILE_HOME"

drop_stale_test_dbs
cleanup() {
    drop_db "$db" >/dev/null 2>&1 || true
    rm -rf "$TILE_DATA_DIR/filestore/$db"
}
trap cleanup EXIT
# HttpCase tours need an HTTP server: a free port, so that runs at the same time never collide.
test_port=${TILE_TEST_HTTP_PORT:-$(free_port)}

info "installing $modules into the throwaway database '$db' and running tests tagged $tags"
info "full log: $log"
start=$(date +%s)
set +e
odoo_bin -d "$db" -i "$modules" --test-enable --test-tags "$tags" \
    --stop-after-init --http-port "$test_port" --log-level=info \
    --max-cron-threads=0 > "$log" 2>&1
odoo_rc=$?
set -e
info "Odoo finished in $(( $(date +%s) - start )) s (exit code $odoo_rc)"

# Odoo logs "<f> failed, <e> error(s) of <n> tests when loading database ...".
summary=$(grep -oE '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading' "$log" | tail -n 1 || true)
read -r o_failed o_errors o_total < <(echo "$summary" | sed -E 's/([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/')
o_failed=${o_failed:-0}; o_errors=${o_errors:-0}; o_total=${o_total:-0}
# A skipped tile test, or any tour skipped for want of Chromium or websocket-client, proves
# nothing: count it as failed. (Odoo's own tests skip a few cases needing Enterprise modules.)
o_skipped=$(grep -E 'INFO .* skipped .* : ' "$log" | grep -cE 'odoo\.addons\.tile_|websocket|[Cc]hrom|browser' || true)
# Errors outside a test (a broken view, demo data that does not load) fail the run too.
o_logged_errors=$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" | grep -vcE 'FAIL:|ERROR:|failed, [0-9]+ error' || true)
# Odoo only warns when a module's demo data fails and installs it without: a failure here.
o_demo_failed=$(grep -cE 'WARNING .* demo data failed to install' "$log" || true)
o_logged_errors=$((o_logged_errors + o_demo_failed))
if [ -z "$summary" ]; then
    info "Odoo printed no test summary: the modules did not install or no test ran."
    o_logged_errors=$((o_logged_errors + 1))
fi
if [ "$o_total" -eq 0 ]; then
    info "Odoo ran no test."
fi
grep -E ' (ERROR|CRITICAL) | skipped .* : |demo data failed to install|^(FAIL|ERROR): |^Traceback|^[A-Za-z.]*Error: ' "$log" | head -n 200 >&2 || true
o_bad=$((o_failed + o_errors + o_skipped))
o_passed=$((o_total - o_failed - o_errors - o_skipped))
[ "$o_passed" -ge 0 ] || o_passed=0
info "Odoo module tests: $o_total run, $o_failed failed, $o_errors errors, $o_skipped skipped (counted as failed), $o_logged_errors other logged errors"

# Repository-level tests (compose file, scripts) with pytest.
p_passed=0; p_failed=0
if compgen -G "$REPO_DIR/tests/test_*.py" >/dev/null; then
    set +e
    presult=$(cd "$REPO_DIR" && TILE_TEST_DB=$db "$PY" -m pytest -q -p no:cacheprovider -p no:odoo tests 2>&1)
    set -e
    echo "$presult" | tail -n 30 >&2
    p_passed=$(echo "$presult" | tail -n1 | { grep -oE '[0-9]+ passed' || true; } | cut -d' ' -f1)
    p_passed=${p_passed:-0}
    p_failed=$(echo "$presult" | tail -n1 | { grep -oE '[0-9]+ (failed|error)' || true; } | awk '{s+=$1} END {print s+0}')
    echo "$presult" | grep -qE '[0-9]+ (passed|failed)' || p_failed=$((p_failed + 1))
fi

# The lint in check mode (rewrites nothing), as ./tile lint --check: each hook is one test.
# TILE_TEST_LINT=0 leaves it out of a narrowed run while developing.
l_passed=0; l_failed=0
if [ "${TILE_TEST_LINT:-1}" != 0 ]; then
    info "lint (check mode, nothing rewritten)"
    set +e
    lresult=$(bash "$REPO_DIR/scripts/lint.sh" --check 2>&1)
    lrc=$?
    set -e
    l_passed=$(grep -cE '\.(Passed)$' <<<"$lresult" || true)
    l_failed=$(grep -cE '\.(Failed)$' <<<"$lresult" || true)
    if [ "$lrc" -ne 0 ]; then
        echo "$lresult" | head -n 200 >&2
        [ "$l_failed" -gt 0 ] || l_failed=1
    fi
    info "lint: $l_passed hooks passed, $l_failed failed"
fi

passed=$((o_passed + p_passed + l_passed))
failed=$((o_bad + o_logged_errors + p_failed + l_failed))
[ "$odoo_rc" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

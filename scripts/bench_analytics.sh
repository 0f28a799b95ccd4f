#!/usr/bin/env bash
# Sales analysis at scale (issue 12): plain Odoo's vs tile_analytics' over the same order lines.
#   ./tile bench analytics gen [N] [plain|tile]  (re)create and fill the two databases with the same
#       N order lines (default 1,000,000; 3 years up to today, or TILE_BIG_END=YYYY-MM-DD):
#       $TILE_BIG_PLAIN_DB (plain Odoo: sale_management) and $TILE_BIG_TILE_DB (tile_analytics),
#       no demo; kept afterwards (about 0.5 GB each). plain or tile: that database only.
#   ./tile bench analytics [--runs 5] [--changed N] [--only WORD ...]  time the analysis views on
#       both (bench/bench_analytics.py: first load and one regroup of each view).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_setup
plain_db=${TILE_BIG_PLAIN_DB:-tile_big_plain}
tile_db=${TILE_BIG_TILE_DB:-tile_big_tile}
quiet() { grep -v -E '^[0-9-]+ [0-9:,]+ [0-9]+ (INFO|WARNING) |security risk' || true; }

if [ "${1:-}" = gen ]; then
    shift
    n=${1:-1000000}
    only=${2:-}
    end=${TILE_BIG_END:-$(date -u +%F)}
    for pair in "plain:$plain_db:sale_management" "tile:$tile_db:tile_analytics"; do
        IFS=: read -r kind db modules <<<"$pair"
        [ -z "$only" ] || [ "$only" = "$kind" ] || continue
        drop_db "$db"
        info "installing $modules (no demo) into '$db'"
        odoo_bin -d "$db" -i "$modules" --without-demo=all --stop-after-init --log-level=warn \
            --max-cron-threads=0 2>&1 | quiet
        info "filling '$db' with $n order lines up to $end"
        PYTHONPATH="$ODOO_PATH" "$PY" "$REPO_DIR/bench/gen_sales_1m.py" "$TILE_CONF" "$db" "$n" "$end" 2>&1 | quiet
        echo "$db: $(pg_app postgres "SELECT pg_size_pretty(pg_database_size(:'name'))" name="$db")"
    done
    exit 0
fi

for db in "$plain_db" "$tile_db"; do
    db_exists "$db" || die "no database '$db': run ./tile bench analytics gen first."
done
PYTHONPATH="$ODOO_PATH:$REPO_DIR/bench" "$PY" "$REPO_DIR/bench/bench_analytics.py" \
    "$TILE_CONF" "$plain_db" "$tile_db" "$@" 2>&1 | quiet

"""Load benchmark: salespeople confirming orders at the same time, over JSON-RPC.

Usage: bench_confirm_load.py ODOO_CONF DB KIND PORT [RESULTS.jsonl]
       bench_confirm_load.py --summary RESULTS.jsonl
KIND: plain, core-apps, core, apps or suite (scripts/bench_load.sh says what each holds);
core and suite have the tile modules. Seeds 20 lot-tracked products x 30 lots and 20
salespeople, starts Odoo in workers mode on 127.0.0.1:PORT, then for N = 1, 5, 10, 20 users
each user creates 3-line quotations and confirms them (a fixed number of orders per run,
TILE_BENCH_REPEAT runs per N). Prints p50 / p95 / p99 of the confirmation time, throughput,
refusals, serialization retries seen in the server log, allocations moved off lots another
confirmation was taking, and an oversell check; --summary prints each N's median p95 and
pooled p95 per kind and the ratios. Nothing is asserted. TILE_BENCH_USERS (e.g. "20") and
TILE_BENCH_ORDERS (confirmations per run, 60) narrow or widen a run.
"""

import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

import odoo
from odoo import Command
from odoo.modules.registry import Registry

PRODUCTS, LOTS, USERS, LINES = 20, 30, 20, 3
ORDERS_PER_RUN = int(os.environ.get("TILE_BENCH_ORDERS", "60"))  # confirmations per run, over the N users
RUNS = tuple(int(n) for n in os.environ.get("TILE_BENCH_USERS", "1,5,10,20").split(","))
REPEAT = int(os.environ.get("TILE_BENCH_REPEAT", "5"))
TILE_KINDS = ("tile", "core", "suite")
PASSWORD = "Bench-Load-pw-2026!"  # also meets OCA password_security's own defaults (the apps baseline)


def seed(conf, dbname, kind):
    odoo.tools.config.parse_config(["-c", conf, "-d", dbname, "--log-level=warn"])
    registry = Registry(dbname)
    rng = random.Random(42)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        stock = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1).lot_stock_id
        vals = []
        for i in range(PRODUCTS):
            v = {"name": f"Load tile {i}", "is_storable": True, "tracking": "lot", "list_price": 80}
            if kind in TILE_KINDS:
                v.update(
                    tile_is_tile=True,
                    tile_length_mm=600,
                    tile_width_mm=600,
                    tile_thickness_mm=10,
                    tile_pieces_per_box=4,
                    tile_m2_per_box=1.44,
                )
            vals.append(v)
        products = env["product.product"].create(vals)
        for product in products:
            for j in range(LOTS):
                lot = env["stock.lot"].create(
                    dict(
                        {"name": f"L{product.id}-{j}", "product_id": product.id},
                        **(
                            {"tile_shade": f"S{j % 7}", "tile_caliber": str(j % 2)}
                            if kind in TILE_KINDS
                            else {}
                        ),
                    )
                )
                env["stock.quant"]._update_available_quantity(
                    product, stock, 4 * rng.randint(180, 900), lot_id=lot
                )
        group = env.ref("sales_team.group_sale_salesman")
        # The bench measures confirmation, not sign-in: tile_security's second factor (which makes
        # RPC take API keys only) is off on the bench database, as on plain Odoo.
        env["ir.config_parameter"].set_param("auth_totp.policy", False)
        users = env["res.users"].create(
            [
                {
                    "name": f"Load seller {i}",
                    "login": f"load_seller_{i}",
                    "password": PASSWORD,
                    "groups_id": [Command.set([group.id, env.ref("base.group_user").id])],
                }
                for i in range(USERS)
            ]
        )
        partners = env["res.partner"].create([{"name": f"Load customer {i}"} for i in range(USERS)])
        return products.ids, users.ids, partners.ids


class Rpc:
    def __init__(self, port, db, uid):
        self.url, self.db, self.uid = f"http://127.0.0.1:{port}/jsonrpc", db, uid

    def call(self, model, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [self.db, self.uid, PASSWORD, model, method, list(args)],
            },
        }
        request = urllib.request.Request(
            self.url, json.dumps(payload).encode(), {"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            body = json.loads(response.read())
        if "error" in body:
            raise RuntimeError(
                body["error"]["data"].get("name", "") + ": " + body["error"]["data"].get("message", "")
            )
        return body["result"]


def run(port, db, kind, n_users, products, users, partners, seed_value, orders=ORDERS_PER_RUN):
    times, refused, errors = [], [0], []
    per_user = max(1, orders // n_users)
    lock = threading.Lock()

    def user_loop(index):
        rng = random.Random(seed_value * 100 + index)
        rpc = Rpc(port, db, users[index])
        for _k in range(per_user):
            lines = []
            for product in rng.sample(products, LINES):
                boxes = rng.randint(10, 40)
                if kind in TILE_KINDS:
                    lines.append(
                        [0, 0, {"product_id": product, "tile_entry_unit": "box", "tile_entry_qty": boxes}]
                    )
                else:
                    lines.append([0, 0, {"product_id": product, "product_uom_qty": boxes * 4}])
            order_id = rpc.call("sale.order", "create", {"partner_id": partners[index], "order_line": lines})
            start = time.perf_counter()
            try:
                rpc.call("sale.order", "action_confirm", [order_id])
                with lock:
                    times.append(time.perf_counter() - start)
            except RuntimeError as exc:
                with lock:
                    if "UserError" in str(exc):
                        refused[0] += 1
                    else:
                        errors.append(str(exc)[:200])

    threads = [threading.Thread(target=user_loop, args=(i,)) for i in range(n_users)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    wall = time.perf_counter() - start
    return times, refused[0], errors, wall


def moved_off_busy_lots(dbname):
    """Allocation decisions that skipped a lot another confirmation was taking (the chatter says so)."""
    with Registry(dbname).cursor() as cr:
        cr.execute(
            "SELECT count(*) FROM mail_message WHERE model = 'sale.order' AND body LIKE %s",
            ["%no other order was taking%"],
        )
        return cr.fetchone()[0]


def oversell(conf, dbname, kind):
    registry = Registry(dbname)
    with registry.cursor() as cr:
        cr.execute("SELECT count(*) FROM stock_quant WHERE reserved_quantity > quantity + 0.001")
        over_reserved = cr.fetchone()[0]
        over_promised = 0
        if kind in TILE_KINDS:
            cr.execute(
                """SELECT count(*) FROM (
                       SELECT l.lot_id, SUM(l.product_uom_qty) AS sold,
                              (SELECT SUM(q.quantity) FROM stock_quant q JOIN stock_location loc
                                   ON loc.id = q.location_id AND loc.usage = 'internal'
                                WHERE q.lot_id = l.lot_id) AS stock
                         FROM sale_order_line l WHERE l.state = 'sale' AND l.lot_id IS NOT NULL
                     GROUP BY l.lot_id) x WHERE sold > stock + 0.001"""
            )
            over_promised = cr.fetchone()[0]
        return over_reserved, over_promised


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main(conf, dbname, kind, port, results_path=None):
    products, users, partners = seed(conf, dbname, kind)
    log_path = f"/tmp/bench_load_{dbname}.log"
    server = subprocess.Popen(
        [
            sys.executable,
            f"{odoo.__path__[0]}/../odoo-bin",
            "-c",
            conf,
            "-d",
            dbname,
            "--db-filter",
            f"^{dbname}$",
            "--workers=2",
            "--max-cron-threads=0",
            f"--http-port={port}",
            "--gevent-port",
            str(port + 1),
            "--http-interface=127.0.0.1",
            "--log-level=info",
            f"--logfile={log_path}",
            "--limit-time-real=600",
            "--limit-time-cpu=600",
        ],
    )
    try:
        for _i in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/web/login", timeout=5)
                break
            except OSError:
                time.sleep(1)
        # Warm-up, not measured: each worker loads the registry and each user's access rules
        # on its first requests.
        run(port, dbname, kind, USERS, products, users, partners, 0, orders=2 * USERS)
        for n in RUNS:
            for repeat in range(REPEAT):
                measure(port, dbname, kind, n, repeat, products, users, partners, log_path, results_path)
    finally:
        server.terminate()
        server.wait(timeout=60)


def serialization_failures(log_path):
    with open(log_path, encoding="utf-8", errors="replace") as log:
        return sum(1 for line in log if "SerializationFailure" in line or "could not serialize" in line)


def measure(port, dbname, kind, n, repeat, products, users, partners, log_path, results_path):
    before, moved_before = serialization_failures(log_path), moved_off_busy_lots(dbname)
    times, refused, errors, wall = run(port, dbname, kind, n, products, users, partners, n * 10 + repeat)
    retries = serialization_failures(log_path) - before
    moved = moved_off_busy_lots(dbname) - moved_before
    over_reserved, over_promised = oversell(None, dbname, kind)
    verdict = (
        "NONE" if not (over_reserved or over_promised) else f"{over_reserved} quants, {over_promised} lots"
    )
    row = {
        "kind": kind,
        "n": n,
        "repeat": repeat,
        "confirmed": len(times),
        "refused": refused,
        "errors": len(errors),
        "p50": statistics.median(times) if times else None,
        "p95": percentile(times, 95) if times else None,
        "p99": percentile(times, 99) if times else None,
        "throughput": len(times) / wall,
        "retries": retries,
        "moved": moved,
        "oversell": verdict,
        "times": times,
    }
    print(
        f"{kind:9} N={n:>2} run {repeat + 1}: {len(times):>3} confirmed, {refused} refused, "
        f"{len(errors)} errors; "
        f"confirm p50 {row['p50'] or float('nan'):.3f} s, p95 {row['p95'] or float('nan'):.3f} s, "
        f"p99 {row['p99'] or float('nan'):.3f} s; throughput {row['throughput']:.2f} confirms/s; "
        f"retries {retries}; moved off busy lots {moved}; oversell {verdict}",
        flush=True,
    )
    for error in errors[:3]:
        print("   error:", error)
    if results_path:
        with open(results_path, "a", encoding="utf-8") as results:
            results.write(json.dumps(row) + "\n")


def summary(results_path):
    """Each N's median over the runs of p95 (and p50, throughput), the p95 of all runs' confirmations
    pooled, then the ratios."""
    rows = [json.loads(line) for line in open(results_path, encoding="utf-8") if line.strip()]
    kinds = [
        kind
        for kind in ("plain", "core-apps", "core", "apps", "suite")
        if any(r["kind"] == kind for r in rows)
    ]

    def med(kind, n, key):
        values = [r[key] for r in rows if r["kind"] == kind and r["n"] == n and r[key] is not None]
        return statistics.median(values) if values else float("nan")

    def pooled(kind, n):
        times = [t for r in rows if r["kind"] == kind and r["n"] == n for t in r.get("times", [])]
        return percentile(times, 95)

    print(
        "\nmedian over the runs (seconds; throughput in confirms/s; retries and moves summed; "
        "oversell in any run); pooled p95: of every confirmation of the runs"
    )
    print(
        f"{'kind':9} {'N':>3} {'p50':>7} {'p95':>7} {'p99':>7} {'pooled':>7} {'thru':>6} {'retries':>7} "
        f"{'moved':>5}  oversell"
    )
    for kind in kinds:
        for n in RUNS:
            mine = [r for r in rows if r["kind"] == kind and r["n"] == n]
            oversold = [r["oversell"] for r in mine if r["oversell"] != "NONE"] or ["NONE"]
            p50, p95, p99 = (med(kind, n, key) for key in ("p50", "p95", "p99"))
            retries = sum(r["retries"] for r in mine)
            moved = sum(r.get("moved", 0) for r in mine)
            print(
                f"{kind:9} {n:>3} {p50:7.3f} {p95:7.3f} {p99:7.3f} {pooled(kind, n):7.3f} "
                f"{med(kind, n, 'throughput'):6.2f} {retries:>7} {moved:>5}  {oversold[0]}"
            )
    pairs = [("core", "plain"), ("core", "core-apps"), ("suite", "plain"), ("suite", "apps")]
    print("\nratios: median p95 / pooled p95 / throughput")
    for tile, base in pairs:
        if tile in kinds and base in kinds:
            cells = ", ".join(
                f"N={n}: {med(tile, n, 'p95') / med(base, n, 'p95'):.2f}x / "
                f"{pooled(tile, n) / pooled(base, n):.2f}x / "
                f"{med(tile, n, 'throughput') / med(base, n, 'throughput'):.2f}x"
                for n in RUNS
            )
            print(f"{tile} / {base}: {cells}")


if __name__ == "__main__":
    if sys.argv[1] == "--summary":
        summary(sys.argv[2])
    else:
        main(
            sys.argv[1],
            sys.argv[2],
            sys.argv[3],
            int(sys.argv[4]),
            sys.argv[5] if len(sys.argv) > 5 else None,
        )

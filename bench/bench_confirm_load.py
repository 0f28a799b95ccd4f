"""Load benchmark: salespeople confirming orders at the same time, over JSON-RPC.

Usage: bench_confirm_load.py ODOO_CONF DB {tile|plain|apps} PORT
Run for plain Odoo (sale_stock + the OCA lot modules), plain Odoo with every app the tile
modules install ("apps": mrp, purchase, project, crm, loyalty, fleet...) and the tile suite.
Seeds 20 lot-tracked products x 30 lots and 20 salespeople, starts Odoo in workers
mode on 127.0.0.1:PORT, then for N = 1, 5, 10, 20 users each user creates 3-line
quotations and confirms them (bounded: a fixed number of orders per run). Prints p50 /
p95 / p99 of the confirmation time, throughput, refusals, serialization retries seen in
the server log, and an oversell check. Nothing is asserted.
"""

import json
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
ORDERS_PER_RUN = 60  # confirmations per N, spread over the N users
RUNS = (1, 5, 10, 20)
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
            if kind == "tile":
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
                        **({"tile_shade": f"S{j % 7}", "tile_caliber": str(j % 2)} if kind == "tile" else {}),
                    )
                )
                env["stock.quant"]._update_available_quantity(
                    product, stock, 4 * rng.randint(60, 300), lot_id=lot
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


def run(port, db, kind, n_users, products, users, partners, seed_value):
    times, refused, errors = [], [0], []
    per_user = max(1, ORDERS_PER_RUN // n_users)
    lock = threading.Lock()

    def user_loop(index):
        rng = random.Random(seed_value * 100 + index)
        rpc = Rpc(port, db, users[index])
        for _k in range(per_user):
            lines = []
            for product in rng.sample(products, LINES):
                boxes = rng.randint(10, 40)
                if kind == "tile":
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


def oversell(conf, dbname, kind):
    registry = Registry(dbname)
    with registry.cursor() as cr:
        cr.execute("SELECT count(*) FROM stock_quant WHERE reserved_quantity > quantity + 0.001")
        over_reserved = cr.fetchone()[0]
        over_promised = 0
        if kind == "tile":
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


def main(conf, dbname, kind, port):
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
        for n in RUNS:
            with open(log_path, encoding="utf-8", errors="replace") as log:
                before = sum(
                    1 for line in log if "SerializationFailure" in line or "could not serialize" in line
                )
            times, refused, errors, wall = run(port, dbname, kind, n, products, users, partners, n)
            with open(log_path, encoding="utf-8", errors="replace") as log:
                retries = sum(
                    1 for line in log if "SerializationFailure" in line or "could not serialize" in line
                )
            retries -= before
            over_reserved, over_promised = oversell(conf, dbname, kind)
            verdict = (
                "NONE"
                if not (over_reserved or over_promised)
                else f"{over_reserved} quants, {over_promised} lots"
            )
            print(
                f"{kind:5} N={n:>2}: {len(times):>3} confirmed, {refused} refused, {len(errors)} errors; "
                f"confirm p50 {statistics.median(times) if times else float('nan'):.3f} s, "
                f"p95 {percentile(times, 95):.3f} s, p99 {percentile(times, 99):.3f} s; "
                f"throughput {len(times) / wall:.2f} confirms/s; retries {retries}; "
                f"oversell {verdict}"
            )
            for error in errors[:3]:
                print("   error:", error)
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))

"""Benchmark: N quotations confirmed from the list in one batch vs one by one in code.

Run on a database holding tile_order_batch (./tile bench batch, or by hand:
python bench/bench_order_batch.py ODOO_CONF DB [N]). Both flows confirm N quotations of
3 tile lines (pickings made by sale_stock); the batch tries all orders in one savepoint
(when one fails: the orders before it again together, it alone, the rest together) and
writes a result line per order.
Prints wall time and SQL queries of both flows and their ratios (target <= 1.1 at N=200),
then the same batch with one order refused. Nothing is asserted; everything is rolled back.
"""

import sys

from bench_common import timed

import odoo
from odoo import Command
from odoo.modules.registry import Registry


def make_orders(env, partner, tiles, n):
    return env["sale.order"].create(
        [
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create(
                        {"product_id": tile.id, "tile_entry_unit": "m2", "tile_entry_qty": 10 + i % 7}
                    )
                    for tile in tiles
                ],
            }
            for i in range(n)
        ]
    )


def one_by_one(orders):
    for order in orders:
        order.action_confirm()


def batch(env, orders):
    wizard = env["tile.order.batch"].create({"operation": "confirm", "order_ids": [Command.set(orders.ids)]})
    wizard.action_run()
    return wizard


def main(conf, dbname, n):
    odoo.tools.config.parse_config(["-c", conf, "-d", dbname, "--log-level=warn"])
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        tiles = env["product.product"].create(
            [
                {
                    "name": f"Bench batch tile {i}",
                    "type": "consu",
                    "is_storable": True,
                    "tile_is_tile": True,
                    "tile_length_mm": 600,
                    "tile_width_mm": 600,
                    "tile_pieces_per_box": 4,
                    "tile_m2_per_box": 1.44,
                    "tile_weight_per_box": 32,
                    "tile_boxes_per_pallet": 40,
                    "list_price": 80 + i,
                }
                for i in range(3)
            ]
        )
        partner = env["res.partner"].create({"name": "Bench batch customer", "email": "bench@example.com"})
        # Warm-up: both code paths compiled and cached before anything is timed.
        one_by_one(make_orders(env, partner, tiles, 3))
        batch(env, make_orders(env, partner, tiles, 3))
        runs = {"code": [], "batch": []}

        def run_code():
            orders = make_orders(env, partner, tiles, n)
            runs["code"].append(timed(env, lambda: one_by_one(orders))[:2])

        def run_batch():
            orders = make_orders(env, partner, tiles, n)
            seconds, queries, wizard = timed(env, lambda: batch(env, orders))
            assert wizard.done_count == n, wizard.line_ids.filtered(lambda line: line.state != "done").mapped(
                "message"
            )
            runs["batch"].append((seconds, queries))

        # Alternated, so that neither flow always runs on the larger tables left by the other.
        for flows in ((run_code, run_batch), (run_batch, run_code), (run_code, run_batch)):
            for flow in flows:
                flow()
        # The same batch with its middle order cancelled: the orders before it run twice.
        orders = make_orders(env, partner, tiles, n)
        orders[n // 2].action_cancel()
        failing_t, failing_q, wizard = timed(env, lambda orders=orders: batch(env, orders))
        assert (wizard.done_count, wizard.refused_count) == (n - 1, 1)
        failing_at = wizard.line_ids.mapped("state").index("refused") + 1
        code_t = min(t for t, _q in runs["code"])
        batch_t = min(t for t, _q in runs["batch"])
        code_q, batch_q = runs["code"][0][1], runs["batch"][0][1]
        print(f"quotations: {n} x 3 tile lines, confirmed (deliveries made by sale_stock)")
        print(f"one by one in code (order.action_confirm()): {code_t:.2f} s, {code_q} queries")
        print(f"batch from the list (tile.order.batch):      {batch_t:.2f} s, {batch_q} queries")
        print(f"wall-time ratio batch/one-by-one: {batch_t / code_t:.3f}  (target <= 1.1)")
        print(f"SQL-query ratio batch/one-by-one: {batch_q / code_q:.3f}")
        print(
            f"batch with one order refused (order {failing_at} of {n} in the batch): "
            f"{failing_t:.2f} s, {failing_q} queries, ratio {failing_t / code_t:.3f}"
        )
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 200)

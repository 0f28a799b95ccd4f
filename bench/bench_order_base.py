"""Benchmark: N orders of 5 tile lines entered in m² vs the same N orders of plain lines.

Run through ./tile bench (it creates a throwaway database with tile_order_base).
Prints wall time and SQL queries of both flows and their ratios (target ≤ 1.15 at N=200).
Nothing is asserted: the figures are for the issue notes.
"""

import sys
import time

import odoo
from odoo import Command
from odoo.modules.registry import Registry


def build_products(env):
    tiles, plains = [], []
    for i, (length, width, pcs, m2) in enumerate(
        [
            (300, 600, 8, 1.44),
            (600, 600, 4, 1.44),
            (800, 800, 3, 1.92),
            (600, 1200, 2, 1.44),
            (750, 1500, 2, 2.25),
        ]
    ):
        tiles.append(
            env["product.product"].create(
                {
                    "name": f"Bench tile {length}×{width}",
                    "type": "consu",
                    "tile_is_tile": True,
                    "tile_length_mm": length,
                    "tile_width_mm": width,
                    "tile_pieces_per_box": pcs,
                    "tile_m2_per_box": m2,
                    "tile_weight_per_box": 30,
                    "tile_boxes_per_pallet": 40,
                    "list_price": 80 + i,
                }
            )
        )
        plains.append(
            env["product.product"].create({"name": f"Bench plain {i}", "type": "consu", "list_price": 80 + i})
        )
    return tiles, plains


def run_flow(env, partner, line_factory, n):
    cr = env.cr
    env.flush_all()
    env.invalidate_all()
    queries_before = cr.sql_log_count
    start = time.perf_counter()
    for i in range(n):
        order = env["sale.order"].create({"partner_id": partner.id, "order_line": line_factory(i)})
        order.action_confirm()
    env.flush_all()
    return time.perf_counter() - start, cr.sql_log_count - queries_before


def main(conf, dbname, n):
    odoo.tools.config.parse_config(["-c", conf, "-d", dbname, "--log-level=warn"])
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        tiles, plains = build_products(env)
        partner = env["res.partner"].create({"name": "Bench customer"})
        areas = [12.5, 20, 7.3, 33.1, 9.9]

        def tile_lines(i):
            return [
                Command.create({"product_id": t.id, "tile_entry_unit": "m2", "tile_entry_qty": a + i % 7})
                for t, a in zip(tiles, areas, strict=True)
            ]

        def plain_lines(i):
            return [
                Command.create({"product_id": p.id, "product_uom_qty": round(a + i % 7)})
                for p, a in zip(plains, areas, strict=True)
            ]

        # Warm-up so that both flows start with the same caches and prepared code paths.
        run_flow(env, partner, tile_lines, 3)
        run_flow(env, partner, plain_lines, 3)
        results = {}
        for name, factory in (
            ("plain", plain_lines),
            ("tile", tile_lines),
            ("plain2", plain_lines),
            ("tile2", tile_lines),
        ):
            results[name] = run_flow(env, partner, factory, n)
        plain_t = min(results["plain"][0], results["plain2"][0])
        tile_t = min(results["tile"][0], results["tile2"][0])
        plain_q, tile_q = results["plain"][1], results["tile"][1]
        print(f"orders: {n} x 5 lines, created and confirmed")
        print(f"plain products, plain quantities: {plain_t:.2f} s, {plain_q} queries")
        print(f"tile products, quantities in m²:  {tile_t:.2f} s, {tile_q} queries")
        print(f"wall-time ratio tile/plain: {tile_t / plain_t:.3f}  (target <= 1.15)")
        print(f"SQL-query ratio tile/plain: {tile_q / plain_q:.3f}  (target <= 1.15)")
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 200)

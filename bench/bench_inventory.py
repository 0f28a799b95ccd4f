"""Benchmark: one-shade allocation of a 20-line order as lots per product grow.

Run through ./tile bench (throwaway database with tile_inventory, no demo).
Prints the allocation time at 100, 1,000 and 10,000 lots per product, how it grows
(against n log n), and the confirm-and-reserve time of the tile order against the same
order on plain lot-tracked products (Odoo's own reservation). Nothing is asserted.
"""

import math
import sys
import time

import odoo
from odoo import Command
from odoo.modules.registry import Registry

LINES = 20


def make_products(env, prefix, tile):
    vals = []
    for i in range(LINES):
        v = {"name": f"{prefix} {i}", "is_storable": True, "tracking": "lot", "list_price": 80}
        if tile:
            v.update(
                {
                    "tile_is_tile": True,
                    "tile_length_mm": 600,
                    "tile_width_mm": 600,
                    "tile_pieces_per_box": 4,
                    "tile_m2_per_box": 1.44,
                }
            )
        vals.append(v)
    return env["product.product"].create(vals)


def add_lots(env, products, n_lots, location, tag):
    """n_lots lots per product with 40..4000 pieces each, inserted in bulk (set-up, not measured)."""
    cr = env.cr
    company = env.company.id
    for product in products:
        cr.execute(
            """INSERT INTO stock_lot
                      (name, product_id, company_id, tile_shade, tile_caliber, create_date, write_date)
               SELECT %s || '-' || %s || '-' || g, %s, %s, 'S' || (g %% 17), (g %% 3)::text, now(), now()
                 FROM generate_series(1, %s) g RETURNING id""",
            [tag, product.id, product.id, company, n_lots],
        )
        lot_ids = [row[0] for row in cr.fetchall()]
        cr.execute(
            """INSERT INTO stock_quant
                      (product_id, lot_id, location_id, company_id, quantity, reserved_quantity,
                       in_date, create_date, write_date)
               SELECT %s, lot_id, %s, %s, 40 + (lot_id * 37) %% 3960, 0, now(), now(), now()
                 FROM unnest(%s) AS lot_id""",
            [product.id, location.id, company, lot_ids],
        )
    env.invalidate_all()


def order_for(env, partner, products, tile):
    lines = []
    for i, product in enumerate(products):
        qty = 300 + 40 * i  # pieces: some lots fit, most do not
        if tile:
            lines.append(
                Command.create({"product_id": product.id, "tile_entry_unit": "piece", "tile_entry_qty": qty})
            )
        else:
            lines.append(Command.create({"product_id": product.id, "product_uom_qty": qty}))
    return env["sale.order"].create(
        {"partner_id": partner.id, "order_line": lines, "tile_shade_scope": "line"}
    )


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(conf, dbname):
    odoo.tools.config.parse_config(["-c", conf, "-d", dbname, "--log-level=warn"])
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        stock = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1).lot_stock_id
        partner = env["res.partner"].create({"name": "Bench customer"})
        sizes = (100, 1000, 10000)
        alloc = {}
        for n in sizes:
            products = make_products(env, f"Bench tile n{n}", tile=True)
            add_lots(env, products, n, stock, f"T{n}")
            warm = order_for(env, partner, products, tile=True)
            warm._tile_allocate_lots()  # warm caches once, then measure a fresh order
            order = order_for(env, partner, products, tile=True)
            env.flush_all()
            env.invalidate_all()
            alloc[n] = timed(order._tile_allocate_lots)
            print(f"allocate 20 lines, {n:>6} lots per product: {alloc[n]:.3f} s")
        for small, big in ((100, 1000), (1000, 10000)):
            ratio = alloc[big] / alloc[small]
            nlogn = (big * math.log(big)) / (small * math.log(small))
            print(
                f"growth {small}->{big} lots: x{ratio:.2f} "
                f"(n log n would be x{nlogn:.2f}, linear x{big / small:.0f})"
            )

        # Confirm-and-reserve at 1,000 lots per product: tile allocation vs Odoo's own lots.
        n = 1000
        tiles = make_products(env, "Bench cmp tile", tile=True)
        plains = make_products(env, "Bench cmp plain", tile=False)
        add_lots(env, tiles, n, stock, "CT")
        add_lots(env, plains, n, stock, "CP")
        tile_order = order_for(env, partner, tiles, tile=True)
        plain_order = order_for(env, partner, plains, tile=False)
        env.flush_all()
        env.invalidate_all()
        t_plain = timed(plain_order.action_confirm)
        env.flush_all()
        env.invalidate_all()
        t_tile = timed(tile_order.action_confirm)
        print(
            f"confirm + reserve, 20 lines, {n} lots/product: plain {t_plain:.3f} s, tile {t_tile:.3f} s, "
            f"ratio {t_tile / t_plain:.2f}"
        )
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

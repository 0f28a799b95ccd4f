"""Benchmark of tile_analytics' XLSX export of tile sales. Nothing asserted; figures for the notes.

One confirmed tile order with 10 tile lines is made through the ORM, then copied in SQL (as
gen_big_db.py does for plain lines) to N order lines (default 100,000), its copies' order
dates spread over the past year. The export the controller runs (`_tile_write_xlsx`, as the
admin user so that record rules are evaluated) writes to a temporary file, twice: once for
wall time and process peak memory (ru_maxrss), once under tracemalloc for the export's own
Python allocation peak (tracemalloc slows Python down, so that run is not timed).
Targets: 100,000 rows in < 15 s and < 300 MB.

Run through ./tile bench xlsx [N] (a throwaway database with the tile modules, no demo).
"""

import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta

from gen_big_db import clone_parents, copy_rows

import odoo
from odoo import Command, fields
from odoo.modules.registry import Registry

FORMATS = [(600, 600, 4, 1.44), (800, 800, 3, 1.92), (300, 600, 8, 1.44), (600, 1200, 2, 1.44)]


def max_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def make_order(env):
    partner = env["res.partner"].create(
        {
            "name": "Bench builder",
            "city": "杭州 Hangzhou",
            "state_id": env.ref("base.state_cn_ZJ").id,
            "country_id": env.ref("base.cn").id,
        }
    )
    products = env["product.product"].create(
        [
            {
                "name": f"Bench tile {length}×{width} #{i}",
                "type": "consu",
                "tile_is_tile": True,
                "tile_length_mm": length,
                "tile_width_mm": width,
                "tile_thickness_mm": 10,
                "tile_pieces_per_box": pieces,
                "tile_m2_per_box": m2,
                "tile_weight_per_box": 30.0,
                "tile_boxes_per_pallet": 40,
                "list_price": 60 + i,
                "taxes_id": [Command.clear()],
            }
            for i, (length, width, pieces, m2) in enumerate(FORMATS * 3)
        ][:10]
    )
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "order_line": [
                Command.create({"product_id": p.id, "tile_entry_unit": "box", "tile_entry_qty": 10 + i})
                for i, p in enumerate(products)
            ],
        }
    )
    order.action_confirm()
    env.flush_all()
    return order


def main(conf, dbname, n_lines=100000):
    odoo.tools.config.parse_config(["-c", conf, "-d", dbname, "--log-level=warn"])
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        start = time.perf_counter()
        order = make_order(env)
        per_order = len(order.order_line)
        clone_parents(cr, "sale_order", order.id, max(n_lines // per_order - 1, 0))
        copy_rows(cr, "sale_order_line", order.order_line.ids, "order_id")
        # Copies spread over the past year (one order every few minutes), each with its own name.
        cr.execute(
            """UPDATE sale_order s
                  SET date_order = s.date_order - make_interval(mins => (np.new_id % 525600)),
                      name = 'BENCH/' || np.new_id
                 FROM new_parents np WHERE s.id = np.new_id"""
        )
        cr.execute("ANALYZE sale_order; ANALYZE sale_order_line")
        cr.execute("SELECT count(*) FROM sale_order_line")
        print(f"generated: {cr.fetchone()[0]:,} order lines in {time.perf_counter() - start:.1f} s")

        admin = env.ref("base.user_admin")
        user_env = odoo.api.Environment(cr, admin.id, {"tracking_disable": True})
        today = fields.Date.today()
        wizard = user_env["tile.sales.export"].create(
            {"date_from": today - timedelta(days=400), "date_to": today}
        )
        user_env.flush_all()
        user_env.invalidate_all()
        rss_before = max_rss_mb()
        with tempfile.TemporaryFile(suffix=".xlsx") as tmp:
            start = time.perf_counter()
            rows = wizard._tile_write_xlsx(tmp)
            seconds = time.perf_counter() - start
            size = tmp.seek(0, 2)
        rss_after = max_rss_mb()
        user_env.invalidate_all()
        with tempfile.TemporaryFile(suffix=".xlsx") as tmp:
            tracemalloc.start()
            wizard._tile_write_xlsx(tmp)
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        print(
            f"export of {rows:,} rows: {seconds:.2f} s ({rows / seconds:,.0f} rows/s), "
            f"file {size / 1e6:.1f} MB\n"
            f"  process peak RSS (ru_maxrss): {rss_before:.0f} MB before, {rss_after:.0f} MB after\n"
            f"  export's own Python allocation peak (tracemalloc, second run): {peak / 1e6:.1f} MB\n"
            f"  targets: < 15 s ({'met' if seconds < 15 else 'MISSED'}), "
            f"< 300 MB ({'met' if rss_after < 300 else 'MISSED'})"
        )
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *[int(a) for a in sys.argv[3:4]])

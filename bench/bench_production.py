"""Benchmark of tile_production planning on Odoo (issue 10). Nothing asserted; figures for the notes.

N open manufacturing orders (default 200 and 1,000) of three formats on six press lines feeding
a glaze line, two kilns, sorting and packing (five work orders each). Measured:
1. "Plan Lines" (`_tile_plan_all`): reading the runs, the planner, writing the dates of every
   MO and work order: wall time, queries, and the share spent in planning.plan;
2. the same MOs scheduled by Odoo's own "Plan" button (`button_plan`, Community's
   infinite-capacity scheduling) for a ratio to plain Odoo.
The pure planner on 200..2,000 runs is bench/bench_planning.py.

Run through ./tile bench production [N ...] (a throwaway database with the tile modules, no demo).
"""

import sys
import time
from datetime import timedelta

from bench_common import timed

import odoo
from odoo import Command, fields
from odoo.modules.registry import Registry

FORMATS = {"600×600": (600, 600, 4, 1.44), "800×800": (800, 800, 3, 1.92), "300×600": (300, 600, 8, 1.44)}


def factory(env):
    calendar = env["resource.calendar"].create(
        {
            "name": "Bench round the clock",
            "tz": "UTC",
            "attendance_ids": [
                Command.create({"name": str(d), "dayofweek": str(d), "hour_from": 0, "hour_to": 24})
                for d in range(7)
            ],
        }
    )
    calendar.hours_per_day = 24

    def centre(name, stage, rate, changeover):
        return env["mrp.workcenter"].create(
            {
                "name": name,
                "tile_stage": stage,
                "resource_calendar_id": calendar.id,
                "tile_changeover_hours": changeover,
                "tile_rate_ids": [Command.create({"tile_format": f, "m2_per_day": rate}) for f in FORMATS],
            }
        )

    presses = [centre(f"Bench press {i}", "press", 2500 + 100 * i, 4) for i in range(6)]
    for press in presses:
        press.alternative_workcenter_ids = [Command.set([p.id for p in presses if p != press])]
    kilns = [centre(f"Bench kiln {i}", "kiln", 9000, 6) for i in range(2)]
    kilns[0].alternative_workcenter_ids = kilns[1]
    route = [presses[0], centre("Bench glaze", "glaze", 20000, 1), kilns[0]]
    route += [centre("Bench sorting", "sorting", 20000, 0), centre("Bench packing", "packing", 20000, 0)]
    products = env["product.product"]
    for fmt, (length, width, pieces, m2) in FORMATS.items():
        product = env["product.product"].create(
            {
                "name": f"Bench tile {fmt}",
                "is_storable": True,
                "tracking": "lot",
                "tile_is_tile": True,
                "tile_length_mm": length,
                "tile_width_mm": width,
                "tile_pieces_per_box": pieces,
                "tile_m2_per_box": m2,
                "tile_weight_per_box": 30,
                "tile_boxes_per_pallet": 40,
            }
        )
        env["mrp.bom"].create(
            {
                "product_tmpl_id": product.product_tmpl_id.id,
                "product_qty": pieces / m2,
                "operation_ids": [
                    Command.create(
                        {
                            "name": wc.name,
                            "workcenter_id": wc.id,
                            "sequence": 10 * i,
                            "time_cycle_manual": 0.05,
                        }
                    )
                    for i, wc in enumerate(route)
                ],
            }
        )
        products |= product
    return products


def orders(env, products, n):
    now = fields.Datetime.now()
    mos = env["mrp.production"].create(
        [
            {
                "product_id": products[i % 3].id,
                "product_qty": 400 + (i * 37) % 2000,
                "date_deadline": now + timedelta(hours=12 + (i * 7) % (24 * 60)),
            }
            for i in range(n)
        ]
    )
    mos.action_confirm()
    return mos


def main(conf, dbname, sizes):
    odoo.tools.config.parse_config(["-c", conf, "-d", dbname, "--log-level=warn"])
    registry = Registry(dbname)
    from odoo.addons.tile_production import planning

    spent = []
    real_plan = planning.plan

    def measured_plan(*args, **kwargs):
        start = time.perf_counter()
        result = real_plan(*args, **kwargs)
        spent.append(time.perf_counter() - start)
        return result

    planning.plan = measured_plan
    for n in sizes:
        # A fresh transaction per size, rolled back: each size starts from the same empty factory.
        with registry.cursor() as cr:
            env = odoo.api.Environment(
                cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True}
            )
            products = factory(env)
            cr.execute("SAVEPOINT bench")
            start = time.perf_counter()
            mos = orders(env, products, n)
            created = time.perf_counter() - start
            print(
                f"{n} MOs x {len(mos[0].workorder_ids)} work orders created and confirmed in {created:.1f} s"
            )
            spent.clear()
            tile_t, tile_q, result = timed(env, env["mrp.production"]._tile_plan_all)
            late = len(result.late_runs())
            again_t, again_q, _r = timed(env, env["mrp.production"]._tile_plan_all)
            cr.execute("ROLLBACK TO SAVEPOINT bench")
            env.invalidate_all()
            mos = orders(env, products, n)
            odoo_t, odoo_q, _r = timed(env, mos.button_plan)
            print(
                f"  Plan Lines (tile): {tile_t:.2f} s, {tile_q} queries, "
                f"planner {spent[0]:.2f} s, {len(result.runs)} runs, {late} late\n"
                f"  Plan Lines again, nothing changed (what a drag costs on the other lines): "
                f"{again_t:.2f} s, {again_q} queries\n"
                f"  Odoo's Plan button (button_plan, infinite capacity): {odoo_t:.2f} s, {odoo_q} queries\n"
                f"  ratio tile/Odoo wall time: {tile_t / odoo_t:.2f}"
            )
            cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], [int(a) for a in sys.argv[3:]] or [200, 1000])

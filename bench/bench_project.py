"""Benchmark of tile_project_contracts (issue 9). Nothing asserted; figures for the notes.

1. Progress figures of P projects x 30 phases x 10 lines (default P=200: 6,000 phases,
   60,000 phase lines, one confirmed call-off per phase): the first page of the phase list
   (80 rows, what the list view reads) and all phases at once, wall time and queries.
2. A call-off made from a phase and confirmed vs the same order (same lines) made by hand
   on tile_order_base and confirmed: ratio of wall times (target <= 1.2).

Run through ./tile bench project [P] (a throwaway database with the tile modules, no demo).
"""

import sys
import time

from bench_common import timed

import odoo
from odoo import Command, fields
from odoo.modules.registry import Registry

PROGRESS = ["planned_m2", "called_off_m2", "delivered_m2", "invoiced_m2", "remaining_m2", "state"]


def tiles(env, count=10):
    return env["product.product"].create(
        [
            {
                "name": f"Bench project tile {i}",
                "type": "consu",
                "tile_is_tile": True,
                "tile_length_mm": 800,
                "tile_width_mm": 800,
                "tile_pieces_per_box": 3,
                "tile_m2_per_box": 1.92,
                "tile_weight_per_box": 42,
                "tile_boxes_per_pallet": 30,
                "list_price": 90 + i,
                "taxes_id": [Command.clear()],
            }
            for i in range(count)
        ]
    )


def build(env, products, n_projects, phases=30):
    partner = env["res.partner"].create({"name": "Bench developer"})
    today = fields.Date.today()
    projects = env["project.project"].create(
        [
            {"name": f"Bench site {p}", "tile_is_site": True, "partner_id": partner.id}
            for p in range(n_projects)
        ]
    )
    contracts = env["sale.order"].create(
        [
            {
                "partner_id": partner.id,
                "tile_is_contract": True,
                "tile_project_id": project.id,
                "order_line": [
                    Command.create({"product_id": t.id, "tile_entry_unit": "m2", "tile_entry_qty": 30 * 200})
                    for t in products
                ],
            }
            for project in projects
        ]
    )
    contracts.action_tile_activate()
    phase_vals = []
    for contract in contracts:
        for k in range(phases):
            phase_vals.append(
                {
                    "name": f"Phase {k}",
                    "project_id": contract.tile_project_id.id,
                    "date_start": fields.Date.add(today, days=k),
                    "date_end": fields.Date.add(today, days=k + 20),
                    "line_ids": [
                        Command.create({"contract_line_id": line.id, "planned_m2": 150})
                        for line in contract.order_line
                    ],
                }
            )
    return partner, env["tile.project.phase"].create(phase_vals)


def main(conf, dbname, n_projects):
    odoo.tools.config.parse_config(["-c", conf, "-d", dbname, "--log-level=warn"])
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True})
        products = tiles(env)
        t0 = time.perf_counter()
        partner, phases = build(env, products, n_projects)
        # One confirmed call-off of 30 m² per tile for a phase in ten, so the sums have rows to add.
        for phase in phases[::10]:
            calloff = env["sale.order"].browse(phase.action_call_off()["res_id"])
            calloff.order_line.write({"tile_entry_unit": "m2", "tile_entry_qty": 30})
            calloff.action_confirm()
        print(
            f"data: {n_projects} projects x 30 phases x 10 lines = {len(phases)} phases, "
            f"{len(phases) * 10} phase lines, {len(phases[::10])} call-offs "
            f"({time.perf_counter() - t0:.0f} s to build)"
        )

        Phase = env["tile.project.phase"]
        page_t, page_q, _r = timed(env, lambda: Phase.search([], limit=80).read(PROGRESS))
        all_t, all_q, _r = timed(env, lambda: Phase.search([]).read(PROGRESS))
        print(f"phase list, first page (80 phases): {page_t:.3f} s, {page_q} queries")
        print(f"all {len(phases)} phases' progress at once: {all_t:.2f} s, {all_q} queries  (target < 2 s)")

        # Call-off from a phase vs the same order by hand, both created and confirmed.
        sample = phases[1::10][:50]

        def from_phases():
            for phase in sample:
                env["sale.order"].browse(phase.action_call_off()["res_id"]).action_confirm()

        def by_hand():
            for phase in sample:
                order = env["sale.order"].create(
                    {
                        "partner_id": partner.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": line.product_id.id,
                                    "tile_entry_unit": "box",
                                    "tile_entry_qty": 79,
                                }
                            )
                            for line in phase.line_ids
                        ],
                    }
                )
                order.action_confirm()

        timed(env, by_hand)  # warm-up of both paths
        hand_t, hand_q, _r = timed(env, by_hand)
        call_t, call_q, _r = timed(env, from_phases)
        print(
            f"{len(sample)} orders of 10 tile lines by hand (tile_order_base): "
            f"{hand_t:.2f} s, {hand_q} queries"
        )
        print(
            f"{len(sample)} call-offs of 10 lines from phases:             {call_t:.2f} s, {call_q} queries"
        )
        print(
            f"wall-time ratio call-off/by hand: {call_t / hand_t:.3f}  (target <= 1.2); "
            f"queries {call_q / hand_q:.3f}"
        )
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 200)

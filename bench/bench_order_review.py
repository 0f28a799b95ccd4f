"""Benchmark of tile_order_review: what checking 50 rules adds to confirming orders.

Nothing asserted; figures for the notes (issue 14 target: at most +10 % at 50 rules). N orders
(default 200) of three tile lines each, priced above every floor and discounted 5 %, are
confirmed one by one (action_confirm) as a salesperson (own documents, so record rules are
paid as in the web client): half with the company's 50 rules active, half with none, in
alternating blocks of ten so that a warm cache or a growing table favours neither side. The
rules: 40 floor prices (tiles and series, most of them for other tiles), 4 discount limits,
credit limit, overdue receivables, shade override and 3 order sizes - none broken, so every
order is confirmed and the measured cost is the check itself. Also printed: the check alone
(_tile_review_hold) per order.

Run through ./tile bench review [N] (a throwaway database with the tile modules, no demo).
"""

import sys
import time

import odoo
from odoo import Command
from odoo.modules.registry import Registry

BLOCK = 10


def setup(env, n):
    company = env.company
    series = env["tile.series"].create([{"name": f"Bench series {i}", "code": f"BS{i}"} for i in range(10)])
    tiles = env["product.product"].create(
        [
            {
                "name": f"Bench tile {i}",
                "type": "consu",
                "is_storable": True,
                "tile_is_tile": True,
                "tile_series_id": series[i % 10].id,
                "tile_length_mm": 600,
                "tile_width_mm": 600,
                "tile_pieces_per_box": 4,
                "tile_m2_per_box": 1.44,
                "tile_weight_per_box": 32,
                "tile_boxes_per_pallet": 40,
                "tile_price_unit": "m2",
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
            for i in range(40)
        ]
    )
    warehouse = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
    for tile in tiles:
        env["stock.quant"]._update_available_quantity(tile, warehouse.lot_stock_id, 1_000_000)
    customers = env["res.partner"].create([{"name": f"Bench customer {i}"} for i in range(20)])
    Users = env["res.users"].with_context(no_reset_password=True)
    seller = Users.create(
        {
            "name": "Bench seller",
            "login": "bench_review_seller",
            "groups_id": [
                Command.set([env.ref("sales_team.group_sale_salesman").id, env.ref("base.group_user").id])
            ],
        }
    )
    approver = Users.create(
        {
            "name": "Bench approver",
            "login": "bench_review_approver",
            "groups_id": [Command.set([env.ref("tile_order_review.group_order_approver").id])],
        }
    )
    company.tile_review_approver_id = approver
    Rule = env["tile.review.rule"]
    salesman = env.ref("sales_team.group_sale_salesman")
    vals = [
        {
            "name": f"Floor {i}",
            "rule_type": "floor_price",
            "product_tmpl_id": tiles[i].product_tmpl_id.id,
            "floor_price_m2": 50.0,
        }
        for i in range(30)
    ]
    vals += [
        {
            "name": f"Series floor {i}",
            "rule_type": "floor_price",
            "tile_series_id": series[i].id,
            "floor_price_m2": 60.0,
        }
        for i in range(10)
    ]
    vals += [
        {"name": f"Discount {i}", "rule_type": "discount", "group_id": salesman.id, "max_discount": 10.0 + i}
        for i in range(4)
    ]
    vals += [
        {"name": "Credit", "rule_type": "credit_limit"},
        {"name": "Overdue", "rule_type": "overdue", "overdue_days": 30, "overdue_min_amount": 1000},
        {"name": "Shades", "rule_type": "shade_override"},
    ]
    vals += [{"name": f"Size {i}", "rule_type": "order_size", "min_m2": 100000 + i} for i in range(3)]
    rules = Rule.create(vals)
    orders = (
        env["sale.order"]
        .with_user(seller)
        .create(
            [
                {
                    "partner_id": customers[i % 20].id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": tiles[(i + k) % 40].id,
                                "tile_entry_unit": "m2",
                                "tile_entry_qty": 20 + k,
                                "discount": 5.0,
                            }
                        )
                        for k in range(3)
                    ],
                }
                for i in range(n)
            ]
        )
    )
    return rules, orders, seller


def main(conf, dbname, n):
    odoo.tools.config.parse_config(["-c", conf, "-d", dbname, "--log-level=warn"])
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        rules, orders, seller = setup(env, n)
        print(f"{len(rules)} rules, {len(orders)} orders of 3 tile lines (confirmed as {seller.login})")
        env.flush_all()
        spent = {True: 0.0, False: 0.0}
        count = {True: 0, False: 0}
        for start in range(0, len(orders), BLOCK):
            with_rules = (start // BLOCK) % 2 == 0
            rules.active = with_rules
            env.flush_all()
            env.invalidate_all()
            block = orders[start : start + BLOCK].with_user(seller)
            begin = time.perf_counter()
            for order in block:
                order.action_confirm()
                env.flush_all()
            spent[with_rules] += time.perf_counter() - begin
            count[with_rules] += len(block)
        confirmed = orders.filtered(lambda so: so.state == "sale")
        print(
            f"confirmed {len(confirmed)} of {len(orders)} (waiting: "
            f"{len(orders.filtered(lambda so: so.tile_review_state == 'waiting'))})"
        )
        per = {key: spent[key] / max(count[key], 1) for key in spent}
        print(f"no rules:  {count[False]} orders, {spent[False]:.2f} s, {per[False] * 1000:.1f} ms per order")
        print(f"50 rules:  {count[True]} orders, {spent[True]:.2f} s, {per[True] * 1000:.1f} ms per order")
        print(f"ratio 50 rules / no rules (per order): {per[True] / per[False]:.3f}")
        # The check alone, on confirmed orders put back to draft state in memory only.
        rules.active = True
        sample = orders[:50].with_user(seller)
        env.invalidate_all()
        begin = time.perf_counter()
        for order in sample:
            order._tile_review_hold()
        check = (time.perf_counter() - begin) / len(sample)
        print(f"the check alone (_tile_review_hold, 50 rules): {check * 1000:.2f} ms per order")
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 200)

"""Benchmark of tile_logistics on Odoo: N deliveries into loads (issue target: 500 in < 2 s).

Nothing asserted; figures for the notes. A day of N ready deliveries (default 500) of four tile
formats in boxes, lot-tracked and reserved from stock in shade lots, to six customers in six
cities, and 40 vehicles (25 t / 22 pallet places, 10 t / 10, 5 t / 6). The deliveries are
stock.picking records made directly in the warehouse's Delivery Orders type, confirmed and
reserved (action_confirm, action_assign), not 500 sale orders. Measured, wall time and queries:
1. the weight and pallet places of the N deliveries computed from scratch (tile_weight_kg,
   tile_pallet_places); Odoo's own: the stored weights of stock_delivery (stock.move.weight and
   stock.picking.weight) recomputed the same way;
2. Propose Loads (`tile.load.proposal.action_propose`) for the day with every vehicle, and the
   share spent in load_math.propose_loads; Odoo has no proposal of its own: for reference, the
   same loads created as plain batches (stock.picking.batch.create with the same vehicles and
   deliveries, what Odoo's "Add to batch" would write);
3. the Loads list as the web client reads it (web_search_read of the list view's fields:
   tile_weight_kg, tile_pallet_places, tile_fill_percent, tile_capacity_warning...); Odoo's own:
   its batch weight fields (estimated_shipping_weight, used_weight_percentage) read the same way.
The timed steps run as the administrator (a logistics user), not as the superuser, so access
and record rules are paid as in the web client; product weights are set (kg per piece) so that
Odoo's own weight fields have something to add up.

Run through ./tile bench logistics [N] (a throwaway database with the tile modules, no demo).
"""

import math
import random
import sys
import time
from datetime import timedelta

from bench_common import timed

import odoo
from odoo import Command, fields
from odoo.modules.registry import Registry

# name: length, width (mm), pieces per box, m² per box, kg per box, boxes per pallet
FORMATS = {
    "800×800": (800, 800, 3, 1.92, 42.0, 30),
    "600×600": (600, 600, 4, 1.44, 32.0, 40),
    "300×600": (300, 600, 8, 1.44, 22.0, 48),
    "600×1200": (600, 1200, 2, 1.44, 33.0, 32),
}
SHADES = 3  # lots per product
CITIES = ("Shanghai", "Hangzhou", "Suzhou", "Chengdu", "Beijing", "Guangzhou")
# payload kg, pallet places, model
FLEET = (
    (25000, 22, "Tractor-trailer 13.6 m"),
    (10000, 10, "Rigid truck 9.6 m"),
    (5000, 6, "Light truck 6.8 m"),
)
VEHICLES = 40
# The Loads list view (tile_logistics.stock_picking_batch_list_tile_load), as web_search_read reads it.
NAME = {"fields": {"display_name": {}}}
LIST = {
    "name": {},
    "scheduled_date": {},
    "vehicle_id": NAME,
    "driver_id": NAME,
    "state": {},
}
TILE_LIST = dict(
    LIST,
    tile_carrier_id=NAME,
    tile_region={},
    tile_weight_kg={},
    tile_pallet_places={},
    tile_fill_percent={},
    tile_freight_cost={},
    tile_currency_id={"fields": {}},
    tile_capacity_warning={},
)
ODOO_LIST = dict(LIST, estimated_shipping_weight={}, used_weight_percentage={}, vehicle_weight_capacity={})
LOADS_DOMAIN = [("vehicle_id", "!=", False), ("state", "in", ("draft", "in_progress"))]


def stock(env):
    """Tile products, SHADES lots of each and the warehouse."""
    warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
    products = env["product.product"].create(
        [
            {
                "name": f"Bench tile {name}",
                "type": "consu",
                "is_storable": True,
                "tracking": "lot",
                "tile_is_tile": True,
                "tile_length_mm": length,
                "tile_width_mm": width,
                "tile_thickness_mm": 10,
                "tile_pieces_per_box": pieces,
                "tile_m2_per_box": m2,
                "tile_weight_per_box": kg,
                "tile_boxes_per_pallet": pallet,
                "tile_price_unit": "m2",
                "list_price": 89.9,
                "weight": kg / pieces,
                "taxes_id": [Command.clear()],
            }
            for name, (length, width, pieces, m2, kg, pallet) in FORMATS.items()
        ]
    )
    lots = env["stock.lot"].create(
        [
            {
                "name": f"BENCH-{product.id}-{shade}",
                "product_id": product.id,
                "company_id": env.company.id,
                "tile_shade": f"S{shade}",
                "tile_caliber": "1",
                "tile_grade": "premium",
            }
            for product in products
            for shade in range(SHADES)
        ]
    )
    return warehouse, products, lots


def fleet(env):
    brand = env["fleet.vehicle.model.brand"].create({"name": "Bench trucks"})
    models = env["fleet.vehicle.model"]
    for payload, places, name in FLEET:
        category = env["fleet.vehicle.model.category"].create(
            {"name": f"Bench {name}", "weight_capacity": payload, "tile_pallet_places": places}
        )
        models |= env["fleet.vehicle.model"].create(
            {"name": name, "brand_id": brand.id, "category_id": category.id}
        )
    return env["fleet.vehicle"].create(
        [
            {
                "model_id": models[i % len(models)].id,
                # Odoo copies the model's category only in the form (create gets power_unit's
                # default, which stops _compute_model_fields): given, as tile_logistics' tests do.
                "category_id": models[i % len(models)].category_id.id,
                "license_plate": f"BENCH-{i + 1:02}",
            }
            for i in range(VEHICLES)
        ]
    )


def deliveries(env, warehouse, products, lots, n):
    """N outgoing deliveries of 1..4 tiles, 3..40 boxes each, confirmed and reserved."""
    rnd = random.Random(1)  # the same day for every run
    customers = env["res.partner"].create(
        [{"name": f"Bench customer {city}", "city": city} for city in CITIES]
    )
    picking_type = warehouse.out_type_id
    source = picking_type.default_location_src_id
    dest = env.ref("stock.stock_location_customers")
    now = fields.Datetime.now()
    demand = dict.fromkeys(products.ids, 0)
    vals = []
    for i in range(n):
        moves = []
        for product in rnd.sample(list(products), rnd.randint(1, 4)):
            pieces = rnd.randint(3, 40) * product.tile_pieces_per_box
            demand[product.id] += pieces
            moves.append(
                Command.create(
                    {
                        "name": product.name,
                        "product_id": product.id,
                        "product_uom_qty": pieces,
                        "product_uom": product.uom_id.id,
                        "location_id": source.id,
                        "location_dest_id": dest.id,
                    }
                )
            )
        vals.append(
            {
                "picking_type_id": picking_type.id,
                "partner_id": rnd.choice(customers).id,
                "location_id": source.id,
                "location_dest_id": dest.id,
                "scheduled_date": now - timedelta(minutes=i % 600),
                "origin": f"Bench order {i + 1}",
                "move_ids": moves,
            }
        )
    for lot in lots:  # a fifth more than the day needs, spread over the shades
        pieces = math.ceil(demand[lot.product_id.id] * 1.2 / SHADES)
        env["stock.quant"]._update_available_quantity(lot.product_id, source, pieces, lot_id=lot)
    pickings = env["stock.picking"].create(vals)
    pickings.action_confirm()
    pickings.action_assign()
    return pickings


def recompute(records, names):
    """Recompute the stored fields ``names`` of ``records`` from the database, as after a change."""
    for name in names:
        records.env.add_to_compute(records._fields[name], records)
    records.flush_recordset(names)


def main(conf, dbname, n):
    odoo.tools.config.parse_config(["-c", conf, "-d", dbname, "--log-level=warn"])
    registry = Registry(dbname)
    from odoo.addons.tile_logistics.wizard import tile_load_proposal

    spent = []
    real_propose = tile_load_proposal.propose_loads

    def measured_propose(*args, **kwargs):
        start = time.perf_counter()
        result = real_propose(*args, **kwargs)
        spent.append(time.perf_counter() - start)
        return result

    tile_load_proposal.propose_loads = measured_propose
    # One transaction, rolled back at the end.
    with registry.cursor() as cr:
        setup_env = odoo.api.Environment(
            cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True}
        )
        start = time.perf_counter()
        warehouse, products, lots = stock(setup_env)
        vehicles = fleet(setup_env)
        pickings = deliveries(setup_env, warehouse, products, lots, n)
        created = time.perf_counter() - start
        states = {}
        for state in pickings.mapped("state"):
            states[state] = states.get(state, 0) + 1
        moves = pickings.move_ids
        print(
            f"{n} deliveries ({len(moves)} lines, {len(products)} lot-tracked tiles x {SHADES} shades, "
            f"{len(CITIES)} customers in {len(CITIES)} cities) made as stock.picking records in "
            f"{warehouse.out_type_id.display_name} (not through sale orders), confirmed and reserved "
            f"in {created:.1f} s; states {states}; {len(vehicles)} vehicles"
        )

        admin = setup_env.ref("base.user_admin")
        env = odoo.api.Environment(
            cr,
            admin.id,
            {"lang": "en_US", "tz": "UTC", "allowed_company_ids": [setup_env.company.id]},
        )
        pickings = pickings.with_env(env)
        moves = moves.with_env(env)
        Batch = env["stock.picking.batch"]

        # 1. Weight and pallet places of every delivery, from scratch.
        fig_t, fig_q, _r = timed(env, lambda: recompute(pickings, ["tile_weight_kg", "tile_pallet_places"]))
        odoo_fig_t, odoo_fig_q, _r = timed(
            env, lambda: (recompute(moves, ["weight"]), recompute(pickings, ["weight"]))
        )
        tile_kg = sum(pickings.mapped("tile_weight_kg"))
        odoo_kg = sum(pickings.mapped("weight"))
        places = sum(pickings.mapped("tile_pallet_places"))
        print(
            f"1. weight and pallet places of {n} deliveries, from scratch (tile_weight_kg, "
            f"tile_pallet_places): {fig_t:.2f} s, {fig_q} queries; {tile_kg / 1000:,.1f} t, "
            f"{places} pallet places\n"
            f"   Odoo's own (stock.move.weight + stock.picking.weight of stock_delivery): "
            f"{odoo_fig_t:.2f} s, {odoo_fig_q} queries; {odoo_kg / 1000:,.1f} t"
        )

        # 2. Propose Loads for the day with every vehicle.
        wizard = env["tile.load.proposal"].create(
            {
                "date": fields.Date.today(),
                "warehouse_id": warehouse.id,
                "vehicle_ids": [Command.set(vehicles.ids)],
            }
        )
        ready = wizard.picking_count
        env.flush_all()
        cr.execute("SAVEPOINT bench")
        spent.clear()
        prop_t, prop_q, action = timed(env, wizard.action_propose)
        loads = Batch.search([("vehicle_id", "!=", False)])
        planned = loads.picking_ids
        unplanned = pickings - planned
        reasons = {}
        if action.get("type") == "ir.actions.client":
            message = action["params"]["message"]
            for reason in ("heavier than any vehicle", "no vehicle left"):
                reasons[reason] = message.count(f"({reason})")
        print(
            f"2. Propose Loads ({ready} deliveries ready, {len(vehicles)} vehicles; target < 2 s): "
            f"{prop_t:.2f} s, {prop_q} queries, load_math.propose_loads {spent[0]:.3f} s\n"
            f"   {len(loads)} loads made, {len(planned)} deliveries planned, "
            f"{len(unplanned)} unplanned {reasons or ''}"
        )

        # 3. The Loads list, as the web client reads it.
        list_t, list_q, page = timed(
            env, lambda: Batch.web_search_read(LOADS_DOMAIN, TILE_LIST, limit=80, count_limit=10001)
        )
        odoo_list_t, odoo_list_q, odoo_page = timed(
            env, lambda: Batch.web_search_read(LOADS_DOMAIN, ODOO_LIST, limit=80, count_limit=10001)
        )
        rows = page["records"]
        over = [row["name"] for row in rows if row["tile_capacity_warning"]]
        fills = [row["tile_fill_percent"] for row in rows]
        by_id = {row["id"]: row for row in odoo_page["records"]}
        first = rows[0] if rows else None
        print(
            f"3. Loads list ({len(rows)} rows: tile_weight_kg, tile_pallet_places, tile_fill_percent, "
            f"tile_capacity_warning...): {list_t:.2f} s, {list_q} queries; "
            f"fill {min(fills, default=0):.0f}..{max(fills, default=0):.0f} %, "
            f"average {sum(fills) / len(fills) if fills else 0:.0f} %, {len(over)} over capacity\n"
            f"   Odoo's own (estimated_shipping_weight, used_weight_percentage): "
            f"{odoo_list_t:.2f} s, {odoo_list_q} queries"
        )
        if first:
            print(
                f"   {first['name']}: tile {first['tile_weight_kg']:,.1f} kg, Odoo's "
                f"estimated_shipping_weight {by_id[first['id']]['estimated_shipping_weight']:,.1f} kg "
                f"(read with the other rows)"
            )

        # Odoo's own batches for the same loads, from the same ready deliveries.
        same = [
            {
                "vehicle_id": load.vehicle_id.id,
                "picking_type_id": load.picking_type_id.id,
                "scheduled_date": load.scheduled_date,
                "picking_ids": [Command.set(load.picking_ids.ids)],
            }
            for load in loads
        ]
        cr.execute("ROLLBACK TO SAVEPOINT bench")
        env.invalidate_all()
        odoo_prop_t, odoo_prop_q, _r = timed(env, lambda: Batch.create(same))
        print(
            f"   reference, no proposal in Odoo: the same {len(same)} loads as plain batches "
            f"(stock.picking.batch.create): {odoo_prop_t:.2f} s, {odoo_prop_q} queries\n"
            f"   ratio Propose Loads / plain batches wall time: {prop_t / odoo_prop_t:.2f}"
        )
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 500)

"""Benchmark: load figures and proposed truck loads (tile_logistics/load_math.py) for a busy day.

Standalone, no database: python3 bench/bench_loads.py
500 deliveries (seeded, so every run proposes the same day) of 0.5-12 t and 1-10 pallet
places in 6 regions, about 5 tile lines each, and 40 vehicles: 25 t / 22 places,
10 t / 10 places and 5 t / 6 places. Prints the best time of a few repeats for the load
figures of every delivery and for the proposal, the trips, how full they are, and the
trips against a lower bound: per region, its weight over the biggest payload (or its
pallet places over the most places, when that is more). 40 trips cannot carry 500
deliveries, so the same day is also proposed with vehicles enough for everything.
Nothing is asserted.
"""

import importlib.util
import math
import pathlib
import random

from bench_common import timed

DELIVERIES = 500
REGIONS = ("Shanghai", "Zhejiang", "Jiangsu", "Sichuan", "Beijing", "Guangdong")
FLEET = ((25000, 22), (10000, 10), (5000, 6))  # payload kg, pallet places
VEHICLES = 40
REPEATS = 5
# (kg per box, boxes per pallet) of common formats; 0: adhesive and grout, not palletised.
FORMATS = ((32.4, 40), (42.0, 30), (26.0, 48), (38.5, 32), (25.0, 0))

_path = pathlib.Path(__file__).resolve().parent.parent / "tile_logistics" / "load_math.py"
_spec = importlib.util.spec_from_file_location("tile_load_math", _path)
load_math = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(load_math)


class NoDatabase:
    """timed() flushes an Odoo environment around the call; pure functions have none."""

    class cr:
        sql_log_count = 0

    def flush_all(self):
        pass

    def invalidate_all(self):
        pass


def day(seed=1):
    """(deliveries, lines per delivery key, vehicles) of one busy day."""
    rnd = random.Random(seed)
    deliveries, lines = [], {}
    for i in range(DELIVERIES):
        key = f"WH/OUT/{i + 1:05}"
        weight = round(rnd.uniform(500, 12000), 1)
        deliveries.append(load_math.Delivery(key, rnd.choice(REGIONS), weight, rnd.randint(1, 10)))
        lines[key] = [
            (round(rnd.uniform(1, 120), 2), *rnd.choice(FORMATS)) for _line in range(rnd.randint(3, 7))
        ]
    vehicles = [load_math.Vehicle(f"V{i + 1:02}", *FLEET[i % len(FLEET)]) for i in range(VEHICLES)]
    return deliveries, lines, vehicles


def best(func):
    """(best seconds of REPEATS, result)."""
    runs = [timed(NoDatabase(), func) for _repeat in range(REPEATS)]
    return min(seconds for seconds, _queries, _result in runs), runs[-1][2]


def lower_bound(deliveries, vehicles):
    """Trips no packing can beat, per region: its weight over the biggest payload, or its
    pallet places over the most places if more (as if every vehicle were the biggest)."""
    payload = max(vehicle.payload_kg for vehicle in vehicles)
    places = max(vehicle.places for vehicle in vehicles)
    weight, floor = {}, {}
    for delivery in deliveries:
        weight[delivery.region] = weight.get(delivery.region, 0) + delivery.weight_kg
        floor[delivery.region] = floor.get(delivery.region, 0) + delivery.pallet_places
    return sum(max(math.ceil(weight[r] / payload), math.ceil(floor[r] / places)) for r in weight)


def report(title, deliveries, vehicles):
    seconds, proposal = best(lambda: load_math.propose_loads(deliveries, vehicles))
    fleet = {vehicle.key: vehicle for vehicle in vehicles}
    fills = [
        load_math.fill_percent(load.weight_kg, load.pallet_places, *_capacity(fleet[load.vehicle_key]))
        for load in proposal.loads
    ]
    planned = {key for load in proposal.loads for key in load.delivery_keys}
    reasons = {}
    for _key, reason in proposal.unplanned:
        reasons[reason] = reasons.get(reason, 0) + 1
    bound = lower_bound([d for d in deliveries if d.key in planned], vehicles)
    average = sum(fills) / len(fills) if fills else 0.0
    print(f"{title}: {len(vehicles)} vehicles")
    print(f"  propose_loads       {seconds * 1000:8.2f} ms (best of {REPEATS})")
    regions = len({load.region for load in proposal.loads})
    print(f"  trips               {len(proposal.loads):8}   lower bound {bound} for the deliveries planned")
    print(f"  deliveries planned  {len(planned):8}   unplanned {dict(sorted(reasons.items())) or 0}")
    print(f"  regions served      {regions:8}   of {len({d.region for d in deliveries})}")
    print(f"  average fill        {average:8.1f} %  (the fuller of weight and places, per trip)")


def _capacity(vehicle):
    return vehicle.payload_kg, vehicle.places


def main():
    deliveries, lines, vehicles = day()
    every_line = list(lines.values())
    seconds, figures = best(lambda: [load_math.load_figures(delivery_lines) for delivery_lines in every_line])
    count = sum(len(delivery_lines) for delivery_lines in every_line)
    pallets = sum(f.pallet_places for f in figures)
    print(f"load_figures: {DELIVERIES} deliveries, {count} lines")
    print(f"  load_figures        {seconds * 1000:8.2f} ms (best of {REPEATS}), {pallets} pallet places")
    report("the day's fleet", deliveries, vehicles)
    enough = [load_math.Vehicle(f"V{i + 1:03}", *FLEET[i % len(FLEET)]) for i in range(DELIVERIES)]
    report("vehicles enough for every delivery", deliveries, enough)


if __name__ == "__main__":
    main()

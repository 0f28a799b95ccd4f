import random

from odoo.tests import BaseCase, tagged

from odoo.addons.tile_logistics.load_math import (
    Delivery,
    LoadFigures,
    Vehicle,
    allocate,
    excess,
    fill_percent,
    freight_cost,
    line_figures,
    load_figures,
    propose_loads,
)

# 800×800 tiles: 42 kg a box, 30 boxes a pallet (1,260 kg a pallet).
KG_800, BPP_800 = 42, 30
TRUCK_25 = Vehicle("T25", 25000, 22)


def loads(proposal):
    """[(vehicle, region, deliveries)] of a proposal, in its order."""
    return [(load.vehicle_key, load.region, load.delivery_keys) for load in proposal.loads]


def first_fit_in_order(deliveries, payload_kg):
    """Trucks a dispatcher needs filling one truck after another in the order orders came in."""
    trucks = []
    for delivery in deliveries:
        for i, weight in enumerate(trucks):
            if weight + delivery.weight_kg <= payload_kg:
                trucks[i] += delivery.weight_kg
                break
        else:
            trucks.append(delivery.weight_kg)
    return len(trucks)


@tagged("post_install", "-at_install")
class TestLoadMath(BaseCase):
    def test_a_25_t_truck_takes_19_pallets_of_800x800_not_20(self):
        nineteen = line_figures(19 * BPP_800, KG_800, BPP_800)
        self.assertEqual(nineteen, LoadFigures(23940.0, 19, 0.0, 19))
        self.assertEqual(excess(nineteen.weight_kg, nineteen.pallet_places, 25000, 22), (0.0, 0))
        self.assertAlmostEqual(fill_percent(23940, 19, 25000, 22), 95.76, "full by weight, not by floor")
        twenty = line_figures(20 * BPP_800, KG_800, BPP_800)
        self.assertEqual(twenty, LoadFigures(25200.0, 20, 0.0, 20))
        # 2 of the 22 places are still empty, yet the truck is 200 kg over its payload.
        self.assertEqual(excess(twenty.weight_kg, twenty.pallet_places, 25000, 22), (200.0, 0))
        self.assertAlmostEqual(fill_percent(25200, 20, 25000, 22), 100.8)

    def test_loose_boxes_of_several_lines_share_mixed_pallets(self):
        # 1 pallet and 15 loose boxes, then 20 loose boxes: half a pallet each.
        lines = [(45, KG_800, BPP_800), (20, 30, 40)]
        self.assertEqual(load_figures(lines), LoadFigures(45 * 42 + 20 * 30, 1, 35.0, 2))
        self.assertEqual([line_figures(*line).pallet_places for line in lines], [2, 1], "3 places apart")
        self.assertEqual(load_figures([(25, 10, 30), (30, 10, 40)]).pallet_places, 2, "5/6 + 3/4 of a pallet")
        self.assertEqual(load_figures([(60, KG_800, BPP_800)]), LoadFigures(2520.0, 2, 0.0, 2))
        self.assertEqual(load_figures([]), LoadFigures(0.0, 0, 0.0, 0))
        # Eleven products, 4 boxes each at 44 a pallet: 11 × 1/11 adds up to 1.0000000000000002 in floats.
        self.assertEqual(load_figures([(4, 20, 44)] * 11).pallet_places, 1)
        self.assertEqual(load_figures([(4, 20, 44)] * 12).pallet_places, 2)

    def test_partial_boxes_weigh_exactly_their_share(self):
        # 2.5 boxes: two boxes and half a box of loose pieces.
        self.assertEqual(line_figures(2.5, KG_800, BPP_800), LoadFigures(105.0, 0, 2.5, 1))
        self.assertEqual(line_figures(30.5, KG_800, BPP_800), LoadFigures(1281.0, 1, 0.5, 2))
        # 32.4 m² at 1.08 m² a box is 29.999999999999996 boxes in floats: one pallet, nothing loose.
        for boxes in (32.4 / 1.08, 43.2 / 1.44):
            figures = line_figures(boxes, 32.4, 30)
            self.assertEqual((figures.full_pallets, figures.loose_boxes, figures.pallet_places), (1, 0.0, 1))

    def test_goods_without_boxes_per_pallet_count_only_by_weight(self):
        sacks = (40, 25, 0)  # 40 sacks of adhesive, 25 kg each, not palletised
        self.assertEqual(line_figures(*sacks), LoadFigures(1000.0, 0, 0.0, 0))
        self.assertEqual(
            load_figures([sacks, (30, KG_800, BPP_800), (3, 5, -1)]), LoadFigures(2275.0, 1, 0.0, 1)
        )

    def test_impossible_numbers_are_refused(self):
        for boxes in (-1, float("nan"), float("inf"), "3", None, True):
            with self.assertRaisesRegex(ValueError, "boxes must be a non-negative number"):
                line_figures(boxes, KG_800, BPP_800)
        with self.assertRaisesRegex(ValueError, "kg per box must be a non-negative number"):
            load_figures([(1, 1, 30), (1, -42, 30)])
        for bpp in (float("nan"), float("inf"), None):
            with self.assertRaisesRegex(ValueError, "boxes per pallet must be a number"):
                line_figures(1, KG_800, bpp)

    def test_a_capacity_of_zero_is_not_limited(self):
        self.assertEqual(excess(30000, 30, 0, 0), (0.0, 0))
        self.assertEqual(excess(30000, 30, 0, 22), (0.0, 8))
        self.assertEqual(excess(30000, 30, 25000, 0), (5000.0, 0))
        self.assertEqual(excess(25000.0000001, 22, 25000, 22), (0.0, 0), "float dust is no excess")
        self.assertEqual(fill_percent(30000, 30, 0, 0), 0.0)
        self.assertEqual(fill_percent(5000, 11, 0, 22), 50.0)
        self.assertEqual(fill_percent(5000, 11, 10000, 0), 50.0)
        self.assertEqual(fill_percent(5000, 11, 25000, 22), 50.0, "by places: 20 % by weight")

    def test_each_region_gets_its_own_trucks(self):
        deliveries = [
            Delivery("SH-1", "Shanghai", 4000, 3),
            Delivery("JS-1", "Jiangsu", 4000, 3),
            Delivery("SH-2", "Shanghai", 4000, 3),
        ]
        result = propose_loads(deliveries, [Vehicle("T25-1", 25000, 22), Vehicle("T25-2", 25000, 22)])
        # One truck could carry all three, but a truck does not go to two regions.
        self.assertEqual(
            loads(result), [("T25-1", "Shanghai", ("SH-1", "SH-2")), ("T25-2", "Jiangsu", ("JS-1",))]
        )
        self.assertEqual((result.loads[0].weight_kg, result.loads[0].pallet_places), (8000.0, 6))
        self.assertEqual(result.unplanned, [])
        # With one truck the heavier region is served and the other waits.
        result = propose_loads(deliveries, [TRUCK_25])
        self.assertEqual(loads(result), [("T25", "Shanghai", ("SH-1", "SH-2"))])
        self.assertEqual(result.unplanned, [("JS-1", "no_vehicle")])

    def test_heaviest_first_fills_fewer_trucks_than_the_order_of_arrival(self):
        deliveries = [
            Delivery("D1", "Foshan", 3000, 2),
            Delivery("D2", "Foshan", 3000, 2),
            Delivery("D3", "Foshan", 7000, 6),
            Delivery("D4", "Foshan", 7000, 6),
        ]
        vehicles = [Vehicle(f"T10-{i}", 10000, 10) for i in (1, 2, 3)]
        self.assertEqual(first_fit_in_order(deliveries, 10000), 3, "3 + 3, then 7 and 7 alone")
        result = propose_loads(deliveries, vehicles)
        self.assertEqual(
            loads(result), [("T10-1", "Foshan", ("D3", "D1")), ("T10-2", "Foshan", ("D4", "D2"))]
        )
        self.assertEqual([load.weight_kg for load in result.loads], [10000.0, 10000.0], "exactly full")

    def test_pallet_places_limit_a_trip_as_much_as_weight(self):
        # Light but bulky: 8 places each, a 25 t truck has room for two by weight and floor.
        deliveries = [Delivery(f"D{i}", "Beijing", 2000, 8) for i in (1, 2, 3)]
        result = propose_loads(deliveries, [Vehicle("A", 25000, 22), Vehicle("B", 25000, 22)])
        self.assertEqual(loads(result), [("A", "Beijing", ("D1", "D2")), ("B", "Beijing", ("D3",))])

    def test_what_no_vehicle_can_carry_is_too_heavy_and_what_is_left_waits(self):
        deliveries = [
            Delivery("HEAVY", "Sichuan", 26000, 20),
            Delivery("BULKY", "Sichuan", 9000, 23),
            Delivery("A", "Sichuan", 20000, 16),
            Delivery("B", "Sichuan", 20000, 16),
        ]
        result = propose_loads(deliveries, [TRUCK_25, Vehicle("T10", 10000, 10)])
        self.assertEqual(loads(result), [("T25", "Sichuan", ("A",))])
        self.assertEqual(
            result.unplanned, [("HEAVY", "too_heavy"), ("B", "no_vehicle"), ("BULKY", "too_heavy")]
        )
        self.assertEqual(propose_loads(deliveries[:1], []).unplanned, [("HEAVY", "too_heavy")])

    def test_a_light_trip_hands_its_big_truck_to_a_later_region(self):
        vehicles = [Vehicle("T25-1", 25000, 22), Vehicle("T25-2", 25000, 22), Vehicle("T15", 15000, 14)]
        deliveries = [
            Delivery("ZJ-1", "Zhejiang", 20000, 10),
            Delivery("ZJ-2", "Zhejiang", 12000, 8),
            Delivery("BJ-1", "Beijing", 22000, 14),
        ]
        result = propose_loads(deliveries, vehicles)
        # Zhejiang (32 t) is packed on both 25 t trucks, then its 12 t trip moves to the 15 t one:
        # without that Beijing's 22 t would have no truck left.
        self.assertEqual(
            loads(result),
            [
                ("T25-1", "Zhejiang", ("ZJ-1",)),
                ("T15", "Zhejiang", ("ZJ-2",)),
                ("T25-2", "Beijing", ("BJ-1",)),
            ],
        )
        self.assertEqual(result.unplanned, [])
        # A small region goes on the smallest vehicle that carries it.
        small = propose_loads([Delivery("FS-1", "Foshan", 3000, 2)], [*vehicles, Vehicle("T5", 5000, 6)])
        self.assertEqual(loads(small), [("T5", "Foshan", ("FS-1",))])

    def test_the_proposal_does_not_depend_on_the_input_order(self):
        rnd = random.Random(7)
        regions = ("Shanghai", "Zhejiang", "Jiangsu", "Sichuan")
        deliveries = [
            Delivery(
                f"D{i:02}",
                rnd.choice(regions),
                rnd.choice((1500, 4000, 6500, 9000, 12000)),
                rnd.randint(1, 10),
            )
            for i in range(40)
        ]
        sizes = ((25000, 22), (10000, 10), (5000, 6))
        vehicles = [Vehicle(f"V{i:02}", *sizes[i % 3]) for i in range(12)]
        first = propose_loads(deliveries, vehicles)
        for _attempt in range(5):
            rnd.shuffle(deliveries)
            rnd.shuffle(vehicles)
            self.assertEqual(propose_loads(deliveries, vehicles), first)
        # Every delivery once, every vehicle at most once, one region a truck, within capacity.
        planned = [key for load in first.loads for key in load.delivery_keys]
        unplanned = [key for key, _reason in first.unplanned]
        self.assertEqual(sorted(planned + unplanned), sorted(d.key for d in deliveries))
        self.assertEqual(len({load.vehicle_key for load in first.loads}), len(first.loads))
        by_key = {d.key: d for d in deliveries}
        fleet = {v.key: v for v in vehicles}
        for load in first.loads:
            self.assertEqual({by_key[key].region for key in load.delivery_keys}, {load.region})
            vehicle = fleet[load.vehicle_key]
            self.assertEqual(
                excess(load.weight_kg, load.pallet_places, vehicle.payload_kg, vehicle.places), (0, 0)
            )

    def test_a_delivery_or_vehicle_given_twice_is_an_error(self):
        with self.assertRaisesRegex(ValueError, "delivery 'D1' is given twice"):
            propose_loads([Delivery("D1", "A", 1, 1), Delivery("D1", "B", 1, 1)], [TRUCK_25])
        with self.assertRaisesRegex(ValueError, "vehicle 'T25' is given twice"):
            propose_loads([], [TRUCK_25, TRUCK_25])
        with self.assertRaisesRegex(ValueError, "the weight of delivery 'D1' must be a non-negative number"):
            propose_loads([Delivery("D1", "A", -5, 1)], [TRUCK_25])

    def test_allocate_adds_up_to_the_cent(self):
        self.assertEqual(allocate(100, [1, 1, 1]), [33.34, 33.33, 33.33])
        self.assertEqual(allocate(1000, [23940, 1260, 0]), [950.0, 50.0, 0.0])
        self.assertEqual(allocate(10, [0, 0, 0, 0]), [2.5, 2.5, 2.5, 2.5], "all weights zero: equal shares")
        self.assertEqual(allocate(-10, [1, 1, 1]), [-3.34, -3.33, -3.33], "a credit splits the same way")
        self.assertEqual(allocate(10, [1, 2], digits=0), [3.0, 7.0])
        self.assertEqual(allocate(0, []), [])
        with self.assertRaisesRegex(ValueError, "nothing to split"):
            allocate(5, [])
        with self.assertRaisesRegex(ValueError, "a weight to split by must be a non-negative number"):
            allocate(5, [1, -1])
        rnd = random.Random(3)
        for _case in range(300):
            total = round(rnd.uniform(0, 50000), rnd.choice((0, 2, 4)))
            weights = [
                rnd.choice((0, rnd.uniform(0, 30000), rnd.randint(1, 9))) for _w in range(rnd.randint(1, 12))
            ]
            amounts = allocate(total, weights)
            self.assertEqual(round(sum(amounts), 2), round(total, 2), (total, weights))
            self.assertEqual(amounts, [round(amount, 2) for amount in amounts])
            if any(weights):  # the largest weight never gets less than a smaller one
                biggest = weights.index(max(weights))
                self.assertEqual(max(amounts), amounts[biggest])

    def test_freight_by_trip_tonne_kilometre_or_pallet(self):
        self.assertEqual(freight_cost("trip", 1800), 1800.0)
        # 23.94 t over 1,450 km (Foshan to Shanghai) at 0.25 a tonne-kilometre.
        self.assertAlmostEqual(freight_cost("tkm", 0.25, weight_kg=23940, distance_km=1450), 8678.25)
        self.assertEqual(freight_cost("pallet", 95, pallet_places=19), 1805.0)
        with self.assertRaisesRegex(ValueError, "unknown freight basis 'km'"):
            freight_cost("km", 3, distance_km=100)
        with self.assertRaisesRegex(ValueError, "the freight rate must be a non-negative number"):
            freight_cost("trip", -1)

"""Truck loads by weight and pallet places, proposed loads, freight cost and its split.

No ORM here. The models turn delivery lines into (boxes, kg per box, boxes per pallet),
deliveries into Delivery and the day's vehicles into Vehicle, call these functions and
write the results back; tests call them directly.

A truck is limited twice: by its payload (kg) and by its pallet places. Tiles are heavy,
so a truck is often full by weight long before its floor is: a 25 t truck with 22 places
takes 19 pallets of 800×800 (1,260 kg each), not 20.

Pallets: a line's boxes make as many full pallets as they can; the loose rest of every
line of a load is stacked together on mixed pallets. Goods without boxes per pallet
(bpp <= 0: adhesive sacks, tools) ride along on the floor and count only by weight.
A capacity of 0 means "not limited", as on a vehicle whose payload nobody typed.
"""

import math
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

_EPS = 1e-9  # pallets: float dust, far below one box
_KG_EPS = 1e-6  # kg: float dust from fractional boxes, far below a gram


def _number(value, what):
    """``value`` as a float; ValueError when it is not a finite number >= 0."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise ValueError(f"{what} must be a non-negative number, not {value!r}")
    return float(value)


def _rank(key):
    # Ties break on the key; keys of different types (ids, codes, False) still sort.
    return (type(key).__name__, key)


def _limit(capacity):
    # 0 (not set) is no limit at all.
    return capacity if capacity > 0 else math.inf


@dataclass(frozen=True)
class LoadFigures:
    """What a set of lines puts on a truck.

    ``loose_boxes``: the boxes on mixed pallets (the rest of each palletised line after
    its full pallets); ``pallet_places``: full pallets plus mixed pallets.
    """

    weight_kg: float
    full_pallets: int
    loose_boxes: float
    pallet_places: int


def _line(boxes, kg_per_box, bpp):
    """(weight, full pallets, loose boxes, loose boxes as a fraction of a pallet) of one line."""
    boxes = _number(boxes, "boxes")
    weight = boxes * _number(kg_per_box, "kg per box")
    if isinstance(bpp, bool) or not isinstance(bpp, int | float) or not math.isfinite(bpp):
        raise ValueError(f"boxes per pallet must be a number, not {bpp!r}")
    if bpp <= 0:  # not palletised: on the floor, by weight only
        return weight, 0, 0.0, 0.0
    full = math.floor(boxes / bpp + _EPS)
    loose = boxes - full * bpp
    if loose < _EPS * bpp:  # 59.999999 boxes at 30 a pallet are 2 pallets, no rest
        loose = 0.0
    return weight, full, loose, loose / bpp


def line_figures(boxes, kg_per_box, boxes_per_pallet):
    """LoadFigures of one line alone (its loose boxes on a mixed pallet of their own)."""
    return load_figures([(boxes, kg_per_box, boxes_per_pallet)])


def load_figures(lines):
    """LoadFigures of ``lines``: (boxes, kg per box, boxes per pallet) each.

    Boxes may be fractional (a partial box of loose pieces). The loose rests of all lines
    share mixed pallets: half a pallet of one product and half of another take one place.
    """
    weight, full, loose, share = 0.0, 0, 0.0, 0.0
    for boxes, kg_per_box, boxes_per_pallet in lines:
        line_weight, line_full, line_loose, line_share = _line(boxes, kg_per_box, boxes_per_pallet)
        weight += line_weight
        full += line_full
        loose += line_loose
        share += line_share
    mixed = math.ceil(share - _EPS)  # nine 1/9 pallets in floats add up to 1.0000000000000002: one
    return LoadFigures(weight, full, loose, full + mixed)


def excess(weight_kg, pallet_places, payload_kg, places):
    """(kg over the payload, pallet places over the vehicle's), each >= 0.

    A capacity of 0 is not limited. Float dust (a millionth of a kg) is not an excess.
    """
    kg_over = weight_kg - payload_kg if payload_kg > 0 else 0.0
    places_over = pallet_places - places if places > 0 else 0
    return (float(kg_over) if kg_over > _KG_EPS else 0.0), max(places_over, 0)


def fill_percent(weight_kg, pallet_places, payload_kg, places):
    """How full a vehicle is: the larger of its weight % and its pallet-place % (0 when
    neither capacity is set). Over 100 when overloaded."""
    shares = [0.0]
    if payload_kg > 0:
        shares.append(100.0 * weight_kg / payload_kg)
    if places > 0:
        shares.append(100.0 * pallet_places / places)
    return max(shares)


@dataclass(frozen=True)
class Delivery:
    """A delivery to put on a truck, whole: its region, its weight and pallet places."""

    key: object
    region: object
    weight_kg: float
    pallet_places: int


@dataclass(frozen=True)
class Vehicle:
    """A vehicle available that day, for one trip. 0 payload or places: not limited."""

    key: object
    payload_kg: float
    places: int

    def carries(self, weight_kg, pallet_places):
        return weight_kg <= _limit(self.payload_kg) + _KG_EPS and pallet_places <= _limit(self.places)

    def size(self):
        """Sort key: the bigger vehicle is the one with more payload, then more places."""
        return (_limit(self.payload_kg), _limit(self.places))


@dataclass(frozen=True)
class ProposedLoad:
    vehicle_key: object
    region: object
    delivery_keys: tuple
    weight_kg: float
    pallet_places: int


@dataclass(frozen=True)
class Proposal:
    """``loads`` in the order the regions were served; ``unplanned``: [(delivery key, reason)]
    with reason "too_heavy" (bigger than any vehicle, by kg or pallet places) or
    "no_vehicle" (it would fit, but no vehicle was left)."""

    loads: list
    unplanned: list


class _Trip:
    def __init__(self, vehicle, region):
        self.vehicle, self.region, self.keys, self.weight, self.places = vehicle, region, [], 0.0, 0

    def takes(self, delivery):
        return self.vehicle.carries(self.weight + delivery.weight_kg, self.places + delivery.pallet_places)

    def add(self, delivery):
        self.keys.append(delivery.key)
        self.weight += delivery.weight_kg
        self.places += delivery.pallet_places

    def load(self):
        return ProposedLoad(self.vehicle.key, self.region, tuple(self.keys), self.weight, self.places)


def _check(deliveries, vehicles):
    seen = set()
    for delivery in deliveries:
        if delivery.key in seen:
            raise ValueError(f"delivery {delivery.key!r} is given twice")
        seen.add(delivery.key)
        _number(delivery.weight_kg, f"the weight of delivery {delivery.key!r}")
        _number(delivery.pallet_places, f"the pallet places of delivery {delivery.key!r}")
    seen = set()
    for vehicle in vehicles:
        if vehicle.key in seen:
            raise ValueError(f"vehicle {vehicle.key!r} is given twice")
        seen.add(vehicle.key)
        _number(vehicle.payload_kg, f"the payload of vehicle {vehicle.key!r}")
        _number(vehicle.places, f"the pallet places of vehicle {vehicle.key!r}")


def _downsize(trips, free):
    """Move each trip to the smallest free vehicle that carries it, when smaller than its own.

    The region is packed on the biggest vehicles; a light trip then hands its big truck
    back for the regions still to come. ``free`` stays sorted biggest first."""
    for trip in trips:
        fitting = [vehicle for vehicle in free if vehicle.carries(trip.weight, trip.places)]
        smaller = min(fitting, key=lambda v: (v.size(), _rank(v.key)), default=None)
        if smaller is not None and smaller.size() < trip.vehicle.size():
            free.remove(smaller)
            free.append(trip.vehicle)
            free.sort(key=_biggest_first)
            trip.vehicle = smaller


def _biggest_first(vehicle):
    payload, places = vehicle.size()
    return (-payload, -places, _rank(vehicle.key))


def propose_loads(deliveries, vehicles):
    """Proposal of loads for the day: which deliveries go together on which vehicle.

    Each region is packed on its own trucks, the heaviest region first; within a region
    first-fit decreasing: the heaviest delivery first into the first trip with room, a
    new trip on the biggest free vehicle that carries it when none has room. Deliveries
    are never split. Then each trip of the region moves to a smaller free vehicle when
    one carries it. Input order does not matter: ties break on the keys.
    """
    deliveries, vehicles = list(deliveries), list(vehicles)
    _check(deliveries, vehicles)
    by_region = defaultdict(list)
    for delivery in deliveries:
        by_region[delivery.region].append(delivery)
    # fsum: the same total in any input order, so equal regions tie on their names, not on dust.
    totals = {region: math.fsum(d.weight_kg for d in group) for region, group in by_region.items()}
    free = sorted(vehicles, key=_biggest_first)
    loads, unplanned = [], []
    for region in sorted(by_region, key=lambda region: (-totals[region], _rank(region))):
        trips = []
        todo = sorted(by_region[region], key=lambda d: (-d.weight_kg, -d.pallet_places, _rank(d.key)))
        for delivery in todo:
            trip = next((trip for trip in trips if trip.takes(delivery)), None)
            if trip is None:
                vehicle = next(
                    (v for v in free if v.carries(delivery.weight_kg, delivery.pallet_places)), None
                )
                if vehicle is None:
                    able = any(v.carries(delivery.weight_kg, delivery.pallet_places) for v in vehicles)
                    unplanned.append((delivery.key, "no_vehicle" if able else "too_heavy"))
                    continue
                free.remove(vehicle)
                trip = _Trip(vehicle, region)
                trips.append(trip)
            trip.add(delivery)
        _downsize(trips, free)
        loads += [trip.load() for trip in trips]
    return Proposal(loads, unplanned)


def allocate(total, weights, digits=2):
    """``total`` split in proportion to ``weights``, each amount rounded to ``digits``.

    The amounts add up to round(total, digits) to the last cent: the cents lost to rounding
    go to the largest remainders (the first of equal ones). All-zero weights split equally.
    """
    total = float(total)
    if not math.isfinite(total):
        raise ValueError(f"the amount to split must be a finite number, not {total!r}")
    if not isinstance(digits, int) or digits < 0:
        raise ValueError(f"digits must be a whole number >= 0, not {digits!r}")
    weights = [Fraction(_number(weight, "a weight to split by")) for weight in weights]
    scale = 10**digits
    units = round(Fraction(total) * scale)  # exact: no float dust in the cents
    if not weights:
        if units:
            raise ValueError(f"there is nothing to split {total} over")
        return []
    if not any(weights):
        weights = [Fraction(1)] * len(weights)
    whole = sum(weights)
    sign, units = (-1 if units < 0 else 1), abs(units)
    quotas = [units * weight / whole for weight in weights]
    shares = [math.floor(quota) for quota in quotas]
    by_remainder = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - shares[i]), i))
    for i in by_remainder[: units - sum(shares)]:
        shares[i] += 1
    return [round(sign * share / scale, digits) for share in shares]


FREIGHT_BASES = ("trip", "tkm", "pallet")


def freight_cost(basis, rate, weight_kg=0, distance_km=0, pallet_places=0):
    """The freight of one trip: ``rate`` per trip, per tonne-kilometre or per pallet place."""
    rate = _number(rate, "the freight rate")
    if basis == "trip":
        return rate
    if basis == "tkm":
        return rate * _number(weight_kg, "the weight") / 1000.0 * _number(distance_km, "the distance")
    if basis == "pallet":
        return rate * _number(pallet_places, "the pallet places")
    raise ValueError(f"unknown freight basis {basis!r}: use one of {', '.join(FREIGHT_BASES)}")

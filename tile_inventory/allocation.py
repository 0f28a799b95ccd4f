"""Plain one-shade allocation arithmetic: which lot serves a quantity, and why.

No ORM here. A candidate is a LotOption; the models build the options from
quants and call these functions, tests call them directly.
"""

from collections import namedtuple
from datetime import timedelta

# free: quantity (pieces) one lot can still give; preferred: a rank, lowest first
# (0 held for this customer or quotation, 1 bought before by this customer, 2 other);
# age: a sortable date, oldest first.
LotOption = namedtuple("LotOption", "lot_id free preferred age")

_EPSILON = 1e-6


def choose_lot(options, qty):
    """The single lot that serves ``qty`` whole, or None.

    Among lots that fit: a preferred lot first (hold, re-order, same shade),
    then the smallest lot that fits (so big lots stay whole), then the oldest.
    """
    fits = [opt for opt in options if opt.free + _EPSILON >= qty]
    if not fits:
        return None
    return min(fits, key=lambda opt: (opt.preferred, opt.free, opt.age, opt.lot_id))


def best_options(options, limit=3):
    """The largest lots, to show when no single lot fits."""
    return sorted((opt for opt in options if opt.free > _EPSILON), key=lambda opt: (-opt.free, opt.age))[
        :limit
    ]


def split_plan(options, qty):
    """[(lot_id, qty)] that covers ``qty`` with the fewest lots (largest first), or None."""
    plan, left = [], qty
    for opt in best_options(options, limit=len(options)):
        if left <= _EPSILON:
            break
        take = min(opt.free, left)
        plan.append((opt.lot_id, take))
        left -= take
    return plan if left <= _EPSILON else None


def take(options, plan):
    """``options`` with the quantities of ``plan`` ([(lot_id, qty)]) no longer free."""
    taken = dict(plan)
    return [
        opt._replace(free=opt.free - taken[opt.lot_id]) if opt.lot_id in taken else opt for opt in options
    ]


def add_working_days(start, days):
    """The date ``days`` working days (Monday to Friday) after ``start``."""
    current, left = start, days
    while left > 0:
        current = current + timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current

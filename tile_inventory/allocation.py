"""Plain one-shade allocation arithmetic: which lots serve a quantity, and why.

No ORM here. A candidate is a LotOption; the models build the options from
quants and call these functions, tests call them directly.

One shade means one *shade group*: the lots of one product with the same shade,
caliber and grade (two receipts of one production shade lie side by side on a
floor without anyone seeing it). A group is served from its fewest lots; only
needing two groups is mixing.
"""

from collections import namedtuple
from datetime import timedelta

# free: quantity (pieces) one lot can still give; preferred: a rank, lowest first
# (0 held for this customer or quotation, 1 bought before by this customer, 2 other);
# age: a sortable date, oldest first; group: the shade group key (shade, caliber, grade).
LotOption = namedtuple("LotOption", "lot_id free preferred age group")
# A shade group seen as a whole: its key, total free pieces, lots with free stock.
GroupOption = namedtuple("GroupOption", "key free preferred age lots")

_EPSILON = 1e-6


# Separates shade, caliber and grade in a group key (the database builds the same key).
KEY_SEPARATOR = "\x1f"


def shade_group_key(shade, caliber, grade):
    """The key of a shade group; a missing attribute is an empty value, not a wildcard."""
    return KEY_SEPARATOR.join((shade or "", caliber or "", grade or ""))


def shade_groups(options):
    """[GroupOption] of the options, each with its lots that still have free pieces."""
    by_key = {}
    for opt in options:
        if opt.free > _EPSILON:
            by_key.setdefault(opt.group, []).append(opt)
    return [
        GroupOption(
            key,
            sum(opt.free for opt in lots),
            min(opt.preferred for opt in lots),
            min(opt.age for opt in lots),
            lots,
        )
        for key, lots in by_key.items()
    ]


def choose_lot(options, qty):
    """The single lot that serves ``qty`` whole, or None.

    Among lots that fit: a preferred lot first (hold, re-order), then the smallest
    lot that fits (so big lots stay whole), then the oldest.
    """
    fits = [opt for opt in options if opt.free + _EPSILON >= qty]
    if not fits:
        return None
    return min(fits, key=lambda opt: (opt.preferred, opt.free, opt.age, opt.lot_id))


def group_plan(lots, qty):
    """[(lot_id, qty)] serving ``qty`` from the fewest lots of one shade group, or None.

    One lot when one fits (chosen as choose_lot does); otherwise the largest lots
    first, which needs the fewest of them.
    """
    single = choose_lot(lots, qty)
    if single:
        return [(single.lot_id, qty)]
    plan, left = [], qty
    for opt in sorted(lots, key=lambda opt: (-opt.free, opt.preferred, opt.age, opt.lot_id)):
        if left <= _EPSILON:
            break
        if opt.free <= _EPSILON:
            continue
        part = min(opt.free, left)
        plan.append((opt.lot_id, part))
        left -= part
    return plan if left <= _EPSILON else None


def choose_group(options, qty, keys=None):
    """(group key, plan) of the shade group that serves ``qty`` alone, or None.

    Among groups that can (only those in ``keys`` when given): held for this
    customer first, then bought before, then the smallest group that fits (big
    groups stay whole for big jobs), then the oldest.
    """
    best = None
    for group in shade_groups(options):
        if keys is not None and group.key not in keys:
            continue
        if group.free + _EPSILON < qty:
            continue
        rank = (group.preferred, group.free, group.age, group.key)
        if best is None or rank < best[0]:
            best = (rank, group)
    if best is None:
        return None
    group = best[1]
    return group.key, group_plan(group.lots, qty)


def best_groups(options, limit=3):
    """The largest shade groups, to show when none fits alone."""
    groups = sorted(shade_groups(options), key=lambda grp: (-grp.free, grp.age, grp.key))
    return groups[:limit]


def mix_plan(options, qty):
    """(plan, number of groups) covering ``qty`` from the fewest shade groups, or None.

    Only for users allowed to mix shades: largest groups first, each from its
    fewest lots.
    """
    plan, left, used = [], qty, 0
    for group in best_groups(options, limit=None):
        if left <= _EPSILON:
            break
        part = min(group.free, left)
        plan.extend(group_plan(group.lots, part))
        left -= part
        used += 1
    return (plan, used) if left <= _EPSILON else None


def take(options, plan):
    """``options`` with the quantities of ``plan`` ([(lot_id, qty)]) no longer free."""
    taken = {}
    for lot_id, qty in plan:
        taken[lot_id] = taken.get(lot_id, 0.0) + qty
    return [
        opt._replace(free=opt.free - taken[opt.lot_id]) if opt.lot_id in taken else opt for opt in options
    ]


def assign_lines(line_qtys, plan):
    """[(line index, lot_id, qty)]: the lines of a group spread over the plan's lots.

    Lines are filled in order from the plan's lots in order, so a line is split
    only where a lot runs out; quantities are in pieces.
    """
    result, lots = [], [[lot_id, qty] for lot_id, qty in plan]
    position = 0
    for index, qty in enumerate(line_qtys):
        left = qty
        while left > _EPSILON and position < len(lots):
            lot_id, available = lots[position]
            part = min(available, left)
            result.append((index, lot_id, part))
            left -= part
            lots[position][1] -= part
            if lots[position][1] <= _EPSILON:
                position += 1
        if left > _EPSILON:
            raise ValueError("the plan does not cover the lines")
    return result


def add_working_days(start, days):
    """The date ``days`` working days (Monday to Friday) after ``start``."""
    current, left = start, days
    while left > 0:
        current = current + timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current

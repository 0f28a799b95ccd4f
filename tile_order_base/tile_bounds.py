"""Plain bounds of every number a person types into the tile suite.

No ORM here. Values outside these ranges are typos (a 1,000,000,000 m² floor, a box
of 2,147,483,648 pieces) and would otherwise end as a database error; models check
them with ``bound_error`` before anything is written.
"""

import math

# Format and pack data of a tile.
FORMAT_MM = (0, 5000)
THICKNESS_MM = (0, 100)
PIECES_PER_BOX = (0, 1000)
M2_PER_BOX = (0, 20)
WEIGHT_PER_BOX_KG = (0, 2000)
BOXES_PER_PALLET = (0, 10_000)
PERCENT = (0, 100)
# Rooms and quantities.
ROOM_SIDE_M = (0, 1000)
ROOM_AREA_M2 = (0, 100_000)
# Asked quantity of one line (m², boxes or pieces); the m² limit per line is checked apart.
ENTRY_QTY = (0, 10_000_000)
# Pieces on one document line: far below PostgreSQL's integer limit (2,147,483,647).
LINE_PIECES = 10_000_000
# Stock figures.
HOLD_BOXES = (0, 1_000_000)
SAFETY_QTY = (0, 10_000_000)
DAYS = (0, 365)
FRAGMENT_BOXES = (0, 1_000_000)


def bound_error(value, bounds):
    """None when ``value`` is a number within ``bounds`` (low, high), else why not.

    Returns 'type' for something that is not a finite number (text, a list, a
    boolean), 'range' for a number outside the bounds.
    """
    if value is None or value is False:
        return None  # an empty field: required-ness is checked elsewhere
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "type"
    if not math.isfinite(value):
        return "type"
    low, high = bounds
    if value < low or value > high:
        return "range"
    return None

"""Plain tile arithmetic: m² ⇄ boxes ⇄ pieces, rounding and wastage.

No ORM here: models call these functions, tests call them directly. Quantities
of pieces are whole numbers; m² and boxes are derived from pieces so that one
exact stock quantity (pieces) sits under every figure shown to the user.
"""

import math
import re
import unicodedata

# m² and box figures keep 4 decimals: 0.0001 m² is far below a tile's tolerance,
# and it keeps 10 m² / 1.44 m² per box (6.944…) stable through a float round-trip.
QTY_DIGITS = 4
# Float noise below this never adds a box: 7.0000000001 boxes are 7 boxes.
_EPSILON = 1e-9


def format_area_m2(length_mm, width_mm):
    """Covered area of one piece in m² (nominal format)."""
    return (length_mm or 0.0) * (width_mm or 0.0) / 1_000_000.0


def box_area_from_format(length_mm, width_mm, pieces_per_box):
    """m² per box as format × pieces, before a maker's printed figure overrides it."""
    return round(format_area_m2(length_mm, width_mm) * (pieces_per_box or 0), QTY_DIGITS)


def area_deviation(m2_per_box, length_mm, width_mm, pieces_per_box):
    """Relative gap between a printed m²/box and format × pieces (0.05 = 5 %)."""
    nominal = box_area_from_format(length_mm, width_mm, pieces_per_box)
    if not nominal:
        return 0.0
    return abs(m2_per_box - nominal) / nominal


def pieces_from(qty, unit, pieces_per_box, m2_per_box, whole_boxes=True):
    """Pieces needed to cover ``qty`` given in ``unit`` ('m2', 'box' or 'piece').

    Always rounds up: never fewer m² than asked. With ``whole_boxes`` the result
    is a whole number of boxes, so at most one box more than asked.
    """
    if qty < 0:
        raise ValueError("quantity must not be negative")
    if pieces_per_box <= 0 or m2_per_box <= 0:
        raise ValueError("pieces per box and m² per box must be positive")
    if unit == "piece":
        pieces = math.ceil(qty - _EPSILON)
    elif unit == "box":
        pieces = math.ceil(qty * pieces_per_box - _EPSILON)
    elif unit == "m2":
        pieces = math.ceil(qty * pieces_per_box / m2_per_box - _EPSILON)
    else:
        raise ValueError(f"unknown unit {unit!r}")
    pieces = max(pieces, 0)
    if whole_boxes:
        pieces = math.ceil(pieces / pieces_per_box - _EPSILON) * pieces_per_box
    return int(pieces)


def boxes_from_pieces(pieces, pieces_per_box):
    """Boxes as a decimal (7.25 boxes = 7 boxes and one loose piece of four)."""
    if not pieces_per_box:
        return 0.0
    return round(pieces / pieces_per_box, QTY_DIGITS)


def m2_from_pieces(pieces, pieces_per_box, m2_per_box):
    """m² covered by ``pieces``: whole boxes at the printed m²/box, loose pieces pro rata."""
    if not pieces_per_box:
        return 0.0
    whole, loose = divmod(int(round(pieces)), int(pieces_per_box))
    return round(whole * m2_per_box + loose * m2_per_box / pieces_per_box, QTY_DIGITS)


def split_boxes(pieces, pieces_per_box):
    """(whole boxes, loose pieces) for a number of pieces."""
    if not pieces_per_box:
        return 0, int(pieces)
    whole, loose = divmod(int(round(pieces)), int(pieces_per_box))
    return whole, loose


def pallets_from_boxes(boxes, boxes_per_pallet):
    """Pallets as a decimal; a partly filled pallet counts by its share."""
    if not boxes_per_pallet:
        return 0.0
    return round(boxes / boxes_per_pallet, QTY_DIGITS)


def weight_from_pieces(pieces, pieces_per_box, weight_per_box):
    """Weight in kg of ``pieces`` (loose pieces weigh their share of a box)."""
    if not pieces_per_box:
        return 0.0
    return round(pieces * weight_per_box / pieces_per_box, 3)


def gross_area(net_area_m2, wastage_percent):
    """Area to order for a room: net area plus wastage for cuts and breakage."""
    if net_area_m2 < 0 or wastage_percent < 0:
        raise ValueError("area and wastage must not be negative")
    return round(net_area_m2 * (1 + wastage_percent / 100.0), QTY_DIGITS)


def unit_prices(price, price_unit_type, m2_per_box):
    """(price per m², price per box) of a price given per 'm2' or per 'box'."""
    if not m2_per_box:
        return 0.0, 0.0
    if price_unit_type == "box":
        return price / m2_per_box, price
    return price, price * m2_per_box


def fmt_qty(value):
    """A quantity as people write it: 100, 14.4, 7.25 (no trailing zeros)."""
    return f"{round(value or 0.0, 2):g}"


def price_quantity(pieces, price_unit_type, pieces_per_box, m2_per_box):
    """Quantity in the unit the price is given in ('m2' or 'box')."""
    if price_unit_type == "box":
        return boxes_from_pieces(pieces, pieces_per_box)
    return m2_from_pieces(pieces, pieces_per_box, m2_per_box)


# "5.2 x 4.1", "5,2×4,1", "5.2*4.1", "5.2 乘 4.1": length × width in metres.
_SIZE_SEPARATOR = re.compile(r"\s*(?:[xX×*＊]|乘)\s*")
# "9.5", "9.5 m2", "9.5m²", "9.5 ㎡", "9.5 平方", "9.5平米": an area in m².
_AREA_UNIT = re.compile(r"\s*(?:m2|m²|㎡|sqm|平方米|平方|平米)?\s*$", re.IGNORECASE)


def _number(text):
    value = float(text.strip().replace(",", "."))
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def parse_room_size(text):
    """(length, width, area) of a room's size as typed; one of the two forms is 0.

    "5.2 x 4.1" (also ×, *, X, 乘; decimal comma allowed) gives length and width;
    a single number, with or without "m²", gives an area. Raises ValueError on
    anything else so the caller can say what is wrong.
    """
    text = (text or "").strip()
    if not text:
        raise ValueError("empty size")
    sides = _SIZE_SEPARATOR.split(text)
    if len(sides) == 2:
        length, width = (_number(side) for side in sides)
        return length, width, 0.0
    if len(sides) == 1:
        return 0.0, 0.0, _number(_AREA_UNIT.sub("", text))
    raise ValueError(text)


def format_room_size(length_m, width_m, area_m2):
    """The size as parse_room_size reads it back: "5.2 × 4.1" or "9.5 m²"."""
    if length_m and width_m:
        return f"{fmt_qty(length_m)} × {fmt_qty(width_m)}"
    if area_m2:
        return f"{fmt_qty(area_m2)} m²"
    return ""


# Units a salesperson types after a quantity ("25.5 m2", "14 箱", "6 pcs"), after NFKC
# folding (so "㎡", "m²" and full-width "２５．５" arrive as "m2" and "25.5") and lower case.
# 块 is how tiles are counted in speech (一块砖 = one tile), so it means a piece here;
# 件 is left out: in the trade it means a carton to some and an item to others.
QTY_UNITS = {
    "m2": ("m2", "sqm", "sq m", "sq.m", "sq.m.", "平方", "平米", "平方米", "平方公尺"),
    "box": ("box", "boxes", "bx", "ctn", "carton", "cartons", "箱"),
    "piece": ("pcs", "pc", "pce", "piece", "pieces", "片", "块"),
}
_QTY_UNIT_OF = {alias: unit for unit, aliases in QTY_UNITS.items() for alias in aliases}
# A number (decimal point or comma, no thousands separators) and whatever follows it.
_QTY_TEXT = re.compile(r"^([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*(.*?)\s*\.?$")


class QuantityTextError(ValueError):
    """Why a typed quantity was refused: ``reason`` is 'empty', 'garbage', 'negative',
    'no_unit' or 'unit' (``unit_text`` then holds the unknown unit), so that the
    caller can say it in the user's language."""

    def __init__(self, reason, text, unit_text=""):
        self.reason, self.text, self.unit_text = reason, text, unit_text
        super().__init__(f"{reason}: {text!r}" + (f" (unit {unit_text!r})" if unit_text else ""))


def parse_quantity(text, default_unit=None):
    """(quantity, unit) of a quantity typed with its unit; unit is 'm2', 'box' or 'piece'.

    "25.5 m2", "25,5 m²", "25.5㎡", "14 boxes", "6 pcs", "25.5 平方", "14箱", "6 片" …
    A bare number keeps ``default_unit`` (the line's current unit). Raises
    QuantityTextError (a ValueError) for empty text, garbage, a negative quantity,
    a bare number without ``default_unit`` or a unit that is not one of QTY_UNITS.
    """
    folded = unicodedata.normalize("NFKC", text or "").strip().lower()
    if not folded:
        raise QuantityTextError("empty", text or "")
    match = _QTY_TEXT.match(folded)
    if not match:
        raise QuantityTextError("garbage", text)
    number, unit_text = match.groups()
    qty = float(number.replace(",", ".")) + 0.0  # no "-0"
    if qty < 0:
        raise QuantityTextError("negative", text)
    if not unit_text:
        if not default_unit:
            raise QuantityTextError("no_unit", text)
        return qty, default_unit
    unit = _QTY_UNIT_OF.get(re.sub(r"\s+", " ", unit_text))
    if not unit:
        # "1,234.5 m2", "1e5 m2": the number itself is not one we read.
        raise QuantityTextError("garbage" if unit_text[0] in ".,0123456789" else "unit", text, unit_text)
    return qty, unit


# How format_quantity names each unit; callers pass translated labels.
QTY_LABELS = {"m2": "m²", "box": "box", "piece": "pcs"}


def format_quantity(qty, unit, labels=None):
    """The quantity as parse_quantity reads it back: "25.5 m²", "14 box", "6 pcs"; "" for none."""
    if not qty:
        return ""
    # Fixed point, never fmt_qty's "1.23457e+06", which would not read back.
    number = f"{round(qty, 2):.2f}".rstrip("0").rstrip(".")
    return f"{number} {(labels or QTY_LABELS).get(unit, unit)}"

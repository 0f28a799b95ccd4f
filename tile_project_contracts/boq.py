"""Plain reading of a bill of quantities (BOQ): rows in, checked rows or errors out.

A BOQ row names an area (the phase), optionally a building, a tile reference and m².
Headers may be English or Chinese. No ORM here: the wizard resolves tiles and writes.
"""

from collections import namedtuple

BoqRow = namedtuple("BoqRow", "number area building reference m2")

# Accepted header names (lower case) for each column.
HEADERS = {
    "area": ("area", "phase", "区域", "部位", "阶段"),
    "building": ("building", "block", "楼栋", "楼号"),
    "reference": ("tile", "reference", "tile reference", "code", "瓷砖", "编码", "产品编码", "型号"),
    "m2": ("m2", "m²", "sqm", "area m2", "面积", "平方米", "数量(m²)", "数量（m²）"),
}
MAX_M2 = 10_000_000


def column_map(header):
    """{column: index} of a header row; raises ValueError naming the missing columns."""
    found = {}
    for index, title in enumerate(header):
        name = str(title or "").strip().lower()
        for column, names in HEADERS.items():
            if name in names and column not in found:
                found[column] = index
    missing = [column for column in ("area", "reference", "m2") if column not in found]
    if missing:
        raise ValueError(missing)
    return found


def read_rows(rows):
    """(rows, errors): the BoqRows of ``rows`` (the header first) and (row number, problem code)."""
    columns = column_map(rows[0])
    good, errors = [], []
    for number, row in enumerate(rows[1:], start=2):
        cells = {col: (row[idx] if idx < len(row) else "") for col, idx in columns.items()}
        if not any(str(value or "").strip() for value in cells.values()):
            continue  # blank line
        area = str(cells["area"] or "").strip()
        reference = str(cells["reference"] or "").strip()
        if not area:
            errors.append((number, "no_area"))
            continue
        if not reference:
            errors.append((number, "no_reference"))
            continue
        try:
            m2 = float(str(cells["m2"]).replace(",", "").strip())
        except ValueError:
            errors.append((number, "m2_not_a_number"))
            continue
        if not 0 < m2 <= MAX_M2:
            errors.append((number, "m2_out_of_range"))
            continue
        good.append(BoqRow(number, area, str(cells.get("building") or "").strip(), reference, m2))
    return good, errors

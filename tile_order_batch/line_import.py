"""Plain reading of order lines pasted from a spreadsheet or uploaded as .xlsx/.csv.

No ORM here: the import wizard finds the products and writes the lines; these
functions turn text or a file into rows of (reference, quantity, unit, room) and
say, row by row, what cannot be read. Errors are codes with values so that the
wizard says them in the user's language.
"""

import csv
import io
import re
import unicodedata

from odoo.addons.tile_order_base import tile_bounds, tile_math

# Bounds of one import: a quotation of 2,000 lines is already a whole tower block.
MAX_ROWS = 2000
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 1_000_000
# A reference or room name longer than this is a pasted paragraph, not a cell.
MAX_CELL_CHARS = 200

COLUMNS = ("reference", "quantity", "unit", "room")
# Header words people write in the first row (English, Chinese), compared folded.
HEADER_WORDS = {
    "reference": (
        "reference",
        "ref",
        "internal reference",
        "code",
        "product",
        "tile",
        "sku",
        "barcode",
        "编码",
        "编号",
        "型号",
        "产品",
        "产品编码",
        "瓷砖",
        "货号",
        "条码",
    ),
    "quantity": ("quantity", "qty", "amount", "数量", "用量"),
    "unit": ("unit", "uom", "单位"),
    "room": ("room", "area", "section", "房间", "区域", "空间", "位置"),
}
_NO_UNIT = "none"
_HEADER_OF = {word: column for column, words in HEADER_WORDS.items() for word in words}


class RowError(Exception):
    """What is wrong with one row: ``code`` plus the values the message shows."""

    def __init__(self, code, **values):
        self.code, self.values = code, values
        super().__init__(code, values)


def fold(text):
    """A cell as compared: NFKC (full-width and ² folded), trimmed, lower case."""
    return unicodedata.normalize("NFKC", text or "").strip().lower()


def detect_delimiter(text):
    """Tab (Excel, WPS), semicolon (European CSV) or comma, from the first lines."""
    head = text[:4000]
    if "\t" in head:
        return "\t"
    if head.count(";") > head.count(","):
        return ";"
    return ","


def rows_from_text(text):
    """[(row number, [cells])] of pasted text or CSV, blank rows left out (numbers kept)."""
    if len(text) > MAX_TEXT_CHARS:
        raise RowError("too_long", max=MAX_TEXT_CHARS)
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text), delimiter=detect_delimiter(text))
    return _numbered(reader)


def rows_from_csv(data):
    """Rows of an uploaded CSV: UTF-8 (Excel's and LibreOffice's), else GB18030 (WPS, old Excel)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return rows_from_text(text)
    raise RowError("encoding")


def rows_from_xlsx(data):
    """Rows of the first sheet of an .xlsx workbook (values, not formulas)."""
    # openpyxl comes with Odoo (base_import reads spreadsheets with it).
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl errors alike: not a workbook we read
        raise RowError("not_xlsx") from exc
    try:
        sheet = workbook.worksheets[0]
        return _numbered([_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _numbered(rows):
    numbered = []
    for number, cells in enumerate(rows, start=1):
        cells = [str(cell).strip() for cell in cells]
        if not any(cells):
            continue
        # The row after the last allowed one is enough to refuse: the rest is never read.
        if len(numbered) >= MAX_ROWS:
            raise RowError("too_many_rows", max=MAX_ROWS)
        numbered.append((number, cells))
    return numbered


def header_columns(cells):
    """{column: index} when ``cells`` is a header row (a quantity header and one other), else None."""
    found = {}
    for index, cell in enumerate(cells):
        column = _HEADER_OF.get(fold(cell))
        if column and column not in found:
            found[column] = index
    if "quantity" in found and len(found) >= 2:
        return found
    return None


def split_header(rows):
    """(column indexes, data rows): the first row is a header when it names the columns.

    Without a header the columns are, in this order: reference, quantity, unit, room.
    """
    if rows:
        columns = header_columns(rows[0][1])
        if columns:
            return columns, rows[1:]
    return {name: index for index, name in enumerate(COLUMNS)}, rows


def row_values(cells, columns):
    """{reference, quantity, unit, room} of one row's cells."""
    values = {}
    for name in COLUMNS:
        index = columns.get(name)
        values[name] = cells[index].strip() if index is not None and index < len(cells) else ""
    return values


def read_unit(text):
    """'m2', 'box' or 'piece' of a unit word (m2, m², 平方, box, 箱, pcs, 片 …); None when empty."""
    if not (text or "").strip():
        return None
    try:
        return tile_math.parse_quantity("1 " + text)[1]
    except ValueError as exc:
        raise RowError("unit", unit=text) from exc


def read_quantity(qty_text, unit_text):
    """(quantity, unit or None) of a row; the quantity cell may carry its unit ("12.5 m2").

    Raises RowError: 'qty_empty', 'qty_garbage', 'qty_zero', 'qty_range', 'unit' or
    'unit_conflict' (the quantity's unit differs from the unit column's).
    """
    unit = read_unit(unit_text)
    if not (qty_text or "").strip():
        raise RowError("qty_empty")
    try:
        # A bare number comes back with the sentinel: the product decides its unit then.
        qty, qty_unit = tile_math.parse_quantity(qty_text, default_unit=unit or _NO_UNIT)
    except tile_math.QuantityTextError as exc:
        if exc.reason == "unit":
            raise RowError("unit", unit=exc.unit_text) from exc
        if exc.reason == "negative":
            raise RowError("qty_zero", value=qty_text) from exc
        raise RowError("qty_garbage", value=qty_text) from exc
    if qty_unit == _NO_UNIT:
        qty_unit = None
    if unit and qty_unit != unit:
        raise RowError("unit_conflict", value=qty_text, unit=unit_text)
    if qty <= 0:
        raise RowError("qty_zero", value=qty_text)
    if tile_bounds.bound_error(qty, tile_bounds.ENTRY_QTY):
        raise RowError("qty_range", value=qty_text, max=tile_bounds.ENTRY_QTY[1])
    return qty, qty_unit


def read_text_cell(text, code):
    """A reference or room cell, refused when it is longer than a cell can sensibly be."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if len(text) > MAX_CELL_CHARS:
        raise RowError(code, max=MAX_CELL_CHARS)
    return text

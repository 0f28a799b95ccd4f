"""Plain XLSX writing for the tile exports (no ORM): a column spec and an iterator of rows in,
one sheet out, with real number formats, a frozen filtered header and a totals row.

xlsxwriter's ``constant_memory`` mode flushes each row to disk once the next one starts, so
memory stays flat whatever the number of rows; rows must therefore come in order, once.
"""

import xlsxwriter

# label -> Excel number format; None is text.
FORMATS = {
    "text": None,
    "date": "yyyy-mm-dd",
    "m2": "#,##0.00",
    "money": "#,##0.00",
    "qty": "#,##0",
    "kg": "#,##0.0",
    # Numbers a sum means nothing for (days since, averages): formatted, not totalled.
    "days": "#,##0",
    "average": "#,##0.00",
}
TOTALLED = {"m2", "money", "qty", "kg"}
NUMERIC = TOTALLED | {"days", "average"}
# Starting widths (characters); text columns grow to their longest value, up to MAX_WIDTH.
MIN_WIDTH = {"text": 10, "date": 11, "m2": 12, "money": 14, "qty": 9, "kg": 11, "days": 9, "average": 14}
MAX_WIDTH = 50


def column_letter(col):
    return xlsxwriter.utility.xl_col_to_name(col)


def write_xlsx(fileobj, columns, rows, sheet_name="Sheet1", total_label="Total"):
    """Write ``rows`` under a header of ``columns`` to ``fileobj``; return the number of rows.

    ``columns`` is a list of (label, kind), kind a key of FORMATS; ``rows`` an iterable of
    tuples holding one value per column (dates as date/datetime, numbers as numbers, None
    for empty). Rows are consumed one at a time and never kept.
    """
    for _label, kind in columns:
        if kind not in FORMATS:
            raise ValueError(f"unknown column kind {kind!r}")
    workbook = xlsxwriter.Workbook(fileobj, {"constant_memory": True, "remove_timezone": True})
    try:
        sheet = workbook.add_worksheet(sheet_name[:31])
        bold = workbook.add_format({"bold": True})
        styles = [
            workbook.add_format({"num_format": FORMATS[kind]}) if FORMATS[kind] else None
            for _l, kind in columns
        ]
        bold_styles = [
            workbook.add_format({"bold": True, "num_format": FORMATS[kind]}) if kind in NUMERIC else bold
            for _l, kind in columns
        ]
        widths = [max(MIN_WIDTH[kind], len(label) + 2) for label, kind in columns]
        totals = [0.0] * len(columns)
        for col, (label, _kind) in enumerate(columns):
            sheet.write_string(0, col, label, bold)
        count = 0
        for count, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                kind = columns[col][1]
                if value is None or value is False or value == "":
                    continue
                if kind == "date":
                    sheet.write_datetime(count, col, value, styles[col])
                elif kind in NUMERIC:
                    sheet.write_number(count, col, value, styles[col])
                    totals[col] += value if kind in TOTALLED else 0
                else:
                    value = str(value)
                    sheet.write_string(count, col, value)
                    if len(value) + 2 > widths[col]:
                        widths[col] = min(len(value) + 2, MAX_WIDTH)
        last = len(columns) - 1
        # Header plus data; the totals row stays outside the filter so it is never hidden.
        sheet.autofilter(0, 0, count, last)
        sheet.freeze_panes(1, 0)
        if count:
            # SUBTOTAL(109, ...) sums the visible rows only: filtered, the totals follow the filter.
            # The cached value is the full sum, for viewers that do not recalculate.
            total_row = count + 1
            sheet.write_string(total_row, 0, total_label, bold)
            for col, (_label, kind) in enumerate(columns):
                if kind in TOTALLED and col:
                    letter = column_letter(col)
                    sheet.write_formula(
                        total_row,
                        col,
                        f"=SUBTOTAL(109,{letter}2:{letter}{count + 1})",
                        bold_styles[col],
                        totals[col],
                    )
        # Widths go into the sheet's <cols>, written when the file is closed: set them last.
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
    finally:
        workbook.close()
    return count

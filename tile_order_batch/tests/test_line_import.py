import io

from odoo.tests import BaseCase, tagged

from odoo.addons.tile_order_batch import line_import
from odoo.addons.tile_order_batch.line_import import RowError


@tagged("post_install", "-at_install")
class TestLineImportReading(BaseCase):
    def assertRowError(self, code, func, *args):
        with self.assertRaises(RowError) as caught:
            func(*args)
        self.assertEqual(caught.exception.code, code)

    def test_delimiters_as_pasted(self):
        for text in ("A\t12\tm2\tKitchen", "A;12;m2;Kitchen", "A,12,m2,Kitchen"):
            self.assertEqual(line_import.rows_from_text(text), [(1, ["A", "12", "m2", "Kitchen"])], text)
        # A decimal comma survives when the separator is a tab or a semicolon.
        self.assertEqual(line_import.rows_from_text("A;12,5;m2")[0][1][1], "12,5")

    def test_blank_rows_are_left_out_and_rows_keep_their_number(self):
        rows = line_import.rows_from_text("A\t1\n\n\t\nB\t2\n")
        self.assertEqual([number for number, _cells in rows], [1, 4])

    def test_header_detected_in_english_and_chinese(self):
        columns, data = line_import.split_header(
            line_import.rows_from_text("房间\t编码\t数量\t单位\nKitchen\tA\t3\t箱")
        )
        self.assertEqual(columns, {"room": 0, "reference": 1, "quantity": 2, "unit": 3})
        self.assertEqual(line_import.row_values(data[0][1], columns)["reference"], "A")
        columns, data = line_import.split_header(line_import.rows_from_text("Reference,Qty\nA,3"))
        self.assertEqual(len(data), 1)
        # Without a header the first row is data, in the documented column order.
        columns, data = line_import.split_header(line_import.rows_from_text("A,3,box,Hall"))
        self.assertEqual(len(data), 1)
        self.assertEqual(line_import.row_values(data[0][1], columns)["room"], "Hall")

    def test_units_and_quantities(self):
        self.assertEqual(line_import.read_quantity("12.5", "m²"), (12.5, "m2"))
        self.assertEqual(line_import.read_quantity("12,5", "平方"), (12.5, "m2"))
        self.assertEqual(line_import.read_quantity("14", "箱"), (14, "box"))
        self.assertEqual(line_import.read_quantity("6", "pcs"), (6, "piece"))
        self.assertEqual(line_import.read_quantity("6 片", ""), (6, "piece"))
        self.assertEqual(line_import.read_quantity("6", ""), (6, None))
        self.assertRowError("unit", line_import.read_quantity, "6", "pallets")
        self.assertRowError("unit_conflict", line_import.read_quantity, "6 box", "m2")
        self.assertRowError("qty_garbage", line_import.read_quantity, "six", "m2")
        self.assertRowError("qty_garbage", line_import.read_quantity, "1,234.5", "m2")
        self.assertRowError("qty_zero", line_import.read_quantity, "0", "m2")
        self.assertRowError("qty_zero", line_import.read_quantity, "-3", "m2")
        self.assertRowError("qty_empty", line_import.read_quantity, "", "m2")
        self.assertRowError("qty_range", line_import.read_quantity, "20000000", "m2")

    def test_bounds(self):
        text = "\n".join(f"A\t{i + 1}" for i in range(line_import.MAX_ROWS + 1))
        self.assertRowError("too_many_rows", line_import.rows_from_text, text)
        self.assertEqual(len(line_import.rows_from_text(text.rsplit("\n", 1)[0])), line_import.MAX_ROWS)
        self.assertRowError("too_long", line_import.rows_from_text, "A" * (line_import.MAX_TEXT_CHARS + 1))
        self.assertRowError("reference_too_long", line_import.read_text_cell, "x" * 201, "reference_too_long")

    def test_csv_encodings_and_xlsx(self):
        self.assertEqual(line_import.rows_from_csv("A;3;箱\n".encode("gb18030"))[0][1], ["A", "3", "箱"])
        self.assertEqual(line_import.rows_from_csv("\ufeffA,3,箱\n".encode())[0][1], ["A", "3", "箱"])
        import openpyxl

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["Reference", "Quantity", "Unit", "Room"])
        sheet.append(["A", 12.0, "m2", "Kitchen"])
        sheet.append([None, None, None, None])
        sheet.append(["B", 2.5, "箱", None])
        buffer = io.BytesIO()
        workbook.save(buffer)
        rows = line_import.rows_from_xlsx(buffer.getvalue())
        self.assertEqual(
            rows,
            [
                (1, ["Reference", "Quantity", "Unit", "Room"]),
                (2, ["A", "12", "m2", "Kitchen"]),
                (4, ["B", "2.5", "箱", ""]),
            ],
        )
        self.assertRowError("not_xlsx", line_import.rows_from_xlsx, b"not a workbook")

import base64

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.tile_project_contracts import boq

from .common import TileProjectCommon


@tagged("post_install", "-at_install")
class TestBoqImport(TileProjectCommon):
    """A contractor's bill of quantities becomes contract lines and phases, all rows or none."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wall = cls.tile_product(300, 600, 52.0, name="Wall 300×600 (project)", default_code="W-3060")
        cls.floor.default_code = "F-8080"
        cls.draft = cls.env["sale.order"].create(
            {"partner_id": cls.developer.id, "tile_is_contract": True, "tile_project_id": cls.project.id}
        )

    def _import(self, text, name="boq.csv"):
        wizard = self.env["tile.boq.import"].create(
            {"contract_id": self.draft.id, "file": base64.b64encode(text.encode()), "file_name": name}
        )
        return wizard.action_import()

    def test_rows_become_lines_and_phases(self):
        self._import(
            "区域,楼栋,瓷砖,面积\n"
            "B2 floors 1-6,B2,F-8080,1500\n"
            "B2 floors 1-6,B2,W-3060,600\n"
            'B3 floors 1-6,B3,F-8080,"1,200"\n'
        )
        floor = self.draft.order_line.filtered(lambda sol: sol.product_id == self.floor)
        wall = self.draft.order_line.filtered(lambda sol: sol.product_id == self.wall)
        self.assertEqual((floor.tile_entry_qty, floor.tile_entry_unit), (2700, "m2"))
        self.assertEqual(wall.tile_entry_qty, 600)
        phases = self.env["tile.project.phase"].search(
            [("project_id", "=", self.project.id), ("name", "like", "floors 1-6")]
        )
        self.assertEqual(sorted(phases.mapped("name")), ["B2 floors 1-6", "B3 floors 1-6"])
        b2 = phases.filtered(lambda phase: phase.building == "B2")
        self.assertEqual(sorted(b2.line_ids.mapped("planned_m2")), [600, 1500])

    def test_any_wrong_row_imports_nothing(self):
        with self.assertRaises(UserError) as caught:
            self._import(
                "Area,Tile,m²\n"
                "B2,F-8080,1500\n"
                "B2,NO-SUCH-TILE,20\n"
                "B3,F-8080,-5\n"
                ",F-8080,10\n"
                "B4,F-8080,lots\n"
            )
        message = str(caught.exception)
        self.assertIn("Row 3: unknown tile 'NO-SUCH-TILE'", message)
        self.assertIn("Row 4: m² must be above 0", message)
        self.assertIn("Row 5: no area", message)
        self.assertIn("Row 6: m² is not a number", message)
        self.assertNotIn("Row 2", message)
        self.assertFalse(self.draft.order_line, "nothing half-written")
        self.assertFalse(self.env["tile.project.phase"].search([("name", "in", ("B2", "B3", "B4"))]))

    def test_missing_columns_and_signed_contracts(self):
        with self.assertRaisesRegex(UserError, "missing: m2"):
            self._import("Area,Tile\nB2,F-8080\n")
        self.draft.write(
            {
                "order_line": [
                    (0, 0, {"product_id": self.floor.id, "tile_entry_unit": "m2", "tile_entry_qty": 10})
                ]
            }
        )
        self.draft.action_tile_activate()
        with self.assertRaisesRegex(UserError, "draft contract"):
            self._import("Area,Tile,m2\nB2,F-8080,5\n")

    def test_xlsx_is_read_by_odoos_importer(self):
        import io

        import xlsxwriter

        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer)
        sheet = book.add_worksheet()
        for row, values in enumerate([("Area", "Tile", "m2"), ("Lobby", "F-8080", 96.5)]):
            sheet.write_row(row, 0, values)
        book.close()
        wizard = self.env["tile.boq.import"].create(
            {
                "contract_id": self.draft.id,
                "file": base64.b64encode(buffer.getvalue()),
                "file_name": "boq.xlsx",
            }
        )
        wizard.action_import()
        self.assertEqual(self.draft.order_line.tile_entry_qty, 96.5)

    def test_plain_reader(self):
        rows, errors = boq.read_rows(
            [["Phase", "Code", "sqm"], ["A", "X", "3"], ["", "", ""], ["B", "", "1"]]
        )
        self.assertEqual([(r.area, r.reference, r.m2) for r in rows], [("A", "X", 3.0)])
        self.assertEqual(errors, [(4, "no_reference")])

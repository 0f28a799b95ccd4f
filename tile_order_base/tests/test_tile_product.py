from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TileCommon


@tagged("post_install", "-at_install")
class TestTileProduct(TileCommon):
    def test_m2_per_box_from_format(self):
        tmpl = self.tile_600.product_tmpl_id
        self.assertEqual(tmpl.tile_format, "600×600")
        tmpl.write({"tile_pieces_per_box": 3})
        self.assertAlmostEqual(tmpl.tile_m2_per_box, 1.08)
        self.assertAlmostEqual(tmpl.tile_price_per_box, 89.90 * 1.08, places=2)

    def test_printed_area_far_from_format_needs_confirmation(self):
        tmpl = self.tile_600.product_tmpl_id
        with self.assertRaisesRegex(ValidationError, "Keep Printed m² per Box"), self.env.cr.savepoint():
            tmpl.write({"tile_m2_per_box": 1.60})
        tmpl.invalidate_recordset()
        self.assertEqual(tmpl.tile_m2_per_box, 1.44, "nothing written half-way")
        tmpl.write({"tile_m2_per_box": 1.60, "tile_m2_per_box_keep": True})
        self.assertEqual(tmpl.tile_m2_per_box, 1.60)
        # A small difference (the maker prints 1.42) is accepted without confirmation.
        tmpl.write({"tile_m2_per_box": 1.42, "tile_m2_per_box_keep": False})

    def test_bad_tile_data(self):
        bad_values = [
            {"tile_length_mm": 0},
            {"tile_width_mm": -600},
            {"tile_pieces_per_box": 0},
            {"tile_weight_per_box": -1},
            {"tile_boxes_per_pallet": -2},
            {"tile_thickness_mm": -1},
            {"tile_extra_wastage": 150},
        ]
        for vals in bad_values:
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                with self.env.cr.savepoint():
                    self.tile_product(name="Bad tile", **vals)

    def test_tile_keeps_stock_in_pieces(self):
        with self.assertRaisesRegex(ValidationError, "Units"):
            self.tile_product(
                uom_id=self.env.ref("uom.product_uom_dozen").id,
                uom_po_id=self.env.ref("uom.product_uom_dozen").id,
            )

    def test_search_and_group_by_series_and_format(self):
        series = self.env["tile.series"].create({"name": "Test Series"})
        self.tile_600.tile_series_id = series
        Template = self.env["product.template"]
        self.assertIn(self.tile_600.product_tmpl_id, Template.search([("tile_series_id", "=", series.id)]))
        groups = Template._read_group([("tile_is_tile", "=", True)], ["tile_format"], ["__count"])
        self.assertIn("600×600", [fmt for fmt, _count in groups])
        self.assertEqual(series.product_count, 1)

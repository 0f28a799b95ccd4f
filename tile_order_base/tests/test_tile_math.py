import random

from odoo.tests import BaseCase, tagged

from odoo.addons.tile_order_base import tile_math

from .common import PACKS


@tagged("post_install", "-at_install")
class TestTileMath(BaseCase):
    def test_worked_example(self):
        """600×600, 4 pieces per box, 10 m² asked: 7 boxes = 10.08 m² = 28 pieces."""
        pieces = tile_math.pieces_from(10, "m2", 4, 1.44)
        self.assertEqual(pieces, 28)
        self.assertEqual(tile_math.boxes_from_pieces(pieces, 4), 7)
        self.assertEqual(tile_math.m2_from_pieces(pieces, 4, 1.44), 10.08)
        self.assertEqual(round(tile_math.price_quantity(pieces, "m2", 4, 1.44) * 89.90, 2), 906.19)

    def test_units(self):
        self.assertEqual(tile_math.pieces_from(3, "box", 4, 1.44), 12)
        self.assertEqual(tile_math.pieces_from(5, "piece", 4, 1.44), 8, "5 pieces round up to 2 boxes")
        self.assertEqual(tile_math.pieces_from(5, "piece", 4, 1.44, whole_boxes=False), 5)
        self.assertEqual(tile_math.pieces_from(2.88, "m2", 4, 1.44), 8, "an exact box count adds nothing")
        self.assertEqual(tile_math.pieces_from(0, "m2", 4, 1.44), 0)
        self.assertEqual(tile_math.m2_from_pieces(5, 4, 1.44), 1.8)
        self.assertEqual(tile_math.split_boxes(30, 4), (7, 2))
        self.assertEqual(tile_math.price_quantity(8, "box", 2, 1.44), 4)

    def test_format_and_deviation(self):
        self.assertEqual(tile_math.box_area_from_format(600, 600, 4), 1.44)
        self.assertEqual(tile_math.box_area_from_format(300, 300, 11), 0.99)
        self.assertAlmostEqual(tile_math.area_deviation(1.50, 600, 600, 4), 0.0417, places=3)
        self.assertEqual(tile_math.area_deviation(1.0, 0, 600, 4), 0.0)

    def test_weight_pallets_wastage(self):
        self.assertEqual(tile_math.weight_from_pieces(28, 4, 32), 224)
        self.assertEqual(tile_math.pallets_from_boxes(20, 40), 0.5)
        self.assertEqual(tile_math.pallets_from_boxes(20, 0), 0.0)
        self.assertEqual(tile_math.gross_area(27.9, 7), 29.853)

    def test_unit_prices(self):
        self.assertEqual(tile_math.unit_prices(89.90, "m2", 1.44), (89.90, 89.90 * 1.44))
        self.assertEqual(tile_math.unit_prices(144.0, "box", 1.44), (100.0, 144.0))
        self.assertEqual(tile_math.unit_prices(10.0, "m2", 0), (0.0, 0.0))

    def test_bad_input(self):
        with self.assertRaises(ValueError):
            tile_math.pieces_from(-1, "m2", 4, 1.44)
        with self.assertRaises(ValueError):
            tile_math.pieces_from(1, "m2", 0, 1.44)
        with self.assertRaises(ValueError):
            tile_math.pieces_from(1, "yard", 4, 1.44)
        with self.assertRaises(ValueError):
            tile_math.gross_area(-3, 5)

    def test_rounding_properties(self):
        """Never fewer m² than asked, never a whole box more than needed, for every pack."""
        rng = random.Random(20261127)
        for (_length, _width), (pcs, m2_box, _kg, _pal) in PACKS.items():
            for _i in range(400):
                asked = round(rng.uniform(0.01, 2000), rng.choice([0, 1, 2, 3]))
                pieces = tile_math.pieces_from(asked, "m2", pcs, m2_box)
                got = tile_math.m2_from_pieces(pieces, pcs, m2_box)
                self.assertEqual(pieces % pcs, 0, "whole boxes only")
                self.assertGreaterEqual(got + 1e-6, asked, f"{asked} m² asked, {got} m² given")
                self.assertLess(got - asked, m2_box - 1e-9, f"{asked} m² asked, {got} m² is a box too many")
                loose = tile_math.pieces_from(asked, "m2", pcs, m2_box, whole_boxes=False)
                got_loose = tile_math.m2_from_pieces(loose, pcs, m2_box)
                self.assertGreaterEqual(got_loose + 1e-6, asked)
                self.assertLess(got_loose - asked, m2_box / pcs - 1e-9, "never a piece too many")
                boxes = rng.randint(0, 500)
                self.assertEqual(tile_math.pieces_from(boxes, "box", pcs, m2_box), boxes * pcs)

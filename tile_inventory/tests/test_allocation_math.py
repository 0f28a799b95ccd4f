from datetime import date

from odoo.tests import BaseCase, tagged

from odoo.addons.tile_inventory.allocation import LotOption, best_options, choose_lot, split_plan, take


@tagged("post_install", "-at_install")
class TestAllocationMath(BaseCase):
    def setUp(self):
        super().setUp()
        self.options = [
            LotOption(1, 400, 1, date(2025, 1, 1)),
            LotOption(2, 60, 1, date(2025, 3, 1)),
            LotOption(3, 60, 1, date(2025, 2, 1)),
            LotOption(4, 100, 0, date(2025, 4, 1)),
        ]

    def test_smallest_fit_then_oldest(self):
        self.assertEqual(choose_lot(self.options, 50).lot_id, 4, "a preferred lot (hold, re-order) first")
        plain = [opt._replace(preferred=1) for opt in self.options]
        self.assertEqual(choose_lot(plain, 50).lot_id, 3, "smallest fitting lot, the older of two equal ones")
        self.assertEqual(choose_lot(plain, 61).lot_id, 4, "big lots stay whole")
        self.assertEqual(choose_lot(plain, 400).lot_id, 1)
        self.assertIsNone(choose_lot(plain, 401))

    def test_best_options_and_split(self):
        self.assertEqual([opt.lot_id for opt in best_options(self.options)], [1, 4, 3])
        self.assertEqual(split_plan(self.options, 450), [(1, 400), (4, 50)], "fewest lots, largest first")
        self.assertIsNone(split_plan(self.options, 1000))
        self.assertEqual(best_options([LotOption(9, 0, 1, date(2025, 1, 1))]), [])

    def test_take_reduces_only_the_lots_in_the_plan(self):
        left = take(self.options, [(1, 400), (4, 50)])
        self.assertEqual([opt.free for opt in left], [0, 60, 60, 50])

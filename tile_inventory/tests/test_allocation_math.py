from datetime import date

from odoo.tests import BaseCase, tagged

from odoo.addons.tile_inventory.allocation import (
    LotOption,
    assign_lines,
    best_groups,
    choose_group,
    choose_lot,
    group_plan,
    mix_plan,
    shade_group_key,
    take,
)

S1 = shade_group_key("S1", "1", "premium")
S2 = shade_group_key("S2", "1", "premium")
S1_CAL2 = shade_group_key("S1", "2", "premium")


@tagged("post_install", "-at_install")
class TestAllocationMath(BaseCase):
    def setUp(self):
        super().setUp()
        self.options = [
            LotOption(1, 400, 1, date(2025, 1, 1), S1),
            LotOption(2, 60, 1, date(2025, 3, 1), S2),
            LotOption(3, 60, 1, date(2025, 2, 1), S1_CAL2),
            LotOption(4, 100, 0, date(2025, 4, 1), S2),
        ]

    def test_smallest_fit_then_oldest(self):
        self.assertEqual(choose_lot(self.options, 50).lot_id, 4, "a preferred lot (hold, re-order) first")
        plain = [opt._replace(preferred=1) for opt in self.options]
        self.assertEqual(choose_lot(plain, 50).lot_id, 3, "smallest fitting lot, the older of two equal ones")
        self.assertEqual(choose_lot(plain, 61).lot_id, 4, "big lots stay whole")
        self.assertIsNone(choose_lot(plain, 401))

    def test_two_lots_of_one_shade_group_serve_together(self):
        """23 + 40 free boxes of S1 / cal. 1 serve 50 boxes: that is not mixing."""
        options = [LotOption(10, 23, 2, date(2025, 1, 1), S1), LotOption(11, 40, 2, date(2025, 2, 1), S1)]
        self.assertEqual(choose_group(options, 50), (S1, [(11, 40), (10, 10)]), "largest lot first")
        self.assertEqual(choose_group(options, 30), (S1, [(11, 30)]), "one lot when one fits")
        self.assertIsNone(choose_group(options, 64))

    def test_groups_never_combine_across_caliber_or_shade(self):
        options = [LotOption(1, 30, 2, date(2025, 1, 1), S1), LotOption(2, 30, 2, date(2025, 1, 1), S1_CAL2)]
        self.assertIsNone(choose_group(options, 50), "another caliber is another group")
        plan, groups = mix_plan(options, 50)
        self.assertEqual(groups, 2)
        self.assertEqual(sum(qty for _lot, qty in plan), 50)

    def test_group_ranking_keeps_its_meaning(self):
        plain = [opt._replace(preferred=2) for opt in self.options]
        # S2 holds 160, S1_CAL2 60, S1 400: the smallest group that fits 100 is S2.
        self.assertEqual(choose_group(plain, 100)[0], S2)
        self.assertEqual(choose_group(plain, 50)[0], S1_CAL2, "smallest group that fits")
        held = [opt._replace(preferred=0) if opt.lot_id == 1 else opt for opt in plain]
        self.assertEqual(choose_group(held, 50), (S1, [(1, 50)]), "a held group first")
        self.assertEqual(choose_group(plain, 50, keys={S1})[0], S1, "restricted to a fixed group")

    def test_best_groups_and_take(self):
        self.assertEqual([grp.key for grp in best_groups(self.options)], [S1, S2, S1_CAL2])
        self.assertEqual(best_groups(self.options)[1].free, 160)
        left = take(self.options, [(1, 400), (4, 50), (4, 10)])
        self.assertEqual([opt.free for opt in left], [0, 60, 60, 40])
        self.assertEqual([grp.key for grp in best_groups(left)], [S2, S1_CAL2], "empty groups drop out")

    def test_group_plan_uses_fewest_lots(self):
        lots = [LotOption(i, free, 2, date(2025, 1, i), S1) for i, free in ((1, 10), (2, 25), (3, 30))]
        self.assertEqual(group_plan(lots, 50), [(3, 30), (2, 20)])
        self.assertIsNone(group_plan(lots, 66))

    def test_lines_spread_over_lots_split_only_where_a_lot_runs_out(self):
        self.assertEqual(
            assign_lines([28, 20, 12], [(7, 40), (8, 20)]),
            [(0, 7, 28), (1, 7, 12), (1, 8, 8), (2, 8, 12)],
        )
        with self.assertRaises(ValueError):
            assign_lines([50], [(7, 40)])

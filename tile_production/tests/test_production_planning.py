from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import T0, TileProductionCommon


def at(day, hour=0, minute=0):
    return datetime(2027, 3, day, hour, minute)


@tagged("post_install", "-at_install")
class TestProductionPlanning(TileProductionCommon):
    """The issue's worked example on real MOs: one press line, 600×600 at 3,000 m²/day, 800×800
    at 2,400 m²/day, 4 h to change format; orders due on consecutive days."""

    def orders(self, due_a, due_b, due_c):
        self.mo_a = self.tile_mo(self.tile_600, 4500, due_a)
        self.mo_b = self.tile_mo(self.tile_800, 2400, due_b)
        self.mo_c = self.tile_mo(self.tile_600, 1500, due_c)
        return self.mo_a | self.mo_b | self.mo_c

    def assertRun(self, mo, start, finish):
        press = mo.workorder_ids.filtered(lambda wo: wo.workcenter_id == self.press_1)
        # 1,500 m² is 4,166.67 pieces, kept as 4,167: the run is a few seconds longer.
        self.assertAlmostEqual(press.date_start, start, delta=timedelta(minutes=1), msg=f"{mo.name} start")
        self.assertAlmostEqual(
            press.date_finished, finish, delta=timedelta(minutes=1), msg=f"{mo.name} finish"
        )
        self.assertEqual(mo.date_start, press.date_start, "the MO carries its first stage's start")

    def test_runs_of_one_format_are_grouped_when_everyone_stays_on_time(self):
        runs = self.orders(at(3, 12), at(4, 12), at(5, 12))
        runs.with_user(self.planner)._tile_plan(start=T0)
        self.assertRun(self.mo_a, at(1), at(2, 12))
        self.assertRun(self.mo_c, at(2, 12), at(3))
        # One changeover instead of two: 800×800 after both 600×600 runs.
        self.assertRun(self.mo_b, at(3, 4), at(4, 4))
        self.assertFalse(any(runs.mapped("tile_late_hours")))
        self.assertEqual(runs.tile_line_id, self.press_1)

    def test_no_grouping_when_it_would_make_an_order_late(self):
        runs = self.orders(at(2, 12), at(3, 18), at(4, 18))
        runs._tile_plan(start=T0)
        # Grouping would finish the 800×800 order at 3 March 04:00 + 24 h = 4 March 04:00, after
        # its 3 March 18:00 deadline: the runs stay in due-date order, all on time.
        self.assertRun(self.mo_a, at(1), at(2, 12))
        self.assertRun(self.mo_b, at(2, 16), at(3, 16))
        self.assertRun(self.mo_c, at(3, 20), at(4, 8))
        self.assertFalse(any(runs.mapped("tile_late_hours")))

    def test_the_plan_says_which_order_is_late_and_by_how_much(self):
        runs = self.orders(at(2, 6), at(3, 18), at(4, 18))
        result = runs._tile_plan(start=T0)
        self.assertRun(self.mo_a, at(1), at(2, 12))
        self.assertEqual(self.mo_a.tile_late_hours, 6.0)
        self.assertFalse(self.mo_b.tile_late_hours or self.mo_c.tile_late_hours)
        self.assertEqual([key for key, _hours in result.late_runs()], [self.mo_a.id])
        self.assertIn(self.mo_a, self.env["mrp.production"].search([("tile_late_hours", ">", 0)]))

    def test_dragging_a_run_fixes_it_and_replans_what_follows(self):
        # Re-planning after a drag starts from now, like the board does.
        now = fields.Datetime.now().replace(second=0, microsecond=0)
        runs = self.orders(now + timedelta(days=3), now + timedelta(days=4), now + timedelta(days=5))
        runs._tile_plan(start=now)
        press_a, press_b, press_c = (mo.workorder_ids for mo in (self.mo_a, self.mo_b, self.mo_c))
        self.assertLess(press_c.date_start, press_b.date_start, "grouped: the 600×600 runs first")
        # The planner drags the top-up run into the middle of the 800×800 run on the board.
        new_start = now + timedelta(hours=60)
        press_c.with_user(self.planner).write(
            {"date_start": new_start, "date_finished": new_start + timedelta(hours=12)}
        )
        self.assertEqual(self.mo_c.tile_pinned_start, new_start)
        self.assertEqual(press_c.date_start, new_start)
        self.assertLess(press_a.date_finished, new_start)
        # The 800×800 run (24 h + 4 h changeover) no longer fits before it: it follows, with the
        # changeover recomputed.
        self.assertAlmostEqual(
            press_b.date_start, press_c.date_finished + timedelta(hours=4), delta=timedelta(minutes=2)
        )
        self.assertIn("fixed", press_c.tile_board_label)
        self.mo_c.with_user(self.planner).action_tile_unpin()
        self.assertFalse(self.mo_c.tile_pinned_start)

    def test_only_planners_plan_and_move_runs(self):
        runs = self.orders(at(3, 12), at(4, 12), at(5, 12))
        with self.assertRaises(AccessError):
            runs.with_user(self.sorter).action_tile_plan()
        runs._tile_plan(start=T0)
        with self.assertRaises(AccessError):
            self.mo_c.workorder_ids.with_user(self.sorter).write({"date_start": at(3, 8)})
        self.assertAlmostEqual(self.mo_c.workorder_ids.date_start, at(2, 12), delta=timedelta(minutes=1))
        action = runs.with_user(self.planner).action_tile_plan()
        self.assertEqual(action["params"]["type"], "success")

    def test_a_format_the_line_cannot_make_is_a_clear_error(self):
        tile_1200 = self.tile_product(600, 1200, 168.0, is_storable=True, tracking="lot")
        self.tile_bom(tile_1200, [self.press_1])
        mo = self.tile_mo(tile_1200, 100, at(5))
        with self.assertRaisesRegex(UserError, "has no rate for that format"):
            mo._tile_plan(start=T0)
        self.assertFalse(mo.tile_planned)

    def test_alternative_line_takes_the_format_only_it_makes(self):
        press_2 = self.tile_centre("Press line 2", "press", {"600×600": 3000})
        self.press_1.alternative_workcenter_ids = press_2
        runs = self.orders(at(3, 12), at(4, 12), at(5, 12))
        runs._tile_plan(start=T0)
        self.assertEqual(self.mo_b.tile_line_id, self.press_1, "only line 1 makes 800×800")
        self.assertEqual((self.mo_a | self.mo_c).tile_line_id, (self.mo_a | self.mo_c).tile_line_id)
        self.assertEqual(len(runs.tile_line_id), 2, "the two lines share the work")

    def test_rates_and_changeovers_refuse_nonsense(self):
        with self.assertRaises(UserError):
            self.press_1.tile_rate_ids[:1].m2_per_day = 0
        with self.assertRaises(UserError):
            self.press_1.tile_rate_ids[:1].m2_per_day = 1e12
        with self.assertRaises(UserError):
            self.press_1.tile_changeover_hours = -1
        rate = self.env["tile.workcenter.rate"].create(
            {"workcenter_id": self.press_1.id, "tile_format": "1200 x 600", "m2_per_day": 1800}
        )
        self.assertEqual(rate.tile_format, "1200×600", "typed formats match the products' spelling")

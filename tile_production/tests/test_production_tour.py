from datetime import datetime, timedelta

from odoo.tests import HttpCase, tagged

from .common import T0, TileProductionCommon


@tagged("post_install", "-at_install")
class TestProductionTour(HttpCase, TileProductionCommon):
    """A planner plans the week and drags a run; a sorter grades a run into three lots."""

    def test_planner_plans_and_drags_a_run(self):
        mo_a = self.tile_mo(self.tile_600, 4500, datetime(2027, 3, 3, 12), name="TOUR-A")
        mo_b = self.tile_mo(self.tile_800, 2400, datetime(2027, 3, 4, 12), name="TOUR-B")
        mo_c = self.tile_mo(self.tile_600, 1500, datetime(2027, 3, 5, 12), name="TOUR-C")
        self.start_tour(
            "/odoo/action-mrp.mrp_production_action?view_type=list",
            "tile_production_plan_tour",
            login=self.planner.login,
        )
        self.assertTrue(all((mo_a | mo_b | mo_c).mapped("tile_planned")))
        self.assertFalse(mo_c.tile_pinned_start)
        self.start_tour(
            "/odoo/action-tile_production.action_tile_planning_board",
            "tile_production_board_tour",
            login=self.planner.login,
        )
        self.assertTrue(mo_c.tile_pinned_start, "the dragged run keeps its new start")
        press_c = mo_c.workorder_ids
        self.assertEqual(press_c.date_start, mo_c.tile_pinned_start)
        # The line was re-planned around it: nothing overlaps, the 800×800 run after a changeover.
        for other in (mo_a | mo_b).workorder_ids:
            setup = timedelta(hours=4) if other.production_id == mo_b else timedelta(0)
            self.assertTrue(
                other.date_finished + setup <= press_c.date_start
                or other.date_start >= press_c.date_finished + setup,
                f"{other.production_id.name} overlaps the dragged run",
            )

    def test_sorter_grades_a_run_into_three_lots(self):
        self.env["stock.quant"]._update_available_quantity(self.glaze, self.stock, 1000)
        mo = self.tile_mo(self.tile_600, 144, T0, name="TOUR-GRADE")
        self.start_tour(
            f"/odoo/action-mrp.mrp_production_action/{mo.id}",
            "tile_production_sorter_tour",
            login=self.sorter.login,
        )
        self.assertEqual(mo.state, "done")
        lots = mo.tile_lot_ids.filtered("tile_shade")
        self.assertEqual(
            sorted(lots.mapped("tile_shade_group")),
            sorted(["B07 / cal. 2 / Premium", "B08 / cal. 2 / Premium", "B07 / cal. 3 / Standard"]),
        )
        self.assertEqual(mo.scrap_ids.scrap_qty, 6)

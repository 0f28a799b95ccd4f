from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import TileProductionCommon


@tagged("post_install", "-at_install")
class TestProductionProgress(HttpCase, TileProductionCommon):
    """Sales, the customer, the board and the dashboard follow a run made to order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer = new_test_user(cls.env, login="tile_buyer", groups="base.group_portal", name="Buyer Zhao")
        cls.seller = cls.tile_salesman("tile_prod_seller")
        cls.order = cls.tile_order(cls.buyer.partner_id, [(cls.tile_600, 100, "m2")], user=cls.seller)
        cls.order.order_line.tile_to_produce = True
        cls.order.action_confirm()
        cls.mo = cls.order.order_line.tile_production_ids
        cls.mo._tile_plan_all()

    def test_the_salesperson_reads_the_expected_date_but_cannot_plan_or_grade(self):
        line = self.order.order_line.with_user(self.seller)
        self.assertIn(self.mo.name, line.tile_production_text)
        self.assertIn("expected", line.tile_production_text)
        with self.assertRaises(AccessError):
            self.mo.with_user(self.seller).action_tile_plan()
        with self.assertRaises(AccessError):
            self.env["tile.grading"].with_user(self.seller).create({"production_id": self.mo.id})
        with self.assertRaises(AccessError):
            self.env["tile.workcenter.rate"].with_user(self.seller).create(
                {"workcenter_id": self.press_1.id, "tile_format": "300×300", "m2_per_day": 10}
            )

    def test_the_customer_sees_in_production_expected_in_the_portal(self):
        self.authenticate("tile_buyer", "tile_buyer")
        page = self.url_open(f"/my/orders/{self.order.id}")
        self.assertEqual(page.status_code, 200)
        day = fields.Datetime.context_timestamp(self.order, self.mo.date_finished).strftime("%Y-%m-%d")
        self.assertIn(f"In production, expected {day}", page.text)

    def test_the_board_shows_runs_whose_materials_are_short(self):
        board = self.mo.workorder_ids
        self.assertTrue(board.tile_short, "no glaze in stock")
        self.assertIn("materials short", board.tile_board_label)
        self.env["stock.quant"]._update_available_quantity(self.glaze, self.stock, 1000)
        self.mo.action_assign()
        board.invalidate_recordset()
        self.assertFalse(board.tile_short)

    def test_the_dashboard_reads_planned_graded_and_first_grade_yield(self):
        self.env["stock.quant"]._update_available_quantity(self.glaze, self.stock, 1000)
        grading = (
            self.env["tile.grading"]
            .with_context(active_id=self.mo.id)
            .create(
                {
                    "line_ids": [
                        fields.Command.create({"shade": "C1", "grade": "premium", "boxes": 60}),
                        fields.Command.create({"shade": "C1", "grade": "standard", "boxes": 9}),
                    ],
                    "failed_pieces": 4,
                }
            )
        )
        grading.action_grade()
        self.env.flush_all()  # the report reads the tables in SQL
        Report = self.env["tile.production.report"]
        [row] = Report.read_group(
            [("production_id", "=", self.mo.id)],
            ["m2_planned:sum", "m2_graded:sum", "m2_first:sum", "m2_failed:sum", "first_grade_yield:sum"],
            [],
        )
        self.assertAlmostEqual(row["m2_planned"], 100.8)
        self.assertAlmostEqual(row["m2_graded"], 99.36)
        self.assertAlmostEqual(row["m2_first"], 86.4)
        self.assertAlmostEqual(row["m2_failed"], 1.44)
        # First grade over all the output, a ratio of the sums (86.4 / 100.8), not a sum of ratios.
        self.assertAlmostEqual(row["first_grade_yield"], 85.7)
        # The graded lot traces back to the order line that asked for it.
        lot = self.mo.tile_lot_ids.filtered(lambda lot: lot.tile_grade == "premium")
        self.assertEqual(
            self.env["stock.move.line"]
            .search([("lot_id", "=", lot.id), ("move_id.production_id", "!=", False)])
            .move_id.production_id.sale_line_id,
            self.order.order_line,
        )


@tagged("post_install", "-at_install")
class TestProductionDemo(TileProductionCommon):
    def test_the_demo_factory_is_planned_with_one_late_and_one_graded_run(self):
        company = self.env.ref("tile_order_base.tile_demo_company", raise_if_not_found=False)
        if not company or not self.env.ref("tile_production.wc_kiln", raise_if_not_found=False):
            self.skipTest("installed without demo data")
        mos = self.env["mrp.production"].search([("company_id", "=", company.id)])
        self.assertEqual(len(mos), 20)
        self.assertTrue(all(mos.mapped("sale_line_id")), "every run comes from an order line")
        self.assertTrue(all(mos.mapped("tile_planned")))
        self.assertTrue(mos.filtered("tile_late_hours"), "one run will be late")
        graded = mos.filtered("tile_graded")
        self.assertEqual(len(graded), 1)
        self.assertEqual(len(graded.tile_lot_ids.filtered("tile_shade")), 3)

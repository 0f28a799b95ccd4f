from odoo.tests import Form, tagged

from odoo.addons.tile_production.tests.common import T0, TileProductionCommon


@tagged("post_install", "-at_install")
class TestProductionCost(TileProductionCommon):
    """A run of 144 m² of 600×600 (400 pieces): 71.95 kg of glaze at 4.00 (287.80; the bill per
    m² rounds) and two hours of the press line at 300.00 an hour (600.00) = 887.80, 2.2195 a
    piece. The worked order of 10 m² (28 pieces) delivered from its lot cost 62.15 to make."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.glaze.standard_price = 4.0
        cls.press_1.costs_hour = 300.0
        cls.tile_600.standard_price = 2.0
        cls.env["stock.quant"]._update_available_quantity(cls.glaze, cls.stock, 1000)
        cls.mo = cls.tile_mo(cls.tile_600, 144, T0)
        cls.mo.action_assign()
        cls.mo._tile_plan(start=T0)
        grading = Form(cls.env["tile.grading"].with_user(cls.sorter).with_context(active_id=cls.mo.id))
        with grading.line_ids.new() as line:
            line.shade, line.caliber, line.grade, line.boxes, line.loose_pieces = (
                "P01",
                "2",
                "premium",
                100,
                0,
            )
        grading.save().action_grade()
        cls.mo.workorder_ids.duration = 120.0

    def test_delivered_tiles_carry_their_run_cost(self):
        self.assertEqual(self.mo.state, "done")
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])
        order.action_confirm()
        delivery = order.picking_ids
        self.assertEqual(delivery.move_line_ids.lot_id, self.mo.tile_lot_ids.filtered("tile_shade"))
        delivery.move_ids.quantity = 28
        delivery.button_validate()
        self.env.flush_all()
        self.env.invalidate_all()
        row = self.env["tile.order.margin"].search([("order_id", "=", order.id)])
        self.assertAlmostEqual(row.cost_production, 62.15, places=2)
        # The goods are valued at the standard price (2.00 a piece): shown side by side, the
        # margin deducts the valuation once.
        self.assertAlmostEqual(row.cost_goods, 56.0, places=2)
        self.assertAlmostEqual(row.cost_total, 56.0, places=2)

    def test_bought_tiles_have_no_production_cost(self):
        self.tile_800.standard_price = 3.0
        self.tile_lot(self.tile_800, "BOUGHT-1", 300)
        order = self.tile_order(self.customer, [(self.tile_800, 10, "box")])
        order.action_confirm()
        delivery = order.picking_ids
        delivery.move_ids.quantity = 30
        delivery.button_validate()
        self.env.flush_all()
        row = self.env["tile.order.margin"].search([("order_id", "=", order.id)])
        self.assertEqual(row.cost_production, 0.0)
        self.assertAlmostEqual(row.cost_goods, 90.0, places=2)

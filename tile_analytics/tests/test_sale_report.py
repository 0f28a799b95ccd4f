from datetime import datetime

from odoo.tests import tagged

from odoo.addons.tile_order_base.tests.common import TileCommon


@tagged("post_install", "-at_install")
class TestTileSalesAnalysis(TileCommon):
    """The manager's question: where and when which formats sell, in m², with amounts to the cent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile_800 = cls.tile_product(800, 800, 95.0)  # 3 pieces, 1.92 m², 42 kg a box
        cls.adhesive = cls.plain_product()
        cls.zhejiang = cls.env.ref("base.state_cn_ZJ")
        cls.hangzhou_builder = cls.tile_customer(
            "Hangzhou Builder",
            city="杭州 Hangzhou",
            state_id=cls.zhejiang.id,
            country_id=cls.env.ref("base.cn").id,
        )
        cls.seller = cls.tile_salesman("tile_analytics_seller")
        cls.other_seller = cls.tile_salesman("tile_analytics_other")

    def report(self, order, env=None):
        self.env.flush_all()
        return (env or self.env)["sale.report"].search([("order_reference", "=", f"sale.order,{order.id}")])

    def test_summer_order_in_m2_boxes_weight_and_money_agrees_with_its_invoice(self):
        # tile_order_base's worked example: 782 boxes of 800×800 at 95.00 /m² = 1,501.44 m² = 142,636.80.
        order = self.tile_order(
            self.hangzhou_builder,
            [(self.tile_800, 782, "box"), (self.adhesive, 10, None)],
            date_order=datetime(2026, 7, 15, 9, 0),
        )
        order.action_confirm()
        order.date_order = datetime(2026, 7, 15, 9, 0)  # confirming stamps today's date
        invoice = order._create_invoices()
        invoice.action_post()
        rows = self.report(order)
        tile = rows.filtered("tile_is_tile")
        self.assertEqual(len(tile), 1)
        self.assertAlmostEqual(tile.tile_m2, 1501.44, places=2)
        self.assertEqual(tile.tile_boxes, 782)
        self.assertEqual(tile.tile_pieces, 2346)
        self.assertAlmostEqual(tile.tile_weight, 782 * 42.0, places=1)
        self.assertEqual(tile.tile_format, "800×800")
        self.assertEqual(tile.tile_season, "summer")
        self.assertEqual(tile.state_id, self.zhejiang)
        self.assertEqual(tile.tile_city, "杭州 Hangzhou")
        self.assertAlmostEqual(tile.price_subtotal, 142636.80, places=2)
        self.assertAlmostEqual(tile.untaxed_amount_invoiced, 142636.80, places=2)
        # The whole order, tiles and adhesive, agrees with its invoice to the cent.
        self.assertAlmostEqual(sum(rows.mapped("price_subtotal")), invoice.amount_untaxed, places=2)
        plain = rows - tile
        self.assertEqual((plain.tile_m2, plain.tile_boxes, plain.tile_format), (0.0, 0.0, False))

    def test_season_region_format_pivot(self):
        for month, boxes in ((1, 100), (7, 300), (8, 200)):
            order = self.tile_order(self.hangzhou_builder, [(self.tile_800, boxes, "box")])
            order.action_confirm()
            order.date_order = datetime(2026, month, 10)
        self.env.flush_all()
        groups = self.env["sale.report"].read_group(
            [("partner_id", "=", self.hangzhou_builder.id), ("state", "=", "sale")],
            ["tile_m2:sum"],
            ["tile_season", "state_id", "tile_format"],
            lazy=False,
        )
        m2 = {(g["tile_season"], g["tile_format"]): round(g["tile_m2"], 2) for g in groups}
        self.assertEqual(m2, {("winter", "800×800"): 192.0, ("summer", "800×800"): 960.0})

    def test_salespeople_see_only_their_own_customers_figures(self):
        mine = self.tile_order(self.hangzhou_builder, [(self.tile_800, 10, "box")], user=self.seller)
        theirs = self.tile_order(self.customer, [(self.tile_800, 20, "box")], user=self.other_seller)
        (mine | theirs).action_confirm()
        env = self.env(user=self.seller)
        self.assertTrue(self.report(mine, env))
        self.assertFalse(self.report(theirs, env))
        self.assertEqual(self.report(mine, env).tile_m2, 19.2)

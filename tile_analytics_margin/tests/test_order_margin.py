from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.tile_inventory.tests.common import TileInventoryCommon


@tagged("post_install", "-at_install")
class TestOrderMargin(TileInventoryCommon):
    """What an order really cost: the worked example 10 m² of 600×600 at 89.90/m² = 28 pieces,
    906.19, with tiles costing 20.00 a piece in stock (560.00)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile_600.standard_price = 20.0
        cls.lot = cls.tile_lot(cls.tile_600, "MRG-A", 200)
        cls.manager = new_test_user(
            cls.env, login="tile_margin_manager", groups="sales_team.group_sale_manager"
        )
        cls.billing = new_test_user(
            cls.env, login="tile_margin_billing", groups="account.group_account_invoice"
        )
        cls.seller = cls.tile_salesman("tile_margin_seller", see_all=True)
        cls.storekeeper = new_test_user(cls.env, login="tile_margin_store", groups="stock.group_stock_user")

    def delivered_order(self, pieces=None):
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])
        order.action_confirm()
        delivery = order.picking_ids
        delivery.move_ids.quantity = pieces or delivery.move_ids.product_uom_qty
        delivery.with_context(skip_backorder=True).button_validate()
        self.assertEqual(delivery.state, "done")
        return order, delivery

    def margin(self, order, env=None):
        self.env.flush_all()
        self.env.invalidate_all()  # a view: read it again as the screen would
        return (env or self.env)["tile.order.margin"].search([("order_id", "=", order.id)])

    def test_cost_of_goods_is_the_valuation_of_the_delivery(self):
        order, _delivery = self.delivered_order()
        row = self.margin(order)
        self.assertEqual(len(row), 1)
        self.assertAlmostEqual(row.amount_ordered, 906.19, places=2)
        self.assertAlmostEqual(row.amount_delivered, 906.19, places=2)
        self.assertAlmostEqual(row.cost_goods, 560.0, places=2)
        self.assertAlmostEqual(row.cost_total, 560.0, places=2)
        self.assertAlmostEqual(row.margin, 346.19, places=2)
        self.assertAlmostEqual(row.tile_m2_delivered, 10.08, places=2)
        # The figure is stock accounting's own: the delivery's valuation layers.
        layers = self.env["stock.valuation.layer"].search(
            [("stock_move_id.sale_line_id", "=", order.order_line.id)]
        )
        self.assertAlmostEqual(-sum(layers.mapped("value")), row.cost_goods, places=2)

    def test_partial_delivery_and_return(self):
        order, delivery = self.delivered_order(pieces=20)
        row = self.margin(order)
        # 20 of 28 pieces delivered: 647.28 of 906.19, goods 400.00.
        self.assertAlmostEqual(row.amount_delivered, 647.28, places=2)
        self.assertAlmostEqual(row.cost_goods, 400.0, places=2)
        wizard = Form(
            self.env["stock.return.picking"].with_context(active_id=delivery.id, active_model="stock.picking")
        ).save()
        wizard.product_return_moves.quantity = 4
        back = wizard._create_return()
        back.move_ids.quantity = 4
        back.button_validate()
        row = self.margin(order)
        # A box back: 16 pieces kept by the customer, 517.82 for 320.00 of goods.
        self.assertAlmostEqual(row.amount_delivered, 517.82, places=2)
        self.assertAlmostEqual(row.cost_goods, 320.0, places=2)
        self.assertAlmostEqual(row.margin, 197.82, places=2)

    def test_nothing_delivered_has_no_cost(self):
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])
        order.action_confirm()
        row = self.margin(order)
        self.assertEqual((row.amount_delivered, row.cost_goods, row.margin), (0.0, 0.0, 0.0))
        self.assertAlmostEqual(row.amount_ordered, 906.19, places=2)

    def test_grouped_by_region_and_format(self):
        self.customer.write({"state_id": self.env.ref("base.state_cn_GD").id, "city": "广州 Guangzhou"})
        order, _delivery = self.delivered_order()
        self.env.flush_all()
        groups = self.env["tile.order.margin"].read_group(
            [("order_id", "=", order.id)],
            ["margin:sum", "cost_total:sum"],
            ["state_id", "tile_format"],
            lazy=False,
        )
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]["state_id"][0], self.env.ref("base.state_cn_GD").id)
        self.assertEqual(groups[0]["tile_format"], self.tile_600.tile_format)
        self.assertAlmostEqual(groups[0]["margin"], 346.19, places=2)

    def test_cost_and_margin_for_managers_and_finance_only(self):
        order, _delivery = self.delivered_order()
        self.assertAlmostEqual(self.margin(order, self.env(user=self.manager)).margin, 346.19, places=2)
        self.assertAlmostEqual(self.margin(order, self.env(user=self.billing)).cost_goods, 560.0, places=2)
        for user in (self.seller, self.storekeeper):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.margin(order, self.env(user=user)).read(["margin"])

    def test_other_company_margins_are_not_shown(self):
        order, _delivery = self.delivered_order()
        other = self.env["res.company"].create({"name": "Other Tile Co."})
        outsider = new_test_user(
            self.env,
            login="tile_margin_outsider",
            groups="sales_team.group_sale_manager",
            company_id=other.id,
            company_ids=[other.id],
        )
        self.assertFalse(self.margin(order, self.env(user=outsider)))

    def test_export_for_finance_refused_to_salespeople(self):
        order, _delivery = self.delivered_order()
        self.env.flush_all()
        export = self.env["tile.analysis.export"].with_user(self.billing)
        action = export._tile_start("tile.order.margin", [("order_id", "=", order.id)])
        rows = list(
            export.browse(int(action["url"].split("=")[1]))._tile_rows(
                self.env["tile.order.margin"]._tile_xlsx_columns()
            )
        )
        self.assertEqual(len(rows), 1)
        columns = [fname for fname, _label, _kind in self.env["tile.order.margin"]._tile_xlsx_columns()]
        self.assertAlmostEqual(rows[0][columns.index("margin")], 346.19, places=2)
        with self.assertRaises(AccessError):
            self.env["tile.analysis.export"].with_user(self.seller)._tile_start("tile.order.margin", [])

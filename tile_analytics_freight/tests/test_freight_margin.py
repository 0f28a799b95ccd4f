from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.tile_logistics.tests.common import TileLogisticsCommon


@tagged("post_install", "-at_install")
class TestFreightMargin(TileLogisticsCommon):
    """The logistics test truck (own fleet at 0.50 per t·km): freight reaches the order lines
    it carried, by weight, and the margin deducts it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile_800.standard_price = 10.0
        cls.manager = new_test_user(
            cls.env, login="tile_freight_manager", groups="sales_team.group_sale_manager"
        )

    def margins(self, orders):
        self.env.flush_all()
        self.env.invalidate_all()
        return self.env["tile.order.margin"].search([("order_id", "in", orders.ids)])

    def dispatch(self, deliveries, km=100):
        load = self.load(deliveries, tile_distance_km=km)
        load.with_user(self.dispatcher).action_tile_dispatch()
        self.assertEqual(set(deliveries.mapped("state")), {"done"})
        return load

    def test_freight_follows_the_weight_to_each_order(self):
        big = self.ready_delivery(self.guangzhou, 300)  # 12,600 kg
        small = self.ready_delivery(self.guangzhou, 150)  # 6,300 kg
        self.dispatch(big | small)
        # 18.9 t × 100 km × 0.50 = 945.00: 630.00 and 315.00.
        rows = self.margins(big.sale_id | small.sale_id)
        by_order = {row.order_id: row for row in rows}
        self.assertAlmostEqual(by_order[big.sale_id].cost_freight, 630.0, places=2)
        self.assertAlmostEqual(by_order[small.sale_id].cost_freight, 315.0, places=2)
        self.assertEqual(rows.carrier_id, self.own_fleet)
        row = by_order[small.sale_id]
        # 150 boxes × 3 pieces at 10.00 = 4,500.00 of goods; the margin deducts both costs.
        self.assertAlmostEqual(row.cost_goods, 4500.0, places=2)
        self.assertAlmostEqual(row.cost_total, 4815.0, places=2)
        self.assertAlmostEqual(row.margin, row.amount_delivered - 4815.0, places=2)

    def test_lines_of_one_delivery_share_it_by_weight(self):
        self.tile_lot(self.tile_600, "F600-A1", 400)
        order = self.tile_order(self.shenzhen, [(self.tile_800, 100, "box"), (self.tile_600, 50, "box")])
        order.action_confirm()
        delivery = order.picking_ids
        delivery.action_assign()
        self.dispatch(delivery)
        # 4,200 kg + 1,600 kg = 5.8 t × 100 km × 0.50 = 290.00: 210.00 and 80.00.
        rows = self.margins(order)
        freight = {row.product_id: row.cost_freight for row in rows}
        self.assertAlmostEqual(freight[self.tile_800], 210.0, places=2)
        self.assertAlmostEqual(freight[self.tile_600], 80.0, places=2)

    def test_no_freight_before_the_truck_leaves(self):
        delivery = self.ready_delivery(self.guangzhou, 30)
        load = self.load(delivery, tile_distance_km=100)
        self.assertGreater(load.tile_freight_cost, 0)
        self.assertEqual(self.margins(delivery.sale_id).cost_freight, 0.0)

    def test_grouped_by_carrier_and_route_for_managers_only(self):
        self.guangzhou.state_id = self.env.ref("base.state_cn_GD")
        self.dispatch(self.ready_delivery(self.guangzhou, 300) | self.ready_delivery(self.shenzhen, 150))
        self.env.flush_all()
        groups = (
            self.env["tile.order.margin"]
            .with_user(self.manager)
            .read_group([("carrier_id", "=", self.own_fleet.id)], ["cost_freight:sum"], ["city"], lazy=False)
        )
        self.assertEqual(
            {g["city"]: round(g["cost_freight"], 2) for g in groups},
            {"广州 Guangzhou": 630.0, "深圳 Shenzhen": 315.0},
        )
        with self.assertRaises(AccessError):
            self.env["tile.order.margin"].with_user(self.dispatcher).search_read([], ["cost_freight"])

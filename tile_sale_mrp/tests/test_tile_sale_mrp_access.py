from odoo.tests import new_test_user, tagged

from odoo.addons.tile_order_base.tests.common import TileCommon


@tagged("post_install", "-at_install")
class TestTileSaleMrpAccess(TileCommon):
    def test_manufacturing_user_opens_an_order_with_rooms(self):
        salesman = self.tile_salesman("tile_mrp_seller")
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")], user=salesman)
        room = self.env["tile.room"].create(
            {"order_id": order.id, "name": "Kitchen", "area_input_m2": 12, "product_id": self.tile_600.id}
        )
        room._sync_order_lines()
        planner = new_test_user(self.env, login="tile_planner", groups="base.group_user,mrp.group_mrp_user")
        self.assertOrderFormOpens(order, planner)

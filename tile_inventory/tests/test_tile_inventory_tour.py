from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.tile_order_base.tests.common import TileTestMixin


@tagged("post_install", "-at_install")
class TestTileInventoryTour(HttpCase, TileTestMixin):
    def test_confirm_and_see_the_lot_on_the_delivery(self):
        tile = self.tile_product(600, 600, 89.90, name="Tour Lot Tile", is_storable=True, tracking="lot")
        stock = (
            self.env["stock.warehouse"]
            .search([("company_id", "=", self.env.company.id)], limit=1)
            .lot_stock_id
        )
        lot = self.env["stock.lot"].create(
            {"name": "TOUR-LOT-1", "product_id": tile.id, "tile_shade": "TOUR-SHADE"}
        )
        self.env["stock.quant"]._update_available_quantity(tile, stock, 200, lot_id=lot)
        seller = new_test_user(
            self.env, login="tile_tour_seller", groups="sales_team.group_sale_salesman,stock.group_stock_user"
        )
        order = self.tile_order(self.tile_customer("Tour Buyer"), [(tile, 10, "m2")], user=seller)
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{order.id}",
            "tile_confirm_sees_lot_tour",
            login="tile_tour_seller",
        )
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.picking_ids.move_line_ids.lot_id, lot)

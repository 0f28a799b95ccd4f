"""In the browser: a salesperson confirms below the floor price, it waits, the manager approves
from the activity, and the order is delivered."""

from odoo.tests import HttpCase, tagged

from .common import TileReviewMixin


@tagged("post_install", "-at_install")
class TestReviewTour(HttpCase, TileReviewMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_review()
        cls.customer.name = "Floor Tour Customer"
        cls.team.user_id = cls.manager

    def test_floor_price_waits_then_approved_from_the_activity_then_delivered(self):
        order = self.order_for(self.seller, price=75.0)
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{order.id}",
            "tile_order_review_confirm_tour",
            login="review_seller",
        )
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.tile_review_state, "waiting")
        self.assertEqual(order.tile_review_approver_ids, self.manager)
        self.env["stock.quant"]._update_available_quantity(self.tile, order.warehouse_id.lot_stock_id, 100)
        self.start_tour(
            f"/odoo/action-sale.action_orders/{order.id}",
            "tile_order_review_approve_tour",
            login="review_manager",
        )
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.tile_review_reason_ids.decided_by_id, self.manager)
        self.assertEqual(order.picking_ids.state, "done")
        self.assertEqual(order.order_line.qty_delivered, order.order_line.product_uom_qty)

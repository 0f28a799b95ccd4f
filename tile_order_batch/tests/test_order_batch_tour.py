from odoo.tests import HttpCase, tagged

from odoo.addons.tile_order_base.tests.common import TileTestMixin


@tagged("post_install", "-at_install")
class TestOrderBatchTour(HttpCase, TileTestMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile = cls.tile_product(600, 600, 89.90, name="Batch Tour Tile")
        cls.salesman = cls.tile_salesman("tile_batch_tour")
        cls.orders = {
            name: cls.tile_order(cls.tile_customer(name), [(cls.tile, 10, "m2")], user=cls.salesman)
            for name in ("Batch Tour Alpha", "Batch Tour Beta", "Batch Tour Gamma")
        }
        cls.orders["Batch Tour Gamma"].action_cancel()

    def test_confirm_three_orders_from_the_list(self):
        self.start_tour(
            "/odoo/action-sale.action_quotations_with_onboarding",
            "tile_order_batch_confirm_tour",
            login="tile_batch_tour",
        )
        self.assertEqual(self.orders["Batch Tour Alpha"].state, "sale")
        self.assertEqual(self.orders["Batch Tour Beta"].state, "sale")
        self.assertEqual(self.orders["Batch Tour Gamma"].state, "cancel")

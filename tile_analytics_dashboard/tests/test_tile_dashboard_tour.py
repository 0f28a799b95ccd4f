from datetime import datetime

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestTileDashboardTour(HttpCase):
    """A manager opens Dashboards › Tiles: the scorecards draw, the live lists fill, and the
    first late manufacturing order opens from its cell."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls.env.ref("tile_analytics_dashboard.spreadsheet_dashboard_tiles")
        admin = cls.env.ref("base.user_admin")
        product = cls.env["product.product"].create({"name": "Dashboard tour glaze", "type": "consu"})
        # The oldest deadline of all: first row of the late-productions list, whatever else exists.
        cls.production = cls.env["mrp.production"].create(
            {
                "name": "MO/TILE-DASHBOARD-TOUR",
                "product_id": product.id,
                "product_qty": 1,
                "company_id": admin.company_id.id,
                "date_deadline": datetime(2001, 1, 1, 8, 0),
            }
        )
        cls.production.action_confirm()

    def test_manager_opens_the_tiles_dashboard(self):
        self.start_tour(
            f"/odoo/dashboards?dashboard_id={self.dashboard.id}",
            "tile_analytics_dashboard_tour",
            login="admin",
        )

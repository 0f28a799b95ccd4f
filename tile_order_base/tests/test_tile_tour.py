from odoo.tests import HttpCase, new_test_user, tagged

from .common import TileTestMixin


@tagged("post_install", "-at_install")
class TestTileTour(HttpCase, TileTestMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.tile_wastage_straight = 7
        cls.tile = cls.tile_product(600, 600, 89.90, name="Tour Tile 600×600")
        cls.customer = cls.tile_customer("Tour Customer")
        cls.salesman = new_test_user(
            cls.env, login="tile_tour_sales", groups="sales_team.group_sale_salesman", name="Tour Salesperson"
        )

    def test_salesperson_opens_tile_sales_menu(self):
        self.start_tour("/odoo", "tile_sales_menu_tour", login="tile_tour_sales")

    def test_salesperson_quotes_two_rooms_and_confirms(self):
        self.start_tour("/odoo", "tile_two_rooms_quotation_tour", login="tile_tour_sales")
        order = self.env["sale.order"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.user_id, self.salesman)
        self.assertEqual(order.tile_room_ids.mapped("name"), ["Living room", "Kitchen"])
        sections = order.order_line.filtered(lambda sol: sol.display_type == "line_section")
        self.assertEqual(sections.mapped("name"), ["Living room", "Kitchen"])
        self.assertEqual(order.tile_total_boxes, 23)
        self.assertEqual(order.tile_total_m2, 33.12)

    def test_customer_sees_boxes_and_m2_in_the_portal(self):
        order = self.tile_order(self.customer, [(self.tile, 10, "m2")])
        order.action_quotation_sent()
        response = self.url_open(order.get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("10.08", response.text)
        self.assertIn("/ m²", response.text)
        self.assertIn("906.19", response.text)
        # Another customer's link without the token is refused, not a traceback.
        self.assertNotEqual(self.url_open(f"/my/orders/{order.id}", allow_redirects=False).status_code, 200)

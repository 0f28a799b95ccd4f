from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.tile_order_base.tests.common import TileTestMixin


@tagged("post_install", "-at_install")
class TestTileCrmTour(HttpCase, TileTestMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.tile_wastage_straight = 7
        cls.tile = cls.tile_product(600, 600, 89.90, name="CRM Tour Tile 600×600")
        cls.customer = cls.tile_customer("CRM Tour Customer")
        cls.salesman = new_test_user(
            cls.env,
            login="tile_crm_tour_sales",
            groups="sales_team.group_sale_salesman",
            name="CRM Tour Sales",
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Showroom visit: bathroom",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
                "tile_liked_product_ids": [(6, 0, cls.tile.ids)],
            }
        )

    def test_salesperson_quotes_the_room_of_an_opportunity(self):
        url = f"/odoo/action-crm.crm_lead_action_pipeline/{self.lead.id}"
        self.start_tour(url, "tile_crm_lead_quotation_tour", login="tile_crm_tour_sales")
        order = self.lead.order_ids
        self.assertEqual(len(order), 1)
        self.assertEqual(order.user_id, self.salesman)
        self.assertEqual(order.tile_room_ids.mapped("name"), ["Bathroom"])
        self.assertEqual(order.tile_room_ids.gross_area_m2, 6.42)
        line = order.order_line.filtered("product_id")
        self.assertEqual((line.product_id, line.tile_entry_qty), (self.tile, 6.42))
        # The liked tile is in the room: no optional product for it.
        self.assertFalse(order.sale_order_option_ids)
        # The opportunity keeps its room.
        self.assertEqual(self.lead.tile_room_ids.mapped("name"), ["Bathroom"])

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestTileCrmDemo(TransactionCase):
    """The demo tells its story: a showroom visit being measured, a phone call already quoted."""

    def setUp(self):
        super().setUp()
        self.showroom = self.env.ref("tile_crm.lead_chen_showroom", raise_if_not_found=False)
        if not self.showroom:
            self.skipTest("installed without demo data")

    def test_showroom_visit_has_two_rooms_and_liked_tiles(self):
        self.assertEqual(len(self.showroom.tile_room_ids), 2)
        self.assertEqual(len(self.showroom.tile_liked_product_ids), 3)
        self.assertFalse(self.showroom.order_ids)
        # The wood look is liked but in no room: it would come as an optional product.
        self.assertEqual(
            self.showroom._tile_optional_products(), self.env.ref("tile_order_base.tile_wood_200x1200")
        )

    def test_phone_call_was_quoted_with_its_room(self):
        lead = self.env.ref("tile_crm.lead_studio_cafe")
        order = lead.order_ids
        self.assertEqual(len(order), 1)
        self.assertEqual(order.tile_room_ids.name, "咖啡馆大厅 Café floor")
        # 48 m² herringbone: 15 % wastage.
        self.assertEqual(order.tile_room_ids.gross_area_m2, 55.2)
        self.assertEqual(
            order.sale_order_option_ids.product_id, self.env.ref("tile_order_base.tile_slab_750x1500")
        )
        self.assertEqual(order.pricelist_id.currency_id, self.env.ref("base.CNY"))

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestTileInventoryDemo(TransactionCase):
    """The demo distributor stocks its lots in the one warehouse Inventory made for it."""

    def test_one_warehouse_holds_the_demo_lots(self):
        company = self.env.ref("tile_order_base.tile_demo_company", raise_if_not_found=False)
        if not company:
            self.skipTest("installed without demo data")
        warehouse = self.env.ref("tile_inventory.tile_demo_warehouse")
        others = self.env["stock.warehouse"].search([("company_id", "=", company.id)]) - warehouse
        # Other modules' demo may add one (tile_order_routing ships North China from Tianjin);
        # tile_inventory's own adds none.
        self.assertFalse(
            [xmlid for xmlid in others.get_external_id().values() if xmlid.startswith("tile_inventory.")]
        )
        self.assertEqual(warehouse.code, "HCFS")
        quants = self.env["stock.quant"].search([("location_id", "child_of", warehouse.view_location_id.id)])
        self.assertTrue(quants.lot_id, "the demo lots are stocked in the Foshan warehouse")
        if not others:
            # A second warehouse would have switched Odoo's multi-warehouse setting on for every user.
            self.assertNotIn(
                self.env.ref("stock.group_stock_multi_warehouses"),
                self.env.ref("base.group_user").implied_ids,
            )

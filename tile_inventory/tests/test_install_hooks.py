from odoo.tests import TransactionCase, tagged

from odoo.addons.tile_inventory import hooks
from odoo.addons.tile_order_base.tests.test_tile_install_hooks import assert_hook_lists_big_columns


@tagged("post_install", "-at_install")
class TestTileInventoryInstallHooks(TransactionCase):
    def test_every_stored_tile_column_of_a_big_table_is_in_the_hook(self):
        assert_hook_lists_big_columns(self, "tile_inventory", hooks)

    def test_orders_from_before_the_install_hold_the_default_scope(self):
        self.env.cr.execute(
            """SELECT is_nullable, column_default FROM information_schema.columns
                WHERE table_name = 'sale_order' AND column_name = 'tile_shade_scope'"""
        )
        self.assertEqual(
            self.env.cr.fetchone(), ("NO", None), "required as Odoo makes it, no database default"
        )
        self.env.cr.execute("SELECT count(*) FROM sale_order WHERE tile_shade_scope IS NULL")
        self.assertEqual(self.env.cr.fetchone(), (0,))

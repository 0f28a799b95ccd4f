from odoo.tests import TransactionCase, tagged

from odoo.addons.tile_order_base.hooks import BIG_TABLE_COLUMNS, create_empty_columns


@tagged("post_install", "-at_install")
class TestTileInstallHooks(TransactionCase):
    def test_every_stored_computed_tile_column_of_a_big_table_is_created_empty(self):
        """A stored computed tile field added later must join the install hook, or installing
        on a big database computes it row by row again."""
        for model in ("account.move.line", "sale.order.line", "sale.order"):
            Model = self.env[model]
            wanted = {
                name: field.column_type[0]
                for name, field in Model._fields.items()
                if name.startswith("tile_") and field.store and field.compute and field.column_type
            }
            listed = BIG_TABLE_COLUMNS[Model._table]
            self.assertEqual(set(wanted), set(listed), f"{model}: hook columns differ from the fields")
            for name, column_type in wanted.items():
                self.assertEqual(listed[name], column_type, f"{model}.{name}")

    def test_columns_are_added_empty_and_twice_is_harmless(self):
        self.env.cr.execute("CREATE TEMP TABLE tile_hook_probe (id serial PRIMARY KEY, amount numeric)")
        self.env.cr.execute("INSERT INTO tile_hook_probe (amount) VALUES (1), (2)")
        columns = {"tile_probe_m2": "numeric", "tile_probe_flag": "bool"}
        create_empty_columns(self.env.cr, {"tile_hook_probe": columns})
        create_empty_columns(self.env.cr, {"tile_hook_probe": columns})
        self.env.cr.execute("SELECT amount, tile_probe_m2, tile_probe_flag FROM tile_hook_probe ORDER BY id")
        self.assertEqual(self.env.cr.fetchall(), [(1, None, None), (2, None, None)])

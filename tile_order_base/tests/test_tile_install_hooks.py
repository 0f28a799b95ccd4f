from odoo import Command
from odoo.tests import TransactionCase, tagged

from odoo.addons.tile_order_base import hooks
from odoo.addons.tile_order_base.hooks import create_default_columns, create_empty_columns

from .common import TileCommon

# Models whose tables may hold millions of rows when the tile modules are installed.
BIG_MODELS = (
    "account.move",
    "account.move.line",
    "sale.order",
    "sale.order.line",
    "product.template",
    "product.product",
    "res.partner",
    "stock.lot",
    "stock.move",
    "stock.move.line",
    "stock.picking",
    "stock.quant",
)


def assert_hook_lists_big_columns(case, module, hook_module):
    """Every stored column ``module`` adds to a big table is cheap to add, or in its install hook.

    A stored computed field must be created empty (``BIG_TABLE_COLUMNS``), a plain field
    with a default must be created with it (``BIG_TABLE_DEFAULTS``); otherwise installing
    on a big database computes or writes it row by row again.
    """
    wanted_empty, wanted_default = {}, {}
    for model in BIG_MODELS:
        if model not in case.env:
            continue
        Model = case.env[model]
        for name, field in Model._fields.items():
            if field._module != module or not field.store or not field.column_type or field.inherited:
                continue
            if field.compute:
                wanted_empty.setdefault(Model._table, {})[name] = field.column_type[0]
            elif field.default:
                value = field.convert_to_column_insert(
                    field.convert_to_write(field.default(Model), Model), Model
                )
                if value is not None and value is not False:
                    wanted_default.setdefault(Model._table, {})[name] = (
                        field.column_type[0],
                        value,
                        bool(field.required),
                    )
    case.assertEqual(wanted_empty, hook_module.BIG_TABLE_COLUMNS, f"{module}: columns created empty")
    case.assertEqual(
        wanted_default, hook_module.BIG_TABLE_DEFAULTS, f"{module}: columns created with a value"
    )


@tagged("post_install", "-at_install")
class TestTileInstallHooks(TransactionCase):
    def test_every_stored_tile_column_of_a_big_table_is_in_the_hook(self):
        assert_hook_lists_big_columns(self, "tile_order_base", hooks)

    def test_columns_are_added_empty_and_twice_is_harmless(self):
        self.env.cr.execute("CREATE TEMP TABLE tile_hook_probe (id serial PRIMARY KEY, amount numeric)")
        self.env.cr.execute("INSERT INTO tile_hook_probe (amount) VALUES (1), (2)")
        columns = {"tile_probe_m2": "numeric", "tile_probe_flag": "bool"}
        create_empty_columns(self.env.cr, {"tile_hook_probe": columns})
        create_empty_columns(self.env.cr, {"tile_hook_probe": columns})
        self.env.cr.execute("SELECT amount, tile_probe_m2, tile_probe_flag FROM tile_hook_probe ORDER BY id")
        self.assertEqual(self.env.cr.fetchall(), [(1, None, None), (2, None, None)])

    def test_columns_with_a_value_hold_it_in_old_rows_only(self):
        cr = self.env.cr
        cr.execute("CREATE TEMP TABLE tile_hook_probe (id serial PRIMARY KEY, amount numeric)")
        cr.execute("INSERT INTO tile_hook_probe (amount) VALUES (1), (2)")
        columns = {"tile_probe_unit": ("varchar", "m2", False), "tile_probe_scope": ("varchar", "room", True)}
        create_default_columns(cr, {"tile_hook_probe": columns})
        create_default_columns(cr, {"tile_hook_probe": columns})
        cr.execute("SELECT amount, tile_probe_unit, tile_probe_scope FROM tile_hook_probe ORDER BY id")
        self.assertEqual(cr.fetchall(), [(1, "m2", "room"), (2, "m2", "room")])
        # No database default is left behind: new rows get what the ORM writes, as in Odoo.
        cr.execute(
            """SELECT column_name, column_default, is_nullable FROM information_schema.columns
                WHERE table_name = 'tile_hook_probe' AND column_name LIKE 'tile_probe_%%'
                ORDER BY column_name"""
        )
        self.assertEqual(cr.fetchall(), [("tile_probe_scope", None, "NO"), ("tile_probe_unit", None, "YES")])
        cr.execute(
            "INSERT INTO tile_hook_probe (amount, tile_probe_scope) VALUES (3, 'line') "
            "RETURNING tile_probe_unit"
        )
        self.assertEqual(cr.fetchone(), (None,))


@tagged("post_install", "-at_install")
class TestTileRowsFromBeforeTheInstall(TileCommon):
    """Rows that existed before the install keep empty tile columns: they read and work as
    plain lines, and become tile lines the usual way."""

    def _empty_tile_columns(self, records):
        """Set ``records``' tile columns as the install hook leaves them on old rows."""
        self.env.flush_all()
        columns = hooks.BIG_TABLE_COLUMNS[records._table]
        self.env.cr.execute(
            f"UPDATE {records._table} SET {', '.join(f'{c} = NULL' for c in columns)} WHERE id = ANY(%s)",
            [records.ids],
        )
        records.invalidate_recordset()

    def test_old_order_and_invoice_read_as_plain_documents(self):
        plain = self.plain_product()
        order = self.tile_order(self.customer, [(plain, 4, None)])
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        self._empty_tile_columns(order)
        self._empty_tile_columns(order.order_line)
        self._empty_tile_columns(invoice.line_ids)

        line = order.order_line
        self.assertEqual(line.tile_entry_unit, "m2", "old lines hold the default, as Odoo would write it")
        self.assertEqual(
            (line.tile_is_tile, line.tile_pieces, line.tile_m2, line.tile_boxes, line.tile_price_qty),
            (False, 0, 0.0, 0.0, 0.0),
        )
        self.assertFalse(line.tile_rounding_note)
        self.assertEqual((order.tile_total_m2, order.tile_has_tiles), (0.0, False))
        self.assertEqual((invoice.tile_total_m2, invoice.tile_total_boxes), (0.0, 0.0))
        self.assertEqual(line.price_subtotal, 4 * plain.list_price)
        self.assertFalse(
            self.env["sale.order.line"].search([("id", "=", line.id), ("tile_is_tile", "=", True)])
        )
        self.assertEqual(
            self.env["sale.order.line"].search([("id", "=", line.id), ("tile_is_tile", "=", False)]), line
        )
        self.assertOrderFormOpens(order, self.env.user)
        reports = self.env["ir.actions.report"]
        self.assertIn(order.name, str(reports._render_qweb_html("sale.report_saleorder", order.ids)[0]))
        self.assertIn(invoice.name, str(reports._render_qweb_html("account.report_invoice", invoice.ids)[0]))

    def test_old_quotation_line_becomes_a_tile_line(self):
        plain = self.plain_product()
        order = self.tile_order(self.customer, [(plain, 4, None)])
        self._empty_tile_columns(order)
        self._empty_tile_columns(order.order_line)
        line = order.order_line
        line.write({"product_id": self.tile_600.id, "tile_entry_unit": "m2", "tile_entry_qty": 10})
        self.assertEqual((line.tile_is_tile, line.product_uom_qty, line.tile_boxes), (True, 28, 7))
        self.assertEqual(order.tile_total_m2, 10.08)
        order.order_line = [Command.create({"product_id": self.tile_600.id, "tile_entry_qty": 1.44})]
        self.assertEqual(order.tile_total_boxes, 8)

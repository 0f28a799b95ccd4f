"""Install hooks: big tables get the tile columns in SQL, not row by row."""

from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column

# Stored computed columns the module adds to tables that may hold millions of rows.
# Created here with no value, Odoo does not compute them for existing rows at install
# (an empty value is right for every line made before tiles existed); new and
# edited lines compute them as usual.
TILE_LINE_COLUMNS = {
    "tile_is_tile": "bool",
    "tile_pieces_per_box": "int4",
    "tile_m2_per_box": "numeric",
    "tile_weight_per_box": "numeric",
    "tile_boxes_per_pallet": "int4",
    "tile_price_unit_type": "varchar",
    "tile_pieces": "int4",
    "tile_boxes": "numeric",
    "tile_m2": "numeric",
    "tile_weight": "numeric",
    "tile_pallets": "numeric",
    "tile_price_qty": "numeric",
}
BIG_TABLE_COLUMNS = {
    "account_move_line": TILE_LINE_COLUMNS,
    "sale_order_line": dict(TILE_LINE_COLUMNS, tile_allow_loose="bool"),
    "sale_order": {
        "tile_total_m2": "numeric",
        "tile_total_boxes": "numeric",
        "tile_total_pieces": "int4",
        "tile_total_weight": "numeric",
        "tile_total_pallets": "numeric",
        "tile_has_tiles": "bool",
    },
    # Catalogues of distributors run to many thousand products, none of them a tile yet.
    "product_template": {"tile_format": "varchar", "tile_m2_per_box": "numeric"},
}
# Plain columns with a default: Odoo would write the default into every existing row
# (one UPDATE that rewrites the whole table). {table: {column: (type, value, required)}}
BIG_TABLE_DEFAULTS = {
    "sale_order_line": {"tile_entry_unit": ("varchar", "m2", False)},
    "product_template": {"tile_price_unit": ("varchar", "m2", False)},
}


def create_empty_columns(cr, tables):
    """Create the missing columns of ``tables`` ({table: {column: type}}) without values."""
    for table, columns in tables.items():
        for column, column_type in columns.items():
            if not column_exists(cr, table, column):
                create_column(cr, table, column, column_type)


def create_default_columns(cr, tables):
    """Create the missing columns of ``tables`` ({table: {column: (type, value, required)}})
    holding ``value`` in every existing row, without writing a row.

    A constant DEFAULT given in ADD COLUMN is kept in PostgreSQL's catalogue (11 and later)
    and read for the rows that existed then; dropping the DEFAULT right after leaves those
    rows their value and new rows to the ORM, as for any Odoo column.
    """
    for table, columns in tables.items():
        for column, (column_type, value, required) in columns.items():
            if column_exists(cr, table, column):
                continue
            cr.execute(
                SQL(
                    "ALTER TABLE %s ADD COLUMN %s %s DEFAULT %s %s",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    SQL(column_type),
                    value,
                    SQL("NOT NULL" if required else ""),
                )
            )
            cr.execute(
                SQL(
                    "ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT",
                    SQL.identifier(table),
                    SQL.identifier(column),
                )
            )


def pre_init_hook(env):
    create_empty_columns(env.cr, BIG_TABLE_COLUMNS)
    create_default_columns(env.cr, BIG_TABLE_DEFAULTS)

"""Install hooks: big tables get the tile columns empty, in SQL, not row by row."""

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
}


def create_empty_columns(cr, tables):
    """Create the missing columns of ``tables`` ({table: {column: type}}) without values."""
    for table, columns in tables.items():
        for column, column_type in columns.items():
            if not column_exists(cr, table, column):
                create_column(cr, table, column, column_type)


def pre_init_hook(env):
    create_empty_columns(env.cr, BIG_TABLE_COLUMNS)

"""Install hooks: big tables get their tile columns in SQL, not row by row."""

from odoo.addons.tile_order_base.hooks import create_default_columns, create_empty_columns

# Stored computed columns of big tables, created empty (see tile_order_base.hooks).
BIG_TABLE_COLUMNS = {"stock_lot": {"tile_is_tile": "bool", "tile_shade_group": "varchar"}}
# Plain columns with a default (see tile_order_base.hooks.BIG_TABLE_DEFAULTS).
BIG_TABLE_DEFAULTS = {
    "sale_order": {"tile_shade_scope": ("varchar", "room", True)},
    "product_template": {"tile_safety_unit": ("varchar", "box", False)},
}


def pre_init_hook(env):
    # A database may hold many lots; their shade group is empty until a shade is typed,
    # and whether the lot is a tile comes from its product in one statement.
    create_empty_columns(env.cr, BIG_TABLE_COLUMNS)
    env.cr.execute(
        """UPDATE stock_lot l SET tile_is_tile = TRUE
             FROM product_product p JOIN product_template t ON t.id = p.product_tmpl_id
            WHERE p.id = l.product_id AND t.tile_is_tile"""
    )
    create_default_columns(env.cr, BIG_TABLE_DEFAULTS)

"""Install hooks: lots get their tile columns in SQL, not row by row."""

from odoo.addons.tile_order_base.hooks import create_empty_columns


def pre_init_hook(env):
    # A database may hold many lots; their shade group is empty until a shade is typed,
    # and whether the lot is a tile comes from its product in one statement.
    create_empty_columns(env.cr, {"stock_lot": {"tile_is_tile": "bool", "tile_shade_group": "varchar"}})
    env.cr.execute(
        """UPDATE stock_lot l SET tile_is_tile = TRUE
             FROM product_product p JOIN product_template t ON t.id = p.product_tmpl_id
            WHERE p.id = l.product_id AND t.tile_is_tile"""
    )

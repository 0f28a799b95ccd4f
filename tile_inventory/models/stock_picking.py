from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    tile_has_tiles = fields.Boolean(compute="_compute_tile_has_tiles")

    def _compute_tile_has_tiles(self):
        for picking in self:
            picking.tile_has_tiles = any(picking.move_ids.product_id.mapped("tile_is_tile"))

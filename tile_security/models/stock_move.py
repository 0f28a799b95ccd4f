from odoo import api, models

from .tile_price_guard import COST_GROUPS


class StockMove(models.Model):
    _name = "stock.move"
    _inherit = ["stock.move", "tile.price.guard"]

    @api.model
    def _tile_price_groups(self):
        return COST_GROUPS

    @api.model
    def _tile_price_refuses_writes(self):
        return False

    @api.model
    def _tile_price_extra_fields(self):
        return ("price_unit",)

from odoo import api, models


class StockMove(models.Model):
    _name = "stock.move"
    _inherit = ["stock.move", "tile.cost.guard"]

    @api.model
    def _tile_price_extra_fields(self):
        return ("price_unit",)

from odoo import api, models


class StockLot(models.Model):
    _name = "stock.lot"
    _inherit = ["stock.lot", "tile.cost.guard"]

    @api.model
    def _tile_price_extra_fields(self):
        return ("standard_price",)

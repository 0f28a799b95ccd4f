from odoo import api, models


class StockMoveLine(models.Model):
    _name = "stock.move.line"
    _inherit = ["stock.move.line", "tile.price.guard"]

    @api.model
    def _tile_price_refuses_writes(self):
        return False

    @api.model
    def _tile_price_extra_fields(self):
        return ("sale_price",)  # sale_stock: the customer's price of what is delivered

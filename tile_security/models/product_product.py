from odoo import api, models


class ProductProduct(models.Model):
    _name = "product.product"
    _inherit = ["product.product", "tile.cost.guard"]

    @api.model
    def _tile_price_extra_fields(self):
        return ("standard_price", "value_svl")

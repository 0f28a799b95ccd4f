from odoo import api, models

from .tile_price_guard import COST_GROUPS


class ProductProduct(models.Model):
    _name = "product.product"
    _inherit = ["product.product", "tile.price.guard"]

    @api.model
    def _tile_price_groups(self):
        return COST_GROUPS

    @api.model
    def _tile_price_refuses_writes(self):
        return False

    @api.model
    def _tile_price_extra_fields(self):
        return ("standard_price", "value_svl")

from odoo import api, models


class ProductProduct(models.Model):
    _name = "product.product"
    # Tile data written through a variant is the template's: same bounds, checked before
    # the variant converts the values itself.
    _inherit = ["product.product", "tile.bounds.mixin"]

    @api.model
    def _tile_bounds(self):
        return dict(super()._tile_bounds(), **self.env["product.template"]._tile_bounds())

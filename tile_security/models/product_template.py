from odoo import api, models


class ProductTemplate(models.Model):
    _name = "product.template"
    _inherit = ["product.template", "tile.cost.guard"]

    @api.model
    def _tile_price_extra_fields(self):
        return ("standard_price",)

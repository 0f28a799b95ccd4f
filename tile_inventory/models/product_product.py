from odoo import api, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model_create_multi
    def create(self, vals_list):
        products = super().create(vals_list)
        # A tile created as a variant with its safety stock gets its reordering rule too.
        products.product_tmpl_id.filtered("tile_safety_qty")._tile_sync_safety_orderpoint()
        return products

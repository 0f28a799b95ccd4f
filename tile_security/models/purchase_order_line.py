from odoo import api, models

from .tile_price_guard import PURCHASE_GROUPS


class PurchaseOrderLine(models.Model):
    _name = "purchase.order.line"
    _inherit = ["purchase.order.line", "tile.price.guard"]

    @api.model
    def _tile_price_groups(self):
        return PURCHASE_GROUPS

    @api.model
    def _tile_price_extra_fields(self):
        return ("price_unit", "price_unit_discounted", "price_tax", "discount")

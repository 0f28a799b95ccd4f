from odoo import api, models

from .tile_price_guard import PURCHASE_GROUPS


class PurchaseOrder(models.Model):
    _name = "purchase.order"
    _inherit = ["purchase.order", "tile.price.guard"]

    @api.model
    def _tile_price_groups(self):
        return PURCHASE_GROUPS

    @api.model
    def _tile_price_extra_fields(self):
        return ("tax_totals",)

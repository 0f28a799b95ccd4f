from odoo import api, models

from .tile_price_guard import COST_GROUPS


class TileCostGuard(models.AbstractModel):
    """Costs (of products, lots, stock moves) hidden like prices, from fewer roles: warehouse
    managers value the stock. Never refused on write: Odoo's valuation writes costs as the user
    who validates a transfer."""

    _name = "tile.cost.guard"
    _inherit = "tile.price.guard"
    _description = "Costs hidden from roles without sales, purchase, finance or stock valuation rights"

    @api.model
    def _tile_price_groups(self):
        return COST_GROUPS

    @api.model
    def _tile_price_refuses_writes(self):
        return False

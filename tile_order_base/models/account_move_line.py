from odoo import api, models


class AccountMoveLine(models.Model):
    _name = "account.move.line"
    _inherit = ["account.move.line", "tile.quantity.mixin"]
    _tile_qty_field = "quantity"
    _tile_uom_field = "product_uom_id"

    # Base dependencies repeated: an override's @api.depends replaces the parent's.
    @api.depends("quantity", "discount", "price_unit", "tax_ids", "currency_id", "tile_price_qty")
    def _compute_totals(self):
        return super()._compute_totals()

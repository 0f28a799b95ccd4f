from odoo import models

# Odoo's sales analysis multiplies the unit price by the quantity in pieces for the
# discount amount; a tile's unit price is per m² (or per box).
_ODOO_DISCOUNT = "l.price_unit * l.product_uom_qty * l.discount / 100.0"
_TILE_DISCOUNT = (
    "l.price_unit * (CASE WHEN l.tile_price_qty > 0 THEN l.tile_price_qty ELSE l.product_uom_qty END)"
    " * l.discount / 100.0"
)


class SaleReport(models.Model):
    _inherit = "sale.report"

    def _select_sale(self):
        select_ = super()._select_sale()
        # Every other amount of the report sums the order lines' own (tile-aware) amounts.
        return select_.replace(_ODOO_DISCOUNT, _TILE_DISCOUNT)

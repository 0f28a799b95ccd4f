from odoo import _, api, models
from odoo.exceptions import ValidationError


class AccountMoveLine(models.Model):
    _name = "account.move.line"
    _inherit = ["account.move.line", "tile.quantity.mixin"]
    _tile_qty_field = "quantity"
    _tile_uom_field = "product_uom_id"

    def _tile_document_speaks_tiles(self):
        """Whether this line's document prices tiles per m² or per box.

        Only customer invoices, credit notes and receipts do: vendor bills, purchase
        flows, stock valuation and manual entries keep Odoo's price per unit.
        """
        self.ensure_one()
        return self.move_id.is_sale_document(include_receipts=True) and self.display_type == "product"

    # The pack snapshot only exists on documents that speak tiles.
    @api.depends("product_id", "move_id.move_type", "display_type")
    def _compute_tile_pack(self):
        tile_lines = self.filtered(lambda aml: aml._tile_document_speaks_tiles())
        res = super(AccountMoveLine, tile_lines)._compute_tile_pack()
        for line in self - tile_lines:
            line.update(
                {
                    "tile_is_tile": False,
                    "tile_pieces_per_box": 0,
                    "tile_m2_per_box": 0.0,
                    "tile_weight_per_box": 0.0,
                    "tile_boxes_per_pallet": 0,
                    "tile_price_unit_type": False,
                }
            )
        return res

    def _tile_priced(self):
        return super()._tile_priced() and self._tile_document_speaks_tiles()

    # Base dependencies repeated: an override's @api.depends replaces the parent's.
    @api.depends("quantity", "discount", "price_unit", "tax_ids", "currency_id", "tile_price_qty")
    def _compute_totals(self):
        return super()._compute_totals()

    @api.constrains("product_uom_id", "product_id", "tile_is_tile")
    def _check_tile_uom(self):
        for line in self.filtered("tile_is_tile"):
            if line.product_uom_id and line.product_uom_id != line.product_id.uom_id:
                raise ValidationError(
                    _(
                        "%(product)s is invoiced in %(unit)s (pieces); m², boxes and pieces are "
                        "derived from that quantity. Set the line's unit back to %(unit)s.",
                        product=line.product_id.display_name,
                        unit=line.product_id.uom_id.name,
                    )
                )

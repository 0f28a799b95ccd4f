from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _tile_load_line(self):
        """(boxes, kg per box, boxes per pallet) this move puts on a truck.

        Tiles count in boxes from their tile data; other goods count as units of their
        product weight, without a pallet place.
        """
        self.ensure_one()
        product = self.product_id
        if self.state == "done":
            qty = self.product_uom._compute_quantity(self.quantity, product.uom_id, rounding_method="HALF-UP")
        else:
            qty = self.product_qty
        tmpl = product.product_tmpl_id
        if tmpl.tile_is_tile and tmpl.tile_pieces_per_box:
            return qty / tmpl.tile_pieces_per_box, tmpl.tile_weight_per_box, tmpl.tile_boxes_per_pallet
        return qty, product.weight, 0

from odoo import models


class StockReturnPickingLine(models.TransientModel):
    _inherit = "stock.return.picking.line"

    def _prepare_move_default_values(self, new_picking):
        vals = super()._prepare_move_default_values(new_picking)
        # A tile delivered from one lot comes back into that same lot.
        lots = self.move_id.move_line_ids.lot_id
        if self.product_id.tile_is_tile and len(lots) == 1:
            vals["restrict_lot_id"] = lots.id
        return vals

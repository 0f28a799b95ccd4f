from odoo import _, fields, models
from odoo.exceptions import UserError

from .stock_lot import GRADES


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    # Entered on receipt lines for a new lot; copied onto the lot when it is created.
    tile_shade = fields.Char("Shade")
    tile_caliber = fields.Char("Caliber")
    tile_grade = fields.Selection(GRADES, "Grade")
    tile_production_date = fields.Date("Production Date")
    tile_maker_batch = fields.Char("Maker's Batch")
    tile_is_tile = fields.Boolean(related="product_id.tile_is_tile")

    def _prepare_new_lot_vals(self):
        vals = super()._prepare_new_lot_vals()
        vals.update(
            {
                "tile_shade": self.tile_shade,
                "tile_caliber": self.tile_caliber,
                "tile_grade": self.tile_grade,
                "tile_production_date": self.tile_production_date,
                "tile_maker_batch": self.tile_maker_batch,
            }
        )
        return vals

    def _tile_lines_missing_shade(self):
        """Receipt lines of tiles whose lot would have no shade."""
        return self.filtered(
            lambda ml: ml.product_id.tile_is_tile
            and ml.picking_code == "incoming"
            and ml.quantity
            and not (ml.lot_id.tile_shade if ml.lot_id else ml.tile_shade)
        )

    def _action_done(self):
        missing = self._tile_lines_missing_shade()
        if missing:
            raise UserError(
                _(
                    "Enter the shade of every tile lot received: %s. "
                    "Boxes of unknown shade cannot be sold without mixing shades.",
                    ", ".join(
                        f"{ml.product_id.display_name} / {ml.lot_id.name or ml.lot_name or '?'}"
                        for ml in missing
                    ),
                )
            )
        return super()._action_done()

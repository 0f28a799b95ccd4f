from odoo import _, models
from odoo.exceptions import UserError


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_done(self, cancel_backorder=False):
        self._tile_check_return_lots()
        done = super()._action_done(cancel_backorder=cancel_backorder)
        self.env["stock.warehouse.orderpoint"]._tile_trigger_safety_check(done.product_id)
        return done

    def _tile_check_return_lots(self):
        """Returned boxes go back into the lot they left from, never into another shade."""
        for move in self.filtered(lambda m: m.origin_returned_move_id and m.product_id.tile_is_tile):
            origin_lots = move.origin_returned_move_id.move_line_ids.lot_id
            claimed = move.move_line_ids.filtered("quantity").lot_id
            wrong = claimed - origin_lots
            if wrong:
                raise UserError(
                    _(
                        "%(product)s left in lot %(origin)s, so its return must go back into that lot, "
                        "not %(wrong)s. Correct the lot on the return, "
                        "or receive other boxes as a new receipt.",
                        product=move.product_id.display_name,
                        origin=", ".join(origin_lots.mapped("display_name")),
                        wrong=", ".join(wrong.mapped("display_name")),
                    )
                )

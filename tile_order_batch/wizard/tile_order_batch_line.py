from odoo import fields, models


class TileOrderBatchLine(models.TransientModel):
    """What a batch did to one order: done, or refused with the reason."""

    _name = "tile.order.batch.line"
    _description = "Batch Work: Result per Order"
    _order = "batch_id, id"

    batch_id = fields.Many2one("tile.order.batch", required=True, ondelete="cascade", index=True)
    order_id = fields.Many2one("sale.order", ondelete="cascade")
    # Shown instead of order_id for an order this user may not read (then order_id is empty).
    order_name = fields.Char("Order Reference")
    state = fields.Selection([("done", "Done"), ("refused", "Refused")], "Result", required=True)
    message = fields.Char("Details", help="What was done, or why the order was refused and what to do.")

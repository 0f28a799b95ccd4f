from odoo import fields, models
from odoo.exceptions import UserError

MAX_REASON = 2000


class TileReviewReject(models.TransientModel):
    """Reject orders waiting for approval, with the reason the salesperson reads."""

    _name = "tile.review.reject"
    _description = "Reject Orders Waiting for Approval"

    order_ids = fields.Many2many("sale.order", string="Orders", required=True)
    reason = fields.Text(required=True, help="Goes into each order's history and to its salesperson.")

    def action_reject(self):
        self.ensure_one()
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(self.env._("Write why the orders are rejected: the salesperson reads it."))
        if len(reason) > MAX_REASON:
            raise UserError(self.env._("Keep the reason under %s characters.", MAX_REASON))
        # All or nothing: one order the user may not decide on stops the whole rejection.
        refusals = [order._tile_review_refusal() for order in self.order_ids]
        refusals = [refusal for refusal in refusals if refusal]
        if refusals:
            raise UserError("\n".join(refusals))
        for order in self.order_ids:
            order._tile_review_reject(reason)
        return {"type": "ir.actions.act_window_close"}

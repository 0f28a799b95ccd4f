from markupsafe import Markup

from odoo import fields, models


class TileReviewReason(models.Model):
    """A rule an order broke on confirmation, and who decided about it."""

    _name = "tile.review.reason"
    _description = "Order Review Reason"
    _order = "order_id, id"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    salesperson_id = fields.Many2one(related="order_id.user_id", store=True, string="Salesperson")
    rule_id = fields.Many2one("tile.review.rule", ondelete="set null")
    rule_type = fields.Selection(related="rule_id.rule_type", string="Check")
    line_id = fields.Many2one("sale.order.line", "Order Line", ondelete="set null")
    # What exactly was broken (see review.Breach.key): an approval holds for this and nothing else.
    key = fields.Char(required=True)
    message = fields.Text("Reason", required=True)
    approver_id = fields.Many2one("res.users", required=True)
    state = fields.Selection(
        [("pending", "Waiting"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending",
        required=True,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_on = fields.Datetime(readonly=True)

    def _tile_listing(self):
        """The reasons as an HTML list, for the order's history and the approvers' activity."""
        return Markup("<ul>%s</ul>") % Markup().join(
            Markup("<li>%s</li>") % reason.message for reason in self
        )

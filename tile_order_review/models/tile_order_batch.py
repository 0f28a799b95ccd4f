from odoo import fields, models


class TileOrderBatch(models.TransientModel):
    """Approve many orders from the list; a batch confirm tells which orders now wait."""

    _inherit = "tile.order.batch"

    operation = fields.Selection(selection_add=[("approve", "Approve")], ondelete={"approve": "cascade"})

    def _run_confirm(self, order):
        state, message = super()._run_confirm(order)
        if order.state != "sale" and order.tile_review_state == "waiting":
            return "waiting", self.env._(
                "Waiting for approval by %(approvers)s: %(reasons)s",
                approvers=", ".join(order.tile_review_approver_ids.mapped("name")),
                reasons=" ".join(
                    order.tile_review_reason_ids.filtered(lambda r: r.state == "pending").mapped("message")
                ),
            )
        return state, message

    def _run_approve(self, order):
        order._tile_review_approve()
        if order.state == "sale":
            return "done", self.env._("Approved and confirmed.")
        return "done", self.env._(
            "Approved; still waits for %s.", ", ".join(order.tile_review_approver_ids.mapped("name"))
        )

    def _summary_text(self):
        text = super()._summary_text()
        waiting = len(self.line_ids.filtered(lambda line: line.state == "waiting"))
        if waiting:
            text += self.env._(", %s waiting for approval", waiting)
        return text


class TileOrderBatchLine(models.TransientModel):
    _inherit = "tile.order.batch.line"

    state = fields.Selection(
        selection_add=[("waiting", "Waiting for Approval")], ondelete={"waiting": "cascade"}
    )

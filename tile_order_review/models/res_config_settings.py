from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    tile_review_approver_id = fields.Many2one(
        related="company_id.tile_review_approver_id",
        readonly=False,
        domain=lambda self: [("groups_id", "in", self.env.ref("tile_order_review.group_order_approver").id)],
    )

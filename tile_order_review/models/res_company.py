from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    tile_review_approver_id = fields.Many2one(
        "res.users",
        "Default Order Approver",
        help="Decides on orders waiting for approval when the broken rule names nobody and the "
        "order's sales team has no other leader.",
    )

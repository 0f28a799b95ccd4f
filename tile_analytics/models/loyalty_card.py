from odoo import fields, models


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    # Which win-back offer a coupon belongs to, for the campaign's repurchase figures.
    tile_winback_campaign_id = fields.Many2one(
        "tile.winback.campaign", "Win-back Campaign", index="btree_not_null", ondelete="set null", copy=False
    )

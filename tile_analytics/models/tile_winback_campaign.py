from odoo import api, fields, models


class TileWinbackCampaign(models.Model):
    """An offer sent to customers drifting away: the coupons of one Odoo loyalty program, e-mailed,
    and later who came back (ordered again) and who used the coupon."""

    _name = "tile.winback.campaign"
    _description = "Win-back Campaign"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, tracking=True)
    date = fields.Date("Sent On", required=True, default=fields.Date.context_today, readonly=True)
    user_id = fields.Many2one("res.users", "Sent By", default=lambda self: self.env.user, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, readonly=True
    )
    program_id = fields.Many2one("loyalty.program", "Coupon Program", required=True, readonly=True)
    segment = fields.Char(
        "Segments", readonly=True, help="The segments the customers were in when the offer went out."
    )
    card_ids = fields.One2many("loyalty.card", "tile_winback_campaign_id", "Coupons", readonly=True)
    customer_count = fields.Integer("Customers", compute="_compute_results")
    used_count = fields.Integer("Coupons Used", compute="_compute_results")
    repurchase_count = fields.Integer("Ordered Again", compute="_compute_results")
    repurchase_rate = fields.Float(
        "Repurchase Rate (%)",
        compute="_compute_results",
        digits=(16, 1),
        help="Customers who confirmed an order since the offer went out, of all customers who got it.",
    )
    used_rate = fields.Float("Coupon Use (%)", compute="_compute_results", digits=(16, 1))

    @api.depends("card_ids.use_count", "date")
    def _compute_results(self):
        for campaign in self:
            partners = campaign.card_ids.partner_id.commercial_partner_id
            returned = (
                self.env["sale.order"]
                .sudo()
                ._read_group(
                    [
                        ("partner_id", "child_of", partners.ids),
                        ("state", "=", "sale"),
                        ("company_id", "=", campaign.company_id.id),
                        ("date_order", ">=", fields.Datetime.to_datetime(campaign.date)),
                    ],
                    ["partner_id"],
                )
            )
            came_back = {partner.commercial_partner_id for (partner,) in returned}
            used = campaign.card_ids.filtered(lambda card: card.use_count > 0)
            campaign.customer_count = len(partners)
            campaign.used_count = len(used)
            campaign.repurchase_count = len(came_back)
            campaign.repurchase_rate = 100.0 * len(came_back) / len(partners) if partners else 0.0
            campaign.used_rate = 100.0 * len(used) / len(campaign.card_ids) if campaign.card_ids else 0.0

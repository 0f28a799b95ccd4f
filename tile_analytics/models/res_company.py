from odoo import api, fields, models
from odoo.exceptions import ValidationError

LIMITS = {
    "tile_rfm_at_risk_days": (1, 3650),
    "tile_rfm_lost_days": (1, 3650),
    "tile_rfm_new_days": (0, 3650),
    "tile_rfm_loyal_orders": (1, 100_000),
    "tile_rfm_champion_orders": (1, 100_000),
}


class ResCompany(models.Model):
    _inherit = "res.company"

    # Segments of the customer behaviour analysis (tile.customer.behaviour).
    tile_rfm_at_risk_days = fields.Integer("At Risk After (days)", default=90)
    tile_rfm_lost_days = fields.Integer("Lost After (days)", default=365)
    tile_rfm_new_days = fields.Integer("New For (days)", default=60)
    tile_rfm_loyal_orders = fields.Integer("Loyal From (orders)", default=3)
    tile_rfm_champion_orders = fields.Integer("Champion From (orders)", default=8)

    @api.model
    def _tile_bounds(self):
        return dict(super()._tile_bounds(), **LIMITS)

    @api.constrains(
        "tile_rfm_at_risk_days", "tile_rfm_lost_days", "tile_rfm_loyal_orders", "tile_rfm_champion_orders"
    )
    def _check_tile_rfm(self):
        for company in self:
            if company.tile_rfm_lost_days <= company.tile_rfm_at_risk_days:
                raise ValidationError(
                    self.env._(
                        "A customer is lost later than at risk: "
                        "make 'Lost After' more days than 'At Risk After'."
                    )
                )
            if company.tile_rfm_champion_orders < company.tile_rfm_loyal_orders:
                raise ValidationError(
                    self.env._("Champions buy at least as often as loyal customers: raise 'Champion From'.")
                )

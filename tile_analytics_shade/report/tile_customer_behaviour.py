from odoo import fields, models


class TileCustomerBehaviour(models.Model):
    _inherit = "tile.customer.behaviour"

    preferred_shade = fields.Char(
        compute="_compute_preferences", help="The shade of the lots they were allocated most m² of."
    )

    def _compute_preferences(self):
        res = super()._compute_preferences()
        shades = self._top_per_customer(
            "lot.tile_shade",
            "l.tile_m2",
            """JOIN sale_order_line l ON l.order_id = s.id AND l.display_type IS NULL
               JOIN stock_lot lot ON lot.id = l.lot_id""",
        )
        for row in self:
            row.preferred_shade = shades.get((row.partner_id.id, row.company_id.id))
        return res

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .. import tile_bounds


class ResCompany(models.Model):
    _name = "res.company"
    _inherit = ["res.company", "tile.bounds.mixin"]

    @api.model
    def _tile_bounds(self):
        return dict(
            super()._tile_bounds(),
            tile_wastage_straight=tile_bounds.PERCENT,
            tile_wastage_diagonal=tile_bounds.PERCENT,
            tile_wastage_herringbone=tile_bounds.PERCENT,
            tile_wastage_other=tile_bounds.PERCENT,
        )

    # Wastage proposed by the room take-off for each laying pattern.
    tile_wastage_straight = fields.Float("Wastage: straight (%)", default=7.0)
    tile_wastage_diagonal = fields.Float("Wastage: diagonal (%)", default=12.0)
    tile_wastage_herringbone = fields.Float("Wastage: herringbone (%)", default=15.0)
    tile_wastage_other = fields.Float("Wastage: other (%)", default=10.0)

    def _tile_pattern_wastage(self, pattern):
        """Wastage % the company proposes for a laying pattern; extend for new patterns."""
        self.ensure_one()
        return {
            "straight": self.tile_wastage_straight,
            "diagonal": self.tile_wastage_diagonal,
            "herringbone": self.tile_wastage_herringbone,
        }.get(pattern, self.tile_wastage_other)

    @api.constrains(
        "tile_wastage_straight", "tile_wastage_diagonal", "tile_wastage_herringbone", "tile_wastage_other"
    )
    def _check_tile_wastage(self):
        for company in self:
            values = (
                company.tile_wastage_straight,
                company.tile_wastage_diagonal,
                company.tile_wastage_herringbone,
                company.tile_wastage_other,
            )
            if any(v < 0 or v > 100 for v in values):
                raise ValidationError(_("Wastage percentages must be between 0 and 100."))

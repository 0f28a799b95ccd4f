from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.tile_order_base import tile_bounds


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _tile_bounds(self):
        return dict(
            super()._tile_bounds(),
            tile_hold_days=tile_bounds.DAYS,
            tile_hold_max_days=tile_bounds.DAYS,
            tile_fragment_boxes=tile_bounds.FRAGMENT_BOXES,
        )

    tile_hold_days = fields.Integer("Hold Length (working days)", default=5)
    tile_hold_max_days = fields.Integer("Longest Hold (working days)", default=20)
    tile_fragment_boxes = fields.Float(
        "Fragmented Lot Below (boxes)",
        default=10,
        help="A lot with fewer free boxes than this is listed as fragmented: hard to sell for one floor.",
    )

    @api.constrains("tile_hold_days", "tile_hold_max_days", "tile_fragment_boxes")
    def _check_tile_hold_days(self):
        for company in self:
            if company.tile_hold_days <= 0 or company.tile_hold_max_days < company.tile_hold_days:
                raise ValidationError(
                    _(
                        "A hold lasts at least one day, and the longest hold "
                        "cannot be shorter than the default."
                    )
                )
            if company.tile_fragment_boxes < 0:
                raise ValidationError(_("The fragmented-lot size cannot be negative."))

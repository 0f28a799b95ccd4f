from odoo import api, fields, models

LIMITS = {"weight_capacity": (0, 200_000), "volume_capacity": (0, 1_000), "tile_pallet_places": (0, 200)}


class FleetVehicleModelCategory(models.Model):
    """A vehicle type: stock_fleet gives payload and volume, tiles also fill pallet places."""

    _name = "fleet.vehicle.model.category"
    _inherit = ["fleet.vehicle.model.category", "tile.bounds.mixin"]

    tile_pallet_places = fields.Integer(
        "Pallet Places",
        help="Pallets the vehicle carries side by side (e.g. 22 on a 13.6 m trailer). 0: not counted.",
    )

    @api.model
    def _tile_bounds(self):
        return dict(super()._tile_bounds(), **LIMITS)

from odoo import fields, models


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"

    tile_carrier_id = fields.Many2one(
        "delivery.carrier",
        "Carrier",
        help="The carrier whose truck this is; empty for a truck of our own fleet.",
    )
    tile_pallet_places = fields.Integer(related="category_id.tile_pallet_places")
    tile_payload_kg = fields.Float(related="category_id.weight_capacity", string="Payload (kg)")

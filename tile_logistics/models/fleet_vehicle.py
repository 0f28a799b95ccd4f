from odoo import api, fields, models


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"

    tile_carrier_id = fields.Many2one(
        "delivery.carrier",
        "Carrier",
        help="The carrier whose truck this is; empty for a truck of our own fleet.",
    )
    tile_pallet_places = fields.Integer(related="category_id.tile_pallet_places")
    tile_payload_kg = fields.Float(related="category_id.weight_capacity", string="Payload (kg)")

    @api.model_create_multi
    def create(self, vals_list):
        # Fleet fills the type from the model only in the form: a truck made by import or code
        # would otherwise have no payload to check its loads against.
        for vals in vals_list:
            if not vals.get("category_id") and vals.get("model_id"):
                vals["category_id"] = self.env["fleet.vehicle.model"].browse(vals["model_id"]).category_id.id
        return super().create(vals_list)

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

EVENT_KINDS = [
    ("planned", "Planned"),
    ("loaded", "Loaded"),
    ("dispatched", "Dispatched"),
    ("in_transit", "In Transit"),
    ("arrived", "Arrived"),
    ("delivered", "Delivered"),
    ("refused", "Refused"),
]
# delivery_state (OCA) keeps the carrier state every delivery app reads; ours maps onto it.
CARRIER_STATE = {
    "dispatched": "shipping_recorded_in_carrier",
    "in_transit": "in_transit",
    "arrived": "in_transit",
    "delivered": "customer_delivered",
    "refused": "incident",
}


class TileShipmentEvent(models.Model):
    """One step of a delivery on its way: when, where, and who said so."""

    _name = "tile.shipment.event"
    _description = "Shipment Event"
    _order = "time desc, id desc"
    _rec_name = "kind"

    picking_id = fields.Many2one("stock.picking", "Delivery", required=True, index=True, ondelete="cascade")
    batch_id = fields.Many2one("stock.picking.batch", "Load", index=True, ondelete="set null")
    company_id = fields.Many2one(related="picking_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="picking_id.partner_id", string="Customer")
    kind = fields.Selection(EVENT_KINDS, "Status", required=True)
    time = fields.Datetime(required=True, default=fields.Datetime.now)
    place = fields.Char(size=128)
    note = fields.Text()
    source = fields.Selection(
        [("user", "Logistics"), ("driver", "Driver"), ("carrier", "Carrier")],
        default="user",
        required=True,
        readonly=True,
    )
    carrier_id = fields.Many2one("delivery.carrier", readonly=True)
    carrier_event_id = fields.Char("Carrier Event ID", readonly=True, size=64)

    _sql_constraints = [
        (
            "carrier_event_unique",
            "unique(carrier_id, carrier_event_id)",
            "The carrier already sent this event.",
        )
    ]

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        for event in events:
            # Signed means the driver's signature on the delivery; a carrier keeps its own proof.
            if event.kind == "delivered" and event.source != "carrier" and not event.picking_id.signature:
                raise ValidationError(
                    _(
                        "%s cannot be marked delivered without the customer's signature: "
                        "record the delivery with a signature (driver page or Record Delivery).",
                        event.picking_id.name,
                    )
                )
        events.picking_id._tile_update_status()
        return events

import secrets

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..carriers import CarrierError, get_adapter
from ..load_math import freight_cost

LIMITS = {"tile_rate": (0, 10_000_000)}


class DeliveryCarrier(models.Model):
    """A carrier (or our own fleet): how it is paid and how its system talks to ours."""

    _name = "delivery.carrier"
    _inherit = ["delivery.carrier", "tile.bounds.mixin"]

    delivery_type = fields.Selection(
        selection_add=[("tile_http_json", "Carrier API (HTTP JSON)")],
        ondelete={"tile_http_json": "set default"},
    )
    tile_own_fleet = fields.Boolean(
        "Own Fleet", help="Our own trucks: breakage in transit is our own loss, not a claim on a carrier."
    )
    tile_partner_id = fields.Many2one(
        "res.partner",
        "Carrier Company",
        help="Who claims for breakage in transit are sent to and who bills freight.",
    )
    tile_rate_basis = fields.Selection(
        [
            ("trip", "Per Trip"),
            ("tkm", "Per Tonne-Kilometre"),
            ("pallet", "Per Pallet"),
            ("invoice", "Carrier's Invoice"),
        ],
        "Freight Rate Basis",
        default="trip",
        required=True,
        help="How a load's freight cost is found: the rate times one trip, times tonnes × km, "
        "times pallets, or the amount of the carrier's bill entered on the load.",
    )
    tile_rate = fields.Float("Freight Rate", digits="Product Price")
    tile_api_url = fields.Char("Carrier API URL", groups="base.group_system")
    tile_api_key = fields.Char("Carrier API Key", groups="base.group_system", copy=False)
    tile_webhook_secret = fields.Char(
        "Webhook Secret",
        groups="base.group_system",
        copy=False,
        help="Shared with the carrier: it signs every event it sends (HMAC-SHA256 over timestamp and body).",
    )
    tile_webhook_url = fields.Char("Webhook URL", compute="_compute_tile_webhook_url")

    @api.model
    def _tile_bounds(self):
        return dict(super()._tile_bounds(), **LIMITS)

    def _compute_tile_webhook_url(self):
        base = self.get_base_url()
        for carrier in self:
            carrier.tile_webhook_url = f"{base}/tile_logistics/webhook/{carrier.id}" if carrier.id else False

    def action_tile_new_webhook_secret(self):
        for carrier in self:
            carrier.sudo().tile_webhook_secret = secrets.token_hex(32)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": _("A new webhook secret was made; give it to the carrier."),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    # Freight -------------------------------------------------------------------

    def _tile_freight_cost(self, weight_kg, distance_km, pallet_places):
        """The cost of one trip by this carrier, or None when it comes from the carrier's invoice."""
        self.ensure_one()
        if self.tile_rate_basis == "invoice":
            return None
        return freight_cost(
            self.tile_rate_basis,
            self.tile_rate,
            weight_kg=weight_kg,
            distance_km=distance_km,
            pallet_places=pallet_places,
        )

    # Outbound adapters (stock_delivery's provider hooks) ------------------------

    def _tile_adapter(self):
        self.ensure_one()
        carrier = self.sudo()
        if carrier.delivery_type == "tile_http_json":
            if not carrier.tile_api_url:
                raise UserError(_("Carrier %s has no API URL: set it on the carrier.", carrier.name))
            return get_adapter("http_json", base_url=carrier.tile_api_url, api_key=carrier.tile_api_key or "")
        return get_adapter(
            "manual", url_template=(carrier.tracking_url or "").replace("<shipmenttrackingnumber>", "{ref}")
        )

    def tile_http_json_rate_shipment(self, order):
        # Freight is the carrier's own price list on our side: the delivery product's price.
        return self.fixed_rate_shipment(order)

    def tile_http_json_send_shipping(self, pickings):
        results = []
        for picking in pickings:
            try:
                shipment = self._tile_adapter().create_shipment(picking._tile_shipment_payload())
            except CarrierError as exc:
                raise UserError(
                    _("Carrier %(carrier)s refused the shipment: %(reason)s", carrier=self.name, reason=exc)
                ) from exc
            results.append({"exact_price": 0.0, "tracking_number": shipment["tracking_ref"]})
            picking.tile_carrier_tracking_link = shipment.get("tracking_url") or False
        return results

    def tile_http_json_get_tracking_link(self, picking):
        return picking.tile_carrier_tracking_link or False

    def tile_http_json_cancel_shipment(self, pickings):
        pickings.write({"carrier_tracking_ref": False, "tile_carrier_tracking_link": False})

    def tile_http_json_tracking_state_update(self, picking):
        """Called by delivery_state (button and cron): fetch the carrier's events and record them."""
        try:
            events = self._tile_adapter().fetch_status(picking.carrier_tracking_ref)
        except CarrierError as exc:
            raise UserError(_("Carrier %(carrier)s: %(reason)s", carrier=self.name, reason=exc)) from exc
        picking._tile_record_carrier_events(self, events)

import json
import logging
import time
from datetime import UTC, datetime

from psycopg2 import IntegrityError

from odoo import http
from odoo.http import request
from odoo.tools import mute_logger

from ..webhook_auth import WebhookRejected, check, parse_event

_logger = logging.getLogger(__name__)
MAX_BODY = 64 * 1024


def _answer(status, **payload):
    return request.make_response(
        json.dumps(payload), headers=[("Content-Type", "application/json")], status=status
    )


class TileCarrierWebhook(http.Controller):
    """Carriers push shipment events here, each call signed with the carrier's own secret."""

    @http.route(
        "/tile_logistics/webhook/<int:carrier_id>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def carrier_event(self, carrier_id, **_kw):
        body = request.httprequest.get_data(cache=False, as_text=False) or b""
        if len(body) > MAX_BODY:
            return _answer(413, error="body too large (64 KB at most)")
        carrier = request.env["delivery.carrier"].sudo().browse(carrier_id).exists()
        if not carrier:
            return _answer(404, error="unknown carrier")
        headers = request.httprequest.headers
        signature = headers.get("X-Tile-Signature")
        now = time.time()
        try:
            check(carrier.tile_webhook_secret, headers.get("X-Tile-Timestamp"), body, signature, now)
            event = parse_event(body, now=datetime.fromtimestamp(now, UTC))
        except WebhookRejected as exc:
            return _answer(exc.status, error=exc.reason)
        picking = (
            request.env["stock.picking"]
            .sudo()
            .search(
                [
                    ("carrier_tracking_ref", "=", event["tracking_ref"]),
                    ("picking_type_code", "=", "outgoing"),
                    "|",
                    ("carrier_id", "=", carrier.id),
                    ("batch_id.tile_carrier_id", "=", carrier.id),
                ],
                limit=2,
            )
        )
        if len(picking) != 1:
            return _answer(404, error="unknown tracking number for this carrier")
        env = request.env(su=True)
        Receipt = env["tile.webhook.receipt"]
        receipt = {"carrier_id": carrier.id, "signature": signature.lower()}
        replayed = _answer(409, error="replayed call: this signed request was already received")
        if Receipt.search_count([(key, "=", value) for key, value in receipt.items()], limit=1):
            return replayed
        try:
            # Two copies of one call at the same moment: the unique index refuses the second.
            with env.cr.savepoint(), mute_logger("odoo.sql_db"):
                Receipt.create(receipt)
        except IntegrityError:
            return replayed
        created = picking._tile_record_carrier_events(carrier, [event])
        _logger.info("Carrier %s event %s for %s", carrier.id, event["event_id"], picking.name)
        return _answer(200, result="recorded" if created else "already recorded", delivery=picking.name)

import base64
import binascii

from werkzeug.exceptions import BadRequest

from odoo import _, http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.portal.controllers.portal import CustomerPortal

MAX_PHOTOS = 10
MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_SIGNATURE_BYTES = 1024 * 1024


class TileLogisticsPortal(CustomerPortal):
    # Customers: their deliveries ----------------------------------------------------

    def _tile_deliveries(self):
        """Outgoing deliveries of the logged-in customer's company (sudo: portal users read no picking)."""
        partner = request.env.user.partner_id.commercial_partner_id
        return (
            request.env["stock.picking"]
            .sudo()
            .search(
                [
                    ("picking_type_code", "=", "outgoing"),
                    ("partner_id", "child_of", partner.id),
                    ("state", "not in", ("draft", "cancel")),
                ],
                order="scheduled_date desc, id desc",
            )
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "tile_delivery_count" in counters:
            values["tile_delivery_count"] = (
                len(self._tile_deliveries()) if not request.env.user._is_public() else 0
            )
        if "tile_trip_count" in counters:
            values["tile_trip_count"] = len(self._tile_trips()) if not request.env.user._is_public() else 0
        return values

    @http.route(["/my/deliveries"], type="http", auth="user", website=True)
    def portal_my_tile_deliveries(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update({"deliveries": self._tile_deliveries(), "page_name": "tile_deliveries"})
        return request.render("tile_logistics.portal_my_tile_deliveries", values)

    @http.route(["/my/deliveries/<int:picking_id>"], type="http", auth="public", website=True)
    def portal_my_tile_delivery(self, picking_id, access_token=None, **kw):
        picking = request.env["stock.picking"].sudo().browse(picking_id).exists()
        if not picking or picking.picking_type_code != "outgoing":
            raise request.not_found()
        # Compared as bytes: consteq on str refuses non-ASCII (a garbage token was a 500).
        by_token = (
            access_token
            and picking.access_token
            and consteq(picking.access_token.encode(), str(access_token).encode())
        )
        if not by_token and (request.env.user._is_public() or picking not in self._tile_deliveries()):
            # The same answer for another customer's delivery and one that does not exist.
            raise request.not_found()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "picking": picking,
                "lines": picking._tile_delivery_lines(),
                "events": picking.tile_event_ids.sorted(lambda e: (e.time, e.id)),
                "page_name": "tile_delivery",
            }
        )
        return request.render("tile_logistics.portal_my_tile_delivery", values)

    # Drivers: their trips ---------------------------------------------------------

    def _tile_trips(self):
        """Loads the user drives; logistics users see every load on the road (to record for a driver)."""
        user = request.env.user
        loads = request.env["stock.picking.batch"].sudo()
        domain = [("vehicle_id", "!=", False), ("state", "in", ("in_progress", "done"))]
        if user.has_group("tile_logistics.group_tile_logistics"):
            domain.append(("company_id", "in", user.company_ids.ids))
        else:
            domain.append(("driver_id", "=", user.partner_id.id))
        return loads.search(domain, order="scheduled_date desc, id desc", limit=50)

    def _tile_trip_delivery(self, batch_id, picking_id=None):
        load = self._tile_trips().filtered(lambda b: b.id == batch_id)
        if not load:
            raise request.not_found()
        if picking_id is None:
            return load, None
        picking = load.picking_ids.filtered(lambda p: p.id == picking_id)
        if not picking:
            raise request.not_found()
        return load, picking

    @http.route(["/my/trips"], type="http", auth="user", website=True)
    def portal_my_tile_trips(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update({"loads": self._tile_trips(), "page_name": "tile_trips"})
        return request.render("tile_logistics.portal_my_tile_trips", values)

    @http.route(["/my/trips/<int:batch_id>"], type="http", auth="user", website=True)
    def portal_my_tile_trip(self, batch_id, **kw):
        load, _picking = self._tile_trip_delivery(batch_id)
        values = self._prepare_portal_layout_values()
        values.update({"load": load, "page_name": "tile_trip", "error": kw.get("error")})
        return request.render("tile_logistics.portal_my_tile_trip", values)

    @http.route(
        ["/my/trips/<int:batch_id>/<int:picking_id>/event"], type="http", auth="user", methods=["POST"]
    )
    def portal_tile_trip_event(self, batch_id, picking_id, kind=None, place=None, **kw):
        load, picking = self._tile_trip_delivery(batch_id, picking_id)
        if kind not in ("in_transit", "arrived", "refused"):
            raise BadRequest(_("A driver records: in transit, arrived or refused."))
        if picking.state != "done" or picking.tile_shipment_status in ("delivered", "refused"):
            raise BadRequest(_("This delivery is not on the road."))
        picking._tile_record_event(kind, place=(place or "").strip()[:128] or False, source="driver")
        return request.redirect(f"/my/trips/{load.id}")

    @http.route(["/my/trips/<int:batch_id>/<int:picking_id>"], type="http", auth="user", website=True)
    def portal_tile_trip_delivery(self, batch_id, picking_id, **kw):
        load, picking = self._tile_trip_delivery(batch_id, picking_id)
        return self._tile_delivery_page(load, picking)

    def _tile_delivery_page(self, load, picking, error=None, status=200):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "load": load,
                "picking": picking,
                "lines": picking._tile_delivery_lines(),
                "page_name": "tile_trip",
                "error": error,
            }
        )
        return request.render("tile_logistics.portal_tile_trip_delivery", values, status=status)

    @http.route(
        ["/my/trips/<int:batch_id>/<int:picking_id>/deliver"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_tile_trip_deliver(self, batch_id, picking_id, **post):
        load, picking = self._tile_trip_delivery(batch_id, picking_id)
        try:
            signature = self._tile_signature(post.get("signature"))
            broken = self._tile_broken(post, picking)
            photos = self._tile_photos(request.httprequest.files.getlist("photos"))
            picking._tile_record_delivery(
                signature,
                post.get("signed_by"),
                broken=broken,
                photos=photos,
                place=post.get("place") or False,
            )
        except UserError as exc:
            request.env.cr.rollback()
            return self._tile_delivery_page(load, picking, error=exc.args[0], status=400)
        return request.redirect(f"/my/trips/{load.id}")

    @staticmethod
    def _tile_signature(data_url):
        data = (data_url or "").split(",", 1)[-1]
        if not data:
            raise UserError(_("The customer's signature is missing: ask the customer to sign."))
        try:
            raw = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise UserError(_("The signature could not be read: sign again.")) from exc
        if len(raw) > MAX_SIGNATURE_BYTES or not raw.startswith(b"\x89PNG"):
            raise UserError(_("The signature could not be read: sign again."))
        return data

    @staticmethod
    def _tile_broken(post, picking):
        broken = {}
        for line in picking._tile_delivery_lines():
            raw = (post.get(f"broken_{line['move_line'].id}") or "").strip()
            if not raw:
                continue
            if not raw.isdigit() or len(raw) > 7:
                raise UserError(_("Broken boxes are counted in whole boxes, e.g. 2."))
            broken[line["move_line"].id] = int(raw)
        return broken

    @staticmethod
    def _tile_photos(files):
        photos = []
        for upload in files:
            if not upload or not upload.filename:
                continue
            content = upload.read(MAX_PHOTO_BYTES + 1)
            if len(content) > MAX_PHOTO_BYTES:
                raise UserError(_("A photo is larger than 8 MB: send a smaller one."))
            if not (upload.mimetype or "").startswith("image/"):
                raise UserError(_("Only photos (images) can be attached to a delivery."))
            photos.append((upload.filename[:128], base64.b64encode(content)))
        if len(photos) > MAX_PHOTOS:
            raise UserError(_("At most 10 photos per delivery."))
        return photos

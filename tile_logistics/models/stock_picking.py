from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.tile_order_base import tile_math

from ..load_math import allocate, load_figures
from .tile_shipment_event import CARRIER_STATE, EVENT_KINDS


class StockPicking(models.Model):
    # portal.mixin: the customer's tracking page and its link in the delivery e-mail.
    _name = "stock.picking"
    _inherit = ["stock.picking", "portal.mixin"]

    tile_weight_kg = fields.Float(
        "Weight (kg)", compute="_compute_tile_load_figures", store=True, digits=(16, 1), aggregator="sum"
    )
    tile_pallet_places = fields.Integer(
        "Pallet Places", compute="_compute_tile_load_figures", store=True, aggregator="sum"
    )
    tile_region = fields.Char(
        "Region",
        compute="_compute_tile_region",
        store=True,
        index=True,
        help="Where the delivery goes (the customer's city, else province): loads are planned per region.",
    )
    tile_event_ids = fields.One2many("tile.shipment.event", "picking_id", "Shipment Events")
    tile_shipment_status = fields.Selection(
        EVENT_KINDS, "Shipment Status", readonly=True, copy=False, index=True, tracking=True
    )
    tile_expected_arrival = fields.Datetime("Expected Arrival", copy=False)
    tile_carrier_tracking_link = fields.Char("Carrier Tracking Link", copy=False, readonly=True)
    tile_signed_by = fields.Char("Signed By", copy=False, readonly=True)
    tile_pod_photo_ids = fields.Many2many(
        "ir.attachment",
        "tile_picking_pod_photo_rel",
        "picking_id",
        "attachment_id",
        "Delivery Photos",
        copy=False,
    )
    tile_claim_ids = fields.One2many("tile.transit.claim", "picking_id", "Transit Claims")
    tile_freight_cost = fields.Monetary(
        "Freight Cost",
        compute="_compute_tile_freight_cost",
        store=True,
        currency_field="tile_currency_id",
        help="This delivery's share of its load's freight cost, by weight.",
    )
    tile_currency_id = fields.Many2one(related="company_id.currency_id", string="Company Currency")

    @api.depends(
        "move_ids.product_qty",
        "move_ids.quantity",
        "move_ids.state",
        "move_ids.scrapped",
        "move_ids.product_id.weight",
        "move_ids.product_id.tile_weight_per_box",
        "move_ids.product_id.tile_boxes_per_pallet",
        "move_ids.product_id.tile_pieces_per_box",
    )
    def _compute_tile_load_figures(self):
        for picking in self:
            moves = picking.move_ids.filtered(lambda m: m.state != "cancel" and not m.scrapped)
            figures = load_figures(move._tile_load_line() for move in moves)
            picking.tile_weight_kg = figures.weight_kg
            picking.tile_pallet_places = figures.pallet_places

    @api.depends("partner_id.city", "partner_id.state_id")
    def _compute_tile_region(self):
        for picking in self:
            partner = picking.partner_id
            picking.tile_region = (partner.city or partner.state_id.name or "").strip() or False

    @api.depends("batch_id.tile_freight_cost", "batch_id.picking_ids.tile_weight_kg")
    def _compute_tile_freight_cost(self):
        self.tile_freight_cost = 0.0
        for load in self.batch_id:
            pickings = load.picking_ids
            shares = allocate(load.tile_freight_cost, pickings.mapped("tile_weight_kg"))
            for picking, share in zip(pickings, shares, strict=True):
                picking.tile_freight_cost = share

    def _compute_access_url(self):
        # Every delivery's tracking page (portal.mixin's default is "#").
        for picking in self:
            picking.access_url = f"/my/deliveries/{picking.id}"

    # Status --------------------------------------------------------------------

    def _tile_update_status(self):
        """The latest event is the status; delivery_state's carrier fields follow it."""
        for picking in self.sudo():
            # Latest by time, then by creation (a cached one2many is not re-sorted).
            last = max(picking.tile_event_ids, key=lambda e: (e.time, e.id), default=None)
            if not last or picking.tile_shipment_status == last.kind:
                continue
            vals = {"tile_shipment_status": last.kind}
            if last.kind in CARRIER_STATE:
                vals["delivery_state"] = CARRIER_STATE[last.kind]
            if last.kind == "dispatched" and not picking.date_shipped:
                vals["date_shipped"] = last.time.date()
            if last.kind == "delivered":
                vals["date_delivered"] = last.time
            picking.write(vals)

    def _tile_record_event(self, kind, place=False, note=False, source="user", time=None):
        events = self.env["tile.shipment.event"].create(
            [
                {
                    "picking_id": picking.id,
                    "batch_id": picking.batch_id.id,
                    "kind": kind,
                    "place": place,
                    "note": note,
                    "source": source,
                    "time": time or fields.Datetime.now(),
                }
                for picking in self
            ]
        )
        return events

    def _tile_record_carrier_events(self, carrier, events):
        """Record a carrier's events once each (the carrier's event id makes them idempotent)."""
        self.ensure_one()
        Event = self.env["tile.shipment.event"].sudo()
        known = set(
            Event.search(
                [("carrier_id", "=", carrier.id), ("carrier_event_id", "in", [e["event_id"] for e in events])]
            ).mapped("carrier_event_id")
        )
        new = [e for e in events if e["event_id"] not in known]
        return Event.create(
            [
                {
                    "picking_id": self.id,
                    "batch_id": self.batch_id.id,
                    "kind": e["status"],
                    "time": e["time"],
                    "place": e.get("place") or False,
                    "note": e.get("note") or False,
                    "source": "carrier",
                    "carrier_id": carrier.id,
                    "carrier_event_id": e["event_id"],
                }
                for e in new
            ]
        )

    def action_tile_record_event(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Record Shipment Event"),
            "res_model": "tile.shipment.event",
            "view_mode": "form",
            "target": "new",
            "context": {"default_picking_id": self.id, "default_batch_id": self.batch_id.id},
        }

    def action_tile_open_driver_page(self):
        """Record the delivery (signature, photos, broken boxes) on the phone-friendly page."""
        self.ensure_one()
        if not self.batch_id:
            raise UserError(_("%s is on no load: plan it on a load first.", self.name))
        return {
            "type": "ir.actions.act_url",
            "url": f"/my/trips/{self.batch_id.id}/{self.id}",
            "target": "self",
        }

    # Delivery with signature and breakage ---------------------------------------

    def _tile_delivery_lines(self):
        """Move lines as the driver sees them: tile, shade (lot), boxes delivered."""
        self.ensure_one()
        lines = []
        for ml in self.move_line_ids.filtered(lambda ml: ml.quantity > 0 and not ml.move_id.scrapped):
            tmpl = ml.product_id.product_tmpl_id
            pieces = ml.product_uom_id._compute_quantity(ml.quantity, ml.product_id.uom_id)
            boxes = (
                tile_math.boxes_from_pieces(pieces, tmpl.tile_pieces_per_box) if tmpl.tile_is_tile else pieces
            )
            lines.append(
                {
                    "move_line": ml,
                    "boxes": boxes,
                    "m2": tile_math.m2_from_pieces(pieces, tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box)
                    if tmpl.tile_is_tile
                    else 0.0,
                }
            )
        return lines

    def _tile_record_delivery(
        self, signature, signed_by, broken=None, photos=(), source="driver", place=False
    ):
        """The customer signed: photos kept, broken boxes claimed and replaced, status delivered.

        ``broken`` maps move line ids to broken boxes; ``photos`` are (file name, base64 data).
        Everything is checked before anything is written.
        """
        self.ensure_one()
        picking = self.sudo()
        if picking.picking_type_code != "outgoing" or picking.state != "done":
            raise UserError(_("%s is not a dispatched delivery: dispatch its load first.", picking.name))
        if picking.tile_shipment_status in ("delivered", "refused"):
            raise UserError(_("%s was already recorded as delivered or refused.", picking.name))
        if not signature:
            raise UserError(_("The customer's signature is missing: ask the customer to sign."))
        if not (signed_by or "").strip():
            raise UserError(_("Enter the name of the person who signed."))
        claim_lines = picking._tile_claim_line_vals(broken or {})
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {"name": name, "datas": data, "res_model": "stock.picking", "res_id": picking.id}
                    for name, data in photos
                ]
            )
        )
        picking.write(
            {
                "signature": signature,
                "tile_signed_by": signed_by.strip(),
                "tile_pod_photo_ids": [Command.link(a.id) for a in attachments],
            }
        )
        if claim_lines:
            claim = (
                self.env["tile.transit.claim"]
                .sudo()
                .create(
                    {
                        "picking_id": picking.id,
                        "carrier_id": picking.batch_id.tile_carrier_id.id or picking.carrier_id.id,
                        "line_ids": [Command.create(vals) for vals in claim_lines],
                        "photo_ids": [Command.set(attachments.ids)],
                    }
                )
            )
            claim.action_confirm()
        picking._tile_record_event("delivered", place=place, source=source)
        return True

    def _tile_claim_line_vals(self, broken):
        lines = {line["move_line"].id: line for line in self._tile_delivery_lines()}
        vals = []
        for ml_id, boxes in broken.items():
            if not boxes:
                continue
            line = lines.get(ml_id)
            if not line:
                raise UserError(_("A broken line is not part of delivery %s.", self.name))
            if isinstance(boxes, bool) or not isinstance(boxes, int) or boxes < 0:
                raise UserError(_("Broken boxes are counted in whole boxes, e.g. 2."))
            if boxes > line["boxes"]:
                raise UserError(
                    _(
                        "%(boxes)s broken boxes of %(product)s, but only %(delivered)s were delivered.",
                        boxes=boxes,
                        product=line["move_line"].product_id.display_name,
                        delivered=tile_math.fmt_qty(line["boxes"]),
                    )
                )
            vals.append({"move_line_id": ml_id, "boxes": boxes})
        return vals

    def _tile_send_tracking_mail(self):
        """Tell each customer their delivery left, with the link to follow it."""
        template = self.env.ref("tile_logistics.mail_template_tile_dispatched", raise_if_not_found=False)
        for picking in self.filtered(lambda p: p.picking_type_code == "outgoing" and p.partner_id.email):
            picking.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=picking.partner_id.ids,
            )

    def _tile_shipment_payload(self):
        self.ensure_one()
        partner = self.partner_id
        return {
            "reference": self.name,
            "recipient": partner.name or "",
            "address": ", ".join(
                filter(None, [partner.street, partner.city, partner.state_id.name, partner.zip])
            ),
            "phone": partner.phone or partner.mobile or "",
            "weight_kg": round(self.tile_weight_kg, 1),
            "pallets": self.tile_pallet_places,
        }

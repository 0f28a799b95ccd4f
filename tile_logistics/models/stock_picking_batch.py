import base64
import io
import math
from datetime import timedelta

from PIL import Image, ImageDraw

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.tile_order_base import tile_math

from ..load_math import excess, fill_percent, load_figures

LIMITS = {"tile_distance_km": (0, 20_000), "tile_freight_cost": (0, 100_000_000)}


class StockPickingBatch(models.Model):
    """A load: the deliveries one vehicle takes on one trip (a batch with a vehicle)."""

    _name = "stock.picking.batch"
    _inherit = ["stock.picking.batch", "tile.bounds.mixin"]

    tile_carrier_id = fields.Many2one(
        "delivery.carrier",
        "Carrier",
        compute="_compute_tile_carrier_id",
        store=True,
        readonly=False,
        help="Who drives the load: the vehicle's carrier, or our own fleet.",
    )
    tile_region = fields.Char("Region", help="Where the load goes; proposed loads keep one region per truck.")
    tile_weight_kg = fields.Float("Load Weight (kg)", compute="_compute_tile_load", digits=(16, 1))
    tile_pallet_places = fields.Integer("Pallets", compute="_compute_tile_load")
    tile_boxes = fields.Float("Boxes", compute="_compute_tile_load", digits=(16, 2))
    tile_payload_kg = fields.Float(related="vehicle_category_id.weight_capacity", string="Payload (kg)")
    tile_places = fields.Integer(related="vehicle_category_id.tile_pallet_places", string="Pallet Places")
    tile_fill_percent = fields.Float("Fill %", compute="_compute_tile_load", digits=(16, 2))
    tile_capacity_warning = fields.Char("Over Capacity", compute="_compute_tile_load")
    tile_distance_km = fields.Float("Distance (km)", digits=(16, 1))
    tile_freight_cost = fields.Monetary(
        "Freight Cost",
        compute="_compute_tile_freight_cost",
        store=True,
        readonly=False,
        currency_field="tile_currency_id",
        help="From the carrier's rate (per trip, per t·km or per pallet), or typed from its invoice.",
    )
    tile_currency_id = fields.Many2one(related="company_id.currency_id", string="Company Currency")
    tile_dispatched_at = fields.Datetime("Dispatched At", readonly=True, copy=False)

    @api.model
    def _tile_bounds(self):
        return dict(super()._tile_bounds(), **LIMITS)

    @api.depends("vehicle_id")
    def _compute_tile_carrier_id(self):
        for load in self:
            if load.vehicle_id:
                load.tile_carrier_id = load.vehicle_id.tile_carrier_id

    def _tile_figures(self):
        self.ensure_one()
        moves = self.picking_ids.move_ids.filtered(lambda m: m.state != "cancel" and not m.scrapped)
        return load_figures(move._tile_load_line() for move in moves)

    # Per load, not over all loads at once like Odoo's estimated_shipping_weight.
    @api.depends("picking_ids.move_ids.product_qty", "picking_ids.move_ids.quantity", "vehicle_category_id")
    def _compute_tile_load(self):
        for load in self:
            figures = load._tile_figures()
            load.tile_weight_kg = figures.weight_kg
            load.tile_pallet_places = figures.pallet_places
            load.tile_boxes = sum(
                move._tile_load_line()[0]
                for move in load.picking_ids.move_ids
                if move.state != "cancel" and not move.scrapped and move.product_id.tile_is_tile
            )
            load.tile_fill_percent = fill_percent(
                figures.weight_kg, figures.pallet_places, load.tile_payload_kg, load.tile_places
            )
            load.tile_capacity_warning = load._tile_capacity_message(figures) or False

    @api.depends(
        "tile_carrier_id.tile_rate_basis",
        "tile_carrier_id.tile_rate",
        "tile_distance_km",
        "picking_ids.tile_weight_kg",
        "picking_ids.tile_pallet_places",
    )
    def _compute_tile_freight_cost(self):
        for load in self:
            carrier = load.tile_carrier_id
            if not carrier:
                continue
            figures = load._tile_figures()
            cost = carrier._tile_freight_cost(figures.weight_kg, load.tile_distance_km, figures.pallet_places)
            if cost is not None:  # else: typed from the carrier's invoice
                load.tile_freight_cost = cost

    def _tile_capacity_message(self, figures):
        self.ensure_one()
        kg_over, places_over = excess(
            figures.weight_kg, figures.pallet_places, self.tile_payload_kg, self.tile_places
        )
        problems = []
        if kg_over > 0:
            problems.append(
                _(
                    "%(over)s kg over the payload (%(weight)s kg on a %(payload)s kg vehicle)",
                    over=tile_math.fmt_qty(round(kg_over, 1)),
                    weight=tile_math.fmt_qty(round(figures.weight_kg, 1)),
                    payload=tile_math.fmt_qty(self.tile_payload_kg),
                )
            )
        if places_over > 0:
            problems.append(
                _(
                    "%(over)s pallets more than the %(places)s pallet places",
                    over=places_over,
                    places=self.tile_places,
                )
            )
        return "; ".join(problems)

    # Actions ---------------------------------------------------------------------

    def _tile_check_logistics(self):
        if not self.env.su and not self.env.user.has_group("tile_logistics.group_tile_logistics"):
            raise AccessError(_("Only logistics users plan and dispatch loads."))

    def action_confirm(self):
        res = super().action_confirm()
        loads = self.filtered("vehicle_id")
        for load in loads:
            pickings = load.picking_ids.filtered(
                lambda p: p.picking_type_code == "outgoing" and not p.tile_event_ids
            )
            pickings._tile_record_event("planned", place=load.tile_region)
        return res

    def action_tile_dispatch(self):
        """The truck leaves: checked against its payload and pallet places, then validated."""
        self._tile_check_logistics()
        for load in self:
            load._tile_check_dispatch()
        for load in self:
            if load.state == "draft":
                load.action_confirm()
            pickings = load.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
            for picking in pickings:
                if load.tile_carrier_id and not picking.carrier_id:
                    picking.carrier_id = load.tile_carrier_id
                picking.move_ids.picked = True
            result = pickings.with_context(skip_backorder=True, cancel_backorder=False).button_validate()
            if isinstance(result, dict):
                raise UserError(
                    _("Load %s could not be validated in one go: check its deliveries.", load.name)
                )
            for picking in load.picking_ids.filtered(lambda p: not p.carrier_tracking_ref):
                if picking.carrier_id.delivery_type == "tile_http_json":
                    picking.send_to_shipper()  # the carrier's system books it and names the tracking number
                else:
                    picking.carrier_tracking_ref = picking.name
            warehouse = load.picking_type_id.warehouse_id or load.picking_ids.picking_type_id.warehouse_id[:1]
            load.picking_ids._tile_record_event("dispatched", place=warehouse.name)
            load.tile_dispatched_at = fields.Datetime.now()
            load.picking_ids._tile_send_tracking_mail()
            load.message_post(body=_("Dispatched: %s.", load._tile_summary()))
        return True

    def _tile_check_dispatch(self):
        self.ensure_one()
        if not self.vehicle_id:
            raise UserError(_("Load %s has no vehicle: choose the truck before dispatching.", self.name))
        if not self.tile_payload_kg:
            raise UserError(
                _(
                    "%s has no payload on its vehicle type: enter the payload (kg) before dispatching.",
                    self.vehicle_id.display_name,
                )
            )
        if not self.picking_ids:
            raise UserError(_("Load %s has no deliveries.", self.name))
        not_ready = self.picking_ids.filtered(lambda p: p.state not in ("assigned", "done"))
        if not_ready:
            raise UserError(
                _(
                    "Only deliveries ready to ship go on a truck; not ready: %s. Take them off the load.",
                    ", ".join(not_ready.mapped("name")),
                )
            )
        message = self._tile_capacity_message(self._tile_figures())
        if message:
            raise UserError(
                _(
                    "Load %(load)s cannot be dispatched on %(vehicle)s: %(problem)s. "
                    "Take a delivery off the load or choose a bigger vehicle.",
                    load=self.name,
                    vehicle=self.vehicle_id.display_name,
                    problem=message,
                )
            )

    def _tile_summary(self):
        self.ensure_one()
        return _(
            "%(deliveries)s deliveries, %(weight)s kg, %(pallets)s pallets (%(fill)s %% full)",
            deliveries=len(self.picking_ids),
            weight=tile_math.fmt_qty(round(self.tile_weight_kg, 1)),
            pallets=self.tile_pallet_places,
            fill=tile_math.fmt_qty(round(self.tile_fill_percent, 1)),
        )

    def action_tile_propose_loads(self):
        return self.env["ir.actions.act_window"]._for_xml_id("tile_logistics.action_tile_load_proposal")

    # Demo --------------------------------------------------------------------------

    @api.model
    def _tile_demo_day(self, lot_ids):
        """Demo: a day of deliveries from Foshan to Shanghai and Suzhou (see the demo file)."""
        ref = self.env.ref
        company = ref("tile_order_base.tile_demo_company")
        env = self.with_company(company).with_context(tracking_disable=True, mail_notrack=True).env
        warehouse = ref("tile_inventory.tile_demo_warehouse")
        slate_lot, slab_lot = env["stock.lot"].browse(lot_ids)
        for lot, pieces in ((slate_lot, 800), (slab_lot, 400)):
            env["stock.quant"]._update_available_quantity(
                lot.product_id, warehouse.lot_stock_id, pieces, lot_id=lot
            )
        slate, slab = slate_lot.product_id, slab_lot.product_id

        def delivery(customer, site, lines):
            order = env["sale.order"].create(
                {
                    "partner_id": customer.id,
                    "partner_shipping_id": site.id,
                    "company_id": company.id,
                    "warehouse_id": warehouse.id,
                    "order_line": [
                        Command.create(
                            {"product_id": p.id, "tile_entry_unit": "box", "tile_entry_qty": boxes}
                        )
                        for p, boxes in lines
                    ],
                }
            )
            order.action_confirm()
            order.picking_ids.action_assign()
            return order.picking_ids

        wang = ref("tile_order_base.customer_wang")
        greenland = ref("tile_order_base.customer_builder")
        to_shanghai = delivery(wang, ref("tile_order_base.customer_wang_site"), [(slate, 160), (slab, 48)])
        to_suzhou = delivery(greenland, ref("tile_order_base.customer_builder_site"), [(slate, 128)])
        delivery(greenland, ref("tile_order_base.customer_builder_site"), [(slab, 24)])  # waits for a truck

        now = fields.Datetime.now()
        loads = env["stock.picking.batch"].create(
            [
                {
                    "vehicle_id": ref("tile_logistics.demo_truck_heavy").id,
                    "picking_ids": [Command.set(to_shanghai.ids)],
                    "picking_type_id": to_shanghai.picking_type_id.id,
                    "tile_region": to_shanghai.tile_region,
                    "tile_distance_km": 1450,
                    "company_id": company.id,
                },
                {
                    "vehicle_id": ref("tile_logistics.demo_truck_medium").id,
                    "picking_ids": [Command.set(to_suzhou.ids)],
                    "picking_type_id": to_suzhou.picking_type_id.id,
                    "tile_region": to_suzhou.tile_region,
                    "tile_distance_km": 1400,
                    "company_id": company.id,
                },
            ]
        )
        to_shanghai.tile_expected_arrival = now + timedelta(days=1)
        loads.action_tile_dispatch()
        to_shanghai._tile_record_event("in_transit", place="G2 京沪高速 Wuxi", source="driver")
        to_suzhou._tile_record_event("arrived", place="苏州 Suzhou, Riverside Towers", source="driver")
        to_suzhou._tile_record_delivery(
            _demo_signature(),
            "周工 Site manager Zhou",
            broken={to_suzhou.move_line_ids[:1].id: 2},
            place="苏州 Suzhou",
        )
        return loads


def _demo_signature():
    """A hand-drawn-looking stroke, as the signature pad would send it (PNG, base64)."""
    image = Image.new("RGBA", (300, 90), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [(20 + x * 4, 45 + int(25 * math.sin(x / 4.0)) - x // 3) for x in range(65)]
    draw.line(points, fill=(20, 20, 80, 255), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue())

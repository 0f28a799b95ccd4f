from datetime import datetime, time

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.tile_order_base import tile_math

from ..load_math import Delivery, Vehicle, propose_loads


class TileLoadProposal(models.TransientModel):
    """Fill the day's trucks with the day's ready deliveries, one region per truck."""

    _name = "tile.load.proposal"
    _description = "Propose Loads"

    date = fields.Date(required=True, default=fields.Date.context_today)
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        required=True,
        default=lambda self: self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    vehicle_ids = fields.Many2many(
        "fleet.vehicle",
        string="Vehicles Available",
        default=lambda self: self._default_vehicles(),
        help="Each vehicle makes one trip that day. Only vehicles with a payload are planned.",
    )
    picking_count = fields.Integer("Deliveries Ready", compute="_compute_picking_count")

    @api.model
    def _default_vehicles(self):
        return self.env["fleet.vehicle"].search([("category_id.weight_capacity", ">", 0)])

    def _pickings(self):
        self.ensure_one()
        # Up to the end of the day, not "< next day": 31 December 9999 has none (found by the fuzz).
        end = datetime.combine(self.date, time.max)
        return self.env["stock.picking"].search(
            [
                ("picking_type_id.code", "=", "outgoing"),
                ("picking_type_id.warehouse_id", "=", self.warehouse_id.id),
                ("state", "=", "assigned"),
                # Odoo's automatic batches group pickings without a truck: those still need a load.
                "|",
                ("batch_id", "=", False),
                ("batch_id.vehicle_id", "=", False),
                ("scheduled_date", "<=", end),
            ]
        )

    @api.depends("date", "warehouse_id")
    def _compute_picking_count(self):
        for wizard in self:
            wizard.picking_count = len(wizard._pickings()) if wizard.date and wizard.warehouse_id else 0

    def action_propose(self):
        self.ensure_one()
        self.env["stock.picking.batch"]._tile_check_logistics()
        pickings = self._pickings()
        if not pickings:
            raise UserError(_("No delivery is ready to ship from %s by that day.", self.warehouse_id.name))
        vehicles = self.vehicle_ids.filtered(lambda v: v.category_id.weight_capacity > 0)
        if not vehicles:
            raise UserError(_("Choose the vehicles available that day (with a payload on their category)."))
        proposal = propose_loads(
            [Delivery(p.id, p.tile_region or "", p.tile_weight_kg, p.tile_pallet_places) for p in pickings],
            [
                Vehicle(v.id, v.category_id.weight_capacity, v.category_id.tile_pallet_places)
                for v in vehicles
            ],
        )
        picking_type = pickings.picking_type_id[:1]
        loads = self.env["stock.picking.batch"].create(
            [
                {
                    "vehicle_id": load.vehicle_key,
                    "tile_region": load.region or False,
                    # Said on the load, not in its chatter: a day's proposal makes dozens of loads.
                    "description": _(
                        "Proposed for %(region)s: %(weight)s kg, %(pallets)s pallets",
                        region=load.region or "-",
                        weight=tile_math.fmt_qty(round(load.weight_kg)),
                        pallets=load.pallet_places,
                    ),
                    "picking_type_id": picking_type.id,
                    "scheduled_date": datetime.combine(self.date, time(8)),
                    "picking_ids": [(6, 0, list(load.delivery_keys))],
                }
                for load in proposal.loads
            ]
        )
        reasons = {
            "too_heavy": _("heavier than any vehicle"),
            "no_vehicle": _("no vehicle left"),
        }
        left = [
            f"{self.env['stock.picking'].browse(key).name} ({reasons.get(code, code)})"
            for key, code in proposal.unplanned[:10]
        ]
        if len(proposal.unplanned) > 10:
            left.append(_("and %s more", len(proposal.unplanned) - 10))
        action = self.env["ir.actions.act_window"]._for_xml_id("tile_logistics.action_tile_loads")
        action["domain"] = [("id", "in", loads.ids)]
        if not left:
            return action
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("%s loads proposed", len(loads)),
                "message": _("Not planned: %s", ", ".join(left)),
                "type": "warning",
                "sticky": True,
                "next": action,
            },
        }

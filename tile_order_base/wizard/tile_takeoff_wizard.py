from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from .. import tile_math
from ..models.tile_room import LAYING_PATTERNS


class TileTakeoffWizard(models.TransientModel):
    """Room take-off: rooms and their tiles in, one section per room out.

    One screen: the customer and the tile once, then one row per room whose boxes
    and m² show as its size is typed. Opened on a quotation it edits that
    quotation's rooms; opened from the Sales app it creates the quotation.
    """

    _name = "tile.takeoff.wizard"
    _inherit = ["tile.bounds.mixin"]
    _description = "Tile Room Take-off"

    order_id = fields.Many2one("sale.order", "Quotation", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, required=True)
    product_id = fields.Many2one(
        "product.product",
        "Tile",
        domain=[("tile_is_tile", "=", True), ("sale_ok", "=", True)],
        help="The tile of every new room; a room can still take another one.",
    )
    laying_pattern = fields.Selection(
        LAYING_PATTERNS,
        required=True,
        default="straight",
        help="The pattern of every new room. The last pattern you used is proposed next time.",
    )
    room_ids = fields.One2many("tile.takeoff.wizard.room", "wizard_id")
    total_m2 = fields.Float("Total m²", compute="_compute_totals", digits=(16, 2))
    total_boxes = fields.Float(compute="_compute_totals", digits=(16, 2))
    total_amount = fields.Float("Estimated Untaxed Amount", compute="_compute_totals", digits=(16, 2))

    problems = fields.Text(compute="_compute_problems")

    @api.depends("room_ids.m2", "room_ids.boxes", "room_ids.amount")
    def _compute_totals(self):
        for wizard in self:
            wizard.total_m2 = sum(wizard.room_ids.mapped("m2"))
            wizard.total_boxes = sum(wizard.room_ids.mapped("boxes"))
            wizard.total_amount = sum(wizard.room_ids.mapped("amount"))

    @api.depends("room_ids.problem")
    def _compute_problems(self):
        for wizard in self:
            wizard.problems = "\n".join(p for p in wizard.room_ids.mapped("problem") if p) or False

    @api.model
    def _values_from_order(self, order):
        """Wizard values that load an order's existing rooms for editing."""
        return {
            "order_id": order.id,
            "partner_id": order.partner_id.id,
            "company_id": order.company_id.id,
            "product_id": order.tile_room_ids[-1:].product_id.id,
            "room_ids": [
                Command.create(
                    {
                        "room_id": room.id,
                        "name": room.name,
                        "length_m": room.length_m,
                        "width_m": room.width_m,
                        "area_input_m2": room.area_input_m2,
                        "laying_pattern": room.laying_pattern,
                        "product_id": room.product_id.id,
                        "wastage_percent": room.wastage_percent,
                    }
                )
                for room in order.tile_room_ids
            ],
        }

    def _action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Room Take-off"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "context": dict(self.env.context, dialog_size="extra-large"),
        }

    def _check_rooms(self):
        if not self.room_ids:
            raise UserError(_("Add at least one room or area."))
        self.room_ids._check_sizes()
        missing = self.room_ids.filtered(lambda r: not r.product_id)
        if missing:
            raise UserError(_("Choose a tile for: %s.", ", ".join(missing.mapped("name"))))

    def action_apply(self):
        """Write the rooms to the quotation (creating it in the guided entry)."""
        self.ensure_one()
        if not self.partner_id:
            raise UserError(_("Choose the customer first."))
        self._check_rooms()
        order = self.order_id
        if not order:
            order = self.env["sale.order"].create(
                {"partner_id": self.partner_id.id, "company_id": self.company_id.id}
            )
        elif order.state not in ("draft", "sent"):
            raise UserError(_("%s is confirmed: start a new quotation for more rooms.", order.name))
        kept = self.env["tile.room"]
        for wroom in self.room_ids:
            vals = wroom._room_values()
            if wroom.room_id and wroom.room_id.order_id == order:
                wroom.room_id.write(vals)
                room = wroom.room_id
            else:
                room = self.env["tile.room"].create(dict(vals, order_id=order.id))
            room._sync_order_lines()
            kept |= room
        # Rooms deleted in the wizard leave the quotation with their lines.
        (order.tile_room_ids - kept).unlink()
        # Next time this user starts a take-off, the pattern they laid last is proposed.
        self.env["ir.default"].set(
            self._name, "laying_pattern", self.room_ids[-1].laying_pattern, user_id=True
        )
        created = not self.order_id
        values = {
            "order": order.name,
            "rooms": ", ".join(kept.mapped("name")),
            "boxes": tile_math.fmt_qty(order.tile_total_boxes),
            "m2": tile_math.fmt_qty(order.tile_total_m2),
        }
        if created:
            message = _("%(order)s created: %(rooms)s; %(boxes)s boxes, %(m2)s m².", **values)
        else:
            message = _("%(order)s updated: %(rooms)s; %(boxes)s boxes, %(m2)s m².", **values)
        return order._tile_notification(
            message,
            {
                "type": "ir.actions.act_window",
                "res_model": "sale.order",
                "res_id": order.id,
                "views": [(False, "form")],
                "target": "current",
            },
        )

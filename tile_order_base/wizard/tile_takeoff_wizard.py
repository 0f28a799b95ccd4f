from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

STEPS = [
    ("customer", "Customer"),
    ("rooms", "Rooms"),
    ("products", "Tiles and Wastage"),
    ("review", "Review"),
]


class TileTakeoffWizard(models.TransientModel):
    """Room take-off: rooms and their tiles in, one section per room out.

    Opened on a quotation it starts at the rooms; opened from the menu it is the
    guided entry for new staff and starts with the customer.
    """

    _name = "tile.takeoff.wizard"
    _inherit = ["tile.bounds.mixin"]
    _description = "Tile Room Take-off"

    step = fields.Selection(STEPS, default="customer", required=True)
    order_id = fields.Many2one("sale.order", "Quotation", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, required=True)
    room_ids = fields.One2many("tile.takeoff.wizard.room", "wizard_id")
    total_m2 = fields.Float("Total m²", compute="_compute_totals", digits=(16, 2))
    total_boxes = fields.Float(compute="_compute_totals", digits=(16, 2))
    total_amount = fields.Float("Estimated Untaxed Amount", compute="_compute_totals", digits=(16, 2))

    @api.depends("room_ids.m2", "room_ids.boxes", "room_ids.amount")
    def _compute_totals(self):
        for wizard in self:
            wizard.total_m2 = sum(wizard.room_ids.mapped("m2"))
            wizard.total_boxes = sum(wizard.room_ids.mapped("boxes"))
            wizard.total_amount = sum(wizard.room_ids.mapped("amount"))

    @api.model
    def _values_from_order(self, order):
        """Wizard values that load an order's existing rooms for editing."""
        return {
            "order_id": order.id,
            "partner_id": order.partner_id.id,
            "company_id": order.company_id.id,
            "step": "rooms",
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
            "context": self.env.context,
        }

    def _check_step(self):
        """Refuse to leave a step with what the next one needs missing."""
        self.ensure_one()
        if self.step == "customer" and not self.partner_id:
            raise UserError(_("Choose the customer first."))
        if self.step == "rooms":
            if not self.room_ids:
                raise UserError(_("Add at least one room or area."))
            self.room_ids._check_sizes()
        if self.step == "products":
            missing = self.room_ids.filtered(lambda r: not r.product_id)
            if missing:
                raise UserError(_("Choose a tile for: %s.", ", ".join(missing.mapped("name"))))
            self.room_ids._check_sizes()

    def action_next(self):
        self._check_step()
        keys = [key for key, _label in STEPS]
        self.step = keys[min(keys.index(self.step) + 1, len(keys) - 1)]
        return self._action_open()

    def action_back(self):
        keys = [key for key, _label in STEPS]
        first = 1 if self.order_id else 0
        self.step = keys[max(keys.index(self.step) - 1, first)]
        return self._action_open()

    def action_apply(self):
        """Write the rooms to the quotation (creating it in the guided entry)."""
        self.ensure_one()
        if not self.partner_id:
            raise UserError(_("Choose the customer first."))
        if not self.room_ids:
            raise UserError(_("Add at least one room or area."))
        self.room_ids._check_sizes()
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
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "view_mode": "form",
            "target": "current",
        }

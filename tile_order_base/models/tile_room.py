from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .. import tile_bounds, tile_math

LAYING_PATTERNS = [
    ("straight", "Straight"),
    ("diagonal", "Diagonal"),
    ("herringbone", "Herringbone"),
    ("other", "Other"),
]


# Bounds of a room's typed sizes, shared by the room and the take-off wizard's row.
ROOM_BOUNDS = {
    "length_m": tile_bounds.ROOM_SIDE_M,
    "width_m": tile_bounds.ROOM_SIDE_M,
    "area_input_m2": tile_bounds.ROOM_AREA_M2,
    "wastage_percent": tile_bounds.PERCENT,
}


def room_size_error(room):
    """Why a room's sizes cannot be used, or None; ``room`` has the take-off fields."""
    if room.length_m < 0 or room.width_m < 0 or room.area_input_m2 < 0:
        return room.env._("Room '%s': sizes and areas cannot be negative.", room.name)
    if bool(room.length_m) != bool(room.width_m):
        return room.env._("Room '%s': enter both length and width, or neither and an area.", room.name)
    if room.net_area_m2 <= 0:
        return room.env._("Room '%s': enter length × width or an area above zero.", room.name)
    if not 0 <= room.wastage_percent <= 100:
        return room.env._("Room '%s': wastage must be between 0 and 100 %%.", room.name)
    return None


class TileRoom(models.Model):
    """A room or area of a quotation: its size, laying pattern and wastage.

    The room owns one section of the order and the tile line under it; the
    take-off wizard and the buttons here keep that section in step with the room.
    """

    _name = "tile.room"
    _inherit = ["tile.bounds.mixin"]
    _description = "Tile Room Take-off"
    _order = "order_id, sequence, id"

    order_id = fields.Many2one("sale.order", "Quotation", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char("Room", required=True)
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    user_id = fields.Many2one(related="order_id.user_id", store=True, string="Salesperson")
    length_m = fields.Float("Length (m)", digits=(16, 2))
    width_m = fields.Float("Width (m)", digits=(16, 2))
    area_input_m2 = fields.Float(
        "Area (m²)", digits=(16, 2), help="Use instead of length × width for rooms that are not rectangles."
    )
    net_area_m2 = fields.Float("Net Area (m²)", digits=(16, 2), compute="_compute_areas", store=True)
    laying_pattern = fields.Selection(LAYING_PATTERNS, required=True, default="straight")
    product_id = fields.Many2one(
        "product.product", "Tile", domain=[("tile_is_tile", "=", True), ("sale_ok", "=", True)]
    )
    wastage_percent = fields.Float(
        "Wastage (%)",
        digits=(16, 1),
        compute="_compute_wastage_percent",
        store=True,
        readonly=False,
        help="Proposed from the laying pattern (company settings) plus the tile's extra wastage.",
    )
    gross_area_m2 = fields.Float("Area to Order (m²)", digits=(16, 2), compute="_compute_areas", store=True)
    section_line_id = fields.Many2one("sale.order.line", "Section", ondelete="set null", copy=False)
    line_ids = fields.One2many("sale.order.line", "tile_room_id", "Order Lines")
    tile_m2 = fields.Float("Ordered m²", compute="_compute_ordered", digits=(16, 2))
    tile_boxes = fields.Float("Ordered Boxes", compute="_compute_ordered", digits=(16, 2))

    @api.depends("length_m", "width_m", "area_input_m2", "wastage_percent")
    def _compute_areas(self):
        # Every net area first: reading wastage_percent may compute it for the whole batch,
        # and its size check must not see a room whose net area is not set yet.
        for room in self:
            if room.length_m and room.width_m:
                room.net_area_m2 = room.length_m * room.width_m
            else:
                room.net_area_m2 = room.area_input_m2
        for room in self:
            room.gross_area_m2 = tile_math.gross_area(
                max(room.net_area_m2, 0.0), max(room.wastage_percent, 0.0)
            )

    @api.depends("laying_pattern", "product_id", "order_id.company_id")
    def _compute_wastage_percent(self):
        for room in self:
            company = room.order_id.company_id or self.env.company
            room.wastage_percent = (
                company._tile_pattern_wastage(room.laying_pattern) + room.product_id.tile_extra_wastage
            )

    @api.depends("line_ids.tile_m2", "line_ids.tile_boxes")
    def _compute_ordered(self):
        for room in self:
            room.tile_m2 = sum(room.line_ids.mapped("tile_m2"))
            room.tile_boxes = sum(room.line_ids.mapped("tile_boxes"))

    @api.model
    def _tile_bounds(self):
        return dict(super()._tile_bounds(), **ROOM_BOUNDS)

    @api.constrains("length_m", "width_m", "area_input_m2", "wastage_percent", "net_area_m2")
    def _check_sizes(self):
        for room in self:
            message = room_size_error(room)
            if message:
                raise ValidationError(message)

    def _check_editable(self):
        """Refuse to touch the lines of an order that is no longer a quotation."""
        for room in self:
            if room.order_id.state not in ("draft", "sent"):
                raise UserError(
                    _(
                        "%(order)s is confirmed: room '%(room)s' can no longer change its lines. "
                        "Add a new quotation for extra tiles.",
                        order=room.order_id.name,
                        room=room.name,
                    )
                )

    def _tile_section_sequence(self):
        """Sequence for a new room's section: after every line already on the order."""
        self.ensure_one()
        return max(self.order_id.order_line.mapped("sequence") or [0]) + 1

    def _sync_order_lines(self):
        """Create or update the room's section and tile line on its quotation."""
        self._check_editable()
        SaleLine = self.env["sale.order.line"]
        for room in self:
            if not room.section_line_id:
                room.section_line_id = SaleLine.create(
                    {
                        "order_id": room.order_id.id,
                        "display_type": "line_section",
                        "name": room.name,
                        "sequence": room._tile_section_sequence(),
                        "tile_room_id": room.id,
                    }
                )
            elif room.section_line_id.name != room.name:
                room.section_line_id.name = room.name
            if not room.product_id:
                continue
            tile_lines = room.line_ids.filtered(lambda sol: not sol.display_type and sol.tile_is_tile)
            main = (
                tile_lines.filtered(lambda sol, tile=room.product_id: sol.product_id == tile)[:1]
                or tile_lines[:1]
            )
            vals = {
                "product_id": room.product_id.id,
                "tile_entry_unit": "m2",
                "tile_entry_qty": room.gross_area_m2,
            }
            if main:
                main.write(vals)
            else:
                SaleLine.create(
                    dict(
                        vals,
                        order_id=room.order_id.id,
                        tile_room_id=room.id,
                        sequence=room.section_line_id.sequence,
                    )
                )

    def action_apply_wastage(self):
        """Re-apply the room's area and wastage to every tile line of the room."""
        self._check_editable()
        for room in self:
            lines = room.line_ids.filtered(lambda sol: not sol.display_type and sol.tile_is_tile)
            lines.write({"tile_entry_unit": "m2", "tile_entry_qty": room.gross_area_m2})
        return True

    def action_copy_room(self):
        """Copy a room with its lines into a new section of the same quotation."""
        self._check_editable()
        for room in self:
            new_room = room.copy({"name": _("%s (copy)", room.name), "sequence": room.sequence + 1})
            new_room._sync_order_lines()
            for line in room.line_ids.filtered(lambda sol: not sol.display_type)[1:]:
                line.copy(
                    {
                        "order_id": room.order_id.id,
                        "tile_room_id": new_room.id,
                        "sequence": new_room.section_line_id.sequence,
                    }
                )
        return True

    def unlink(self):
        self._check_editable()
        self.mapped("section_line_id").unlink()
        self.mapped("line_ids").unlink()
        return super().unlink()

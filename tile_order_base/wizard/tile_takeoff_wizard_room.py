from odoo import api, fields, models
from odoo.exceptions import UserError

from .. import tile_math
from ..models.tile_room import LAYING_PATTERNS, ROOM_BOUNDS, room_size_error


class TileTakeoffWizardRoom(models.TransientModel):
    _name = "tile.takeoff.wizard.room"
    _inherit = ["tile.bounds.mixin"]
    _description = "Room in a Tile Take-off"

    wizard_id = fields.Many2one("tile.takeoff.wizard", required=True, ondelete="cascade")
    room_id = fields.Many2one("tile.room", "Existing Room")
    name = fields.Char("Room", required=True)
    length_m = fields.Float("Length (m)", digits=(16, 2))
    width_m = fields.Float("Width (m)", digits=(16, 2))
    area_input_m2 = fields.Float("Area (m²)", digits=(16, 2), help="Instead of length × width.")
    laying_pattern = fields.Selection(LAYING_PATTERNS, required=True, default="straight")
    product_id = fields.Many2one(
        "product.product", "Tile", domain=[("tile_is_tile", "=", True), ("sale_ok", "=", True)]
    )
    wastage_percent = fields.Float(
        "Wastage (%)", digits=(16, 1), compute="_compute_wastage_percent", store=True, readonly=False
    )
    net_area_m2 = fields.Float("Net m²", compute="_compute_preview", digits=(16, 2))
    gross_area_m2 = fields.Float("m² to Order", compute="_compute_preview", digits=(16, 2))
    boxes = fields.Float(compute="_compute_preview", digits=(16, 2))
    m2 = fields.Float("m² Delivered", compute="_compute_preview", digits=(16, 2))
    amount = fields.Float("Amount (list price)", compute="_compute_preview", digits=(16, 2))

    @api.depends("laying_pattern", "product_id", "wizard_id.company_id")
    def _compute_wastage_percent(self):
        for room in self:
            company = room.wizard_id.company_id or self.env.company
            room.wastage_percent = (
                company._tile_pattern_wastage(room.laying_pattern) + room.product_id.tile_extra_wastage
            )

    @api.depends("length_m", "width_m", "area_input_m2", "wastage_percent", "product_id")
    def _compute_preview(self):
        for room in self:
            net = room.length_m * room.width_m if room.length_m and room.width_m else room.area_input_m2
            room.net_area_m2 = net
            room.gross_area_m2 = gross = tile_math.gross_area(max(net, 0.0), max(room.wastage_percent, 0.0))
            tmpl = room.product_id.product_tmpl_id
            if tmpl.tile_is_tile and tmpl.tile_pieces_per_box > 0 and tmpl.tile_m2_per_box > 0:
                pieces = tile_math.pieces_from(
                    gross,
                    "m2",
                    tmpl.tile_pieces_per_box,
                    tmpl.tile_m2_per_box,
                    whole_boxes=not tmpl.tile_allow_loose,
                )
                room.boxes = tile_math.boxes_from_pieces(pieces, tmpl.tile_pieces_per_box)
                room.m2 = tile_math.m2_from_pieces(pieces, tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box)
                price_qty = tile_math.price_quantity(
                    pieces, tmpl.tile_price_unit, tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box
                )
                room.amount = price_qty * tmpl.list_price
            else:
                room.boxes = room.m2 = room.amount = 0.0

    @api.model
    def _tile_bounds(self):
        return dict(super()._tile_bounds(), **ROOM_BOUNDS)

    def _check_sizes(self):
        for room in self:
            message = room_size_error(room)
            if message:
                raise UserError(message)

    def _room_values(self):
        """Values the wizard row writes on its tile.room."""
        self.ensure_one()
        return {
            "name": self.name,
            "length_m": self.length_m,
            "width_m": self.width_m,
            "area_input_m2": self.area_input_m2,
            "laying_pattern": self.laying_pattern,
            "product_id": self.product_id.id,
            "wastage_percent": self.wastage_percent,
        }

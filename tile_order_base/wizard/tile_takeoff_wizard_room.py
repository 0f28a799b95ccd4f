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
    size_text = fields.Char(
        "Size",
        compute="_compute_size_text",
        inverse="_inverse_size_text",
        store=True,
        readonly=False,
        help="Length × width in metres (5.2 x 4.1, 5.2*4.1) or an area in m² (9.5).",
    )
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
    problem = fields.Char("To Fix", compute="_compute_problem")

    @api.depends("length_m", "width_m", "area_input_m2")
    def _compute_size_text(self):
        for room in self:
            room.size_text = tile_math.format_room_size(room.length_m, room.width_m, room.area_input_m2)

    def _size_text_error(self):
        """Why the typed size cannot be read, or None."""
        self.ensure_one()
        if not self.size_text:
            return None
        try:
            tile_math.parse_room_size(self.size_text)
        except ValueError:
            return self.env._(
                "Room '%(room)s': size '%(size)s' not understood: type 5.2 x 4.1 (metres) or 9.5 (m²).",
                room=self.name or "",
                size=self.size_text,
            )
        return None

    def _read_size_text(self):
        for room in self:
            if room.size_text and not room._size_text_error():
                length, width, area = tile_math.parse_room_size(room.size_text)
                room.update({"length_m": length, "width_m": width, "area_input_m2": area})

    @api.onchange("size_text")
    def _onchange_size_text(self):
        # The client never calls inverses: read the typed size here, the numbers follow.
        self._read_size_text()

    def _inverse_size_text(self):
        self._read_size_text()

    @api.depends(
        "name", "size_text", "length_m", "width_m", "area_input_m2", "wastage_percent", "net_area_m2"
    )
    def _compute_problem(self):
        # Shown next to the row as it is typed, not only when the quotation is created.
        for room in self:
            if not room.name:
                room.problem = False
                continue
            room.problem = room._size_text_error() or room_size_error(room) or False

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
            message = room._size_text_error() or room_size_error(room)
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

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .. import tile_bounds, tile_math

# A printed m²/box further than this from format × pieces is probably a typo.
M2_PER_BOX_TOLERANCE = 0.05


class ProductTemplate(models.Model):
    _name = "product.template"
    _inherit = ["product.template", "tile.bounds.mixin"]

    @api.model
    def _tile_bounds(self):
        return dict(
            super()._tile_bounds(),
            tile_length_mm=tile_bounds.FORMAT_MM,
            tile_width_mm=tile_bounds.FORMAT_MM,
            tile_thickness_mm=tile_bounds.THICKNESS_MM,
            tile_pieces_per_box=tile_bounds.PIECES_PER_BOX,
            tile_m2_per_box=tile_bounds.M2_PER_BOX,
            tile_weight_per_box=tile_bounds.WEIGHT_PER_BOX_KG,
            tile_boxes_per_pallet=tile_bounds.BOXES_PER_PALLET,
            tile_extra_wastage=tile_bounds.PERCENT,
        )

    tile_is_tile = fields.Boolean(
        "Is a Tile",
        help="Sold by m², box and piece; stock is kept in pieces so that every figure stays exact.",
    )
    tile_series_id = fields.Many2one("tile.series", "Series", index=True)
    tile_length_mm = fields.Float("Length (mm)", digits=(16, 1), aggregator=None)
    tile_width_mm = fields.Float("Width (mm)", digits=(16, 1), aggregator=None)
    tile_format = fields.Char(
        "Format",
        compute="_compute_tile_format",
        store=True,
        index=True,
        help="Nominal size, length × width in mm.",
    )
    tile_thickness_mm = fields.Float("Thickness (mm)", digits=(16, 1), aggregator=None)
    tile_finish = fields.Selection(
        [
            ("matt", "Matt"),
            ("polished", "Polished"),
            ("glazed", "Glazed"),
            ("lappato", "Lappato"),
            ("structured", "Structured"),
        ],
        "Finish",
    )
    tile_body = fields.Selection(
        [
            ("porcelain", "Porcelain"),
            ("ceramic", "Ceramic"),
            ("full_body", "Full-body porcelain"),
            ("slab", "Porcelain slab"),
        ],
        "Body",
    )
    tile_usage = fields.Selection(
        [("floor", "Floor"), ("wall", "Wall"), ("floor_wall", "Floor and wall"), ("outdoor", "Outdoor")],
        "Usage",
    )
    tile_antislip = fields.Selection(
        [("r9", "R9"), ("r10", "R10"), ("r11", "R11"), ("r12", "R12"), ("r13", "R13")],
        "Anti-slip Class",
    )
    tile_pieces_per_box = fields.Integer("Pieces per Box", aggregator=None)
    tile_m2_per_box = fields.Float(
        "m² per Box",
        digits=(16, 4),
        aggregator=None,
        compute="_compute_tile_m2_per_box",
        store=True,
        readonly=False,
        help="Computed from format × pieces; overwrite it with the area printed on the box.",
    )
    tile_m2_per_box_keep = fields.Boolean(
        "Keep Printed m² per Box",
        help="Tick to keep an m² per box that differs by more than 5 % from format × pieces.",
    )
    tile_weight_per_box = fields.Float("Weight per Box (kg)", digits=(16, 2), aggregator=None)
    tile_boxes_per_pallet = fields.Integer("Boxes per Pallet", aggregator=None)
    tile_price_unit = fields.Selection(
        [("m2", "per m²"), ("box", "per box")],
        "Price Given",
        default="m2",
        help="The sales price and pricelist prices of this tile are given per m² or per box.",
    )
    tile_allow_loose = fields.Boolean(
        "Sell Loose Pieces",
        help="Quantities are rounded up to whole boxes unless this is ticked.",
    )
    tile_extra_wastage = fields.Float(
        "Extra Wastage (%)",
        help="Added to the laying pattern's wastage in the room take-off "
        "(large or fragile formats break more).",
    )
    tile_price_per_m2 = fields.Float("Price per m²", compute="_compute_tile_prices", digits="Product Price")
    tile_price_per_box = fields.Float("Price per Box", compute="_compute_tile_prices", digits="Product Price")
    tile_m2_deviation_warning = fields.Char(compute="_compute_tile_m2_deviation_warning")

    @api.depends("tile_length_mm", "tile_width_mm")
    def _compute_tile_format(self):
        for tmpl in self:
            if tmpl.tile_length_mm and tmpl.tile_width_mm:
                tmpl.tile_format = f"{tmpl.tile_length_mm:g}×{tmpl.tile_width_mm:g}"
            else:
                tmpl.tile_format = False

    @api.depends("tile_length_mm", "tile_width_mm", "tile_pieces_per_box")
    def _compute_tile_m2_per_box(self):
        for tmpl in self:
            tmpl.tile_m2_per_box = tile_math.box_area_from_format(
                tmpl.tile_length_mm, tmpl.tile_width_mm, tmpl.tile_pieces_per_box
            )

    @api.depends("list_price", "tile_price_unit", "tile_m2_per_box")
    def _compute_tile_prices(self):
        for tmpl in self:
            per_m2, per_box = tile_math.unit_prices(
                tmpl.list_price, tmpl.tile_price_unit, tmpl.tile_m2_per_box
            )
            tmpl.tile_price_per_m2 = per_m2 if tmpl.tile_is_tile else 0.0
            tmpl.tile_price_per_box = per_box if tmpl.tile_is_tile else 0.0

    @api.depends("tile_m2_per_box", "tile_length_mm", "tile_width_mm", "tile_pieces_per_box")
    def _compute_tile_m2_deviation_warning(self):
        for tmpl in self:
            deviation = tile_math.area_deviation(
                tmpl.tile_m2_per_box, tmpl.tile_length_mm, tmpl.tile_width_mm, tmpl.tile_pieces_per_box
            )
            if tmpl.tile_is_tile and deviation > M2_PER_BOX_TOLERANCE:
                tmpl.tile_m2_deviation_warning = _(
                    "%(printed)s m² per box is %(pct)s %% away from format × pieces (%(nominal)s m²). "
                    "Check the box, or tick 'Keep Printed m² per Box'.",
                    printed=tmpl.tile_m2_per_box,
                    pct=round(deviation * 100, 1),
                    nominal=tile_math.box_area_from_format(
                        tmpl.tile_length_mm, tmpl.tile_width_mm, tmpl.tile_pieces_per_box
                    ),
                )
            else:
                tmpl.tile_m2_deviation_warning = False

    @api.onchange("tile_is_tile")
    def _onchange_tile_is_tile(self):
        # Stock is kept in pieces: a tile's unit of measure is Units.
        if self.tile_is_tile:
            unit = self.env.ref("uom.product_uom_unit")
            self.uom_id = unit
            self.uom_po_id = unit

    @api.constrains(
        "tile_is_tile",
        "tile_length_mm",
        "tile_width_mm",
        "tile_thickness_mm",
        "tile_pieces_per_box",
        "tile_m2_per_box",
        "tile_weight_per_box",
        "tile_boxes_per_pallet",
        "tile_m2_per_box_keep",
        "uom_id",
        "tile_extra_wastage",
    )
    def _check_tile_data(self):
        unit = self.env.ref("uom.product_uom_unit")
        for tmpl in self.filtered("tile_is_tile"):
            name = tmpl.display_name
            if tmpl.tile_length_mm <= 0 or tmpl.tile_width_mm <= 0:
                raise ValidationError(
                    _("%s: enter the tile format (length and width in mm, above zero).", name)
                )
            if tmpl.tile_thickness_mm < 0:
                raise ValidationError(_("%s: the thickness cannot be negative.", name))
            if tmpl.tile_pieces_per_box <= 0:
                raise ValidationError(_("%s: enter how many pieces a box holds (at least 1).", name))
            if tmpl.tile_m2_per_box <= 0:
                raise ValidationError(_("%s: m² per box must be above zero.", name))
            if tmpl.tile_weight_per_box < 0:
                raise ValidationError(_("%s: the weight per box cannot be negative.", name))
            if not 0 <= tmpl.tile_extra_wastage <= 100:
                raise ValidationError(_("%s: the extra wastage must be between 0 and 100 %%.", name))
            if tmpl.tile_boxes_per_pallet < 0:
                raise ValidationError(_("%s: boxes per pallet cannot be negative.", name))
            if tmpl.uom_id != unit:
                raise ValidationError(
                    _("%s: a tile keeps its stock in pieces; set its unit of measure to 'Units'.", name)
                )
            deviation = tile_math.area_deviation(
                tmpl.tile_m2_per_box, tmpl.tile_length_mm, tmpl.tile_width_mm, tmpl.tile_pieces_per_box
            )
            if deviation > M2_PER_BOX_TOLERANCE and not tmpl.tile_m2_per_box_keep:
                raise ValidationError(tmpl.tile_m2_deviation_warning)

    def _tile_pack(self):
        """(pieces per box, m² per box) of a tile, the data every quantity is derived from."""
        self.ensure_one()
        return self.tile_pieces_per_box, self.tile_m2_per_box

    def _tile_qty_summary(self, pieces):
        """'7 boxes · 10.08 m² · 224 kg' for a number of pieces of this tile (printed documents)."""
        self.ensure_one()
        if not self.tile_is_tile or self.tile_pieces_per_box <= 0:
            return ""
        pcs = self.tile_pieces_per_box
        return self.env._(
            "%(boxes)s boxes · %(m2)s m² · %(kg)s kg",
            boxes=tile_math.fmt_qty(tile_math.boxes_from_pieces(pieces, pcs)),
            m2=tile_math.fmt_qty(tile_math.m2_from_pieces(pieces, pcs, self.tile_m2_per_box)),
            kg=tile_math.fmt_qty(tile_math.weight_from_pieces(pieces, pcs, self.tile_weight_per_box)),
        )

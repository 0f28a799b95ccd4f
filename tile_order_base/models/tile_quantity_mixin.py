from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .. import tile_bounds, tile_math


class TileQuantityMixin(models.AbstractModel):
    """m², boxes, pieces, weight and pallets of a document line holding a tile.

    The line keeps its quantity in pieces (the product's unit); the pack data is
    copied from the product when the product is chosen, so that a later change of
    the product's box never rewrites an order or invoice already made.
    """

    _name = "tile.quantity.mixin"
    _description = "Tile quantities on a document line"
    # Name of the field that holds the line's quantity in its unit of measure.
    _tile_qty_field = "product_uom_qty"
    _tile_uom_field = "product_uom"

    tile_is_tile = fields.Boolean(
        compute="_compute_tile_pack", store=True, readonly=False, precompute=True, string="Tile Line"
    )
    tile_pieces_per_box = fields.Integer(
        "Pieces/Box", compute="_compute_tile_pack", store=True, readonly=False, precompute=True
    )
    tile_m2_per_box = fields.Float(
        "m²/Box", digits=(16, 4), compute="_compute_tile_pack", store=True, readonly=False, precompute=True
    )
    tile_weight_per_box = fields.Float(
        "kg/Box", digits=(16, 2), compute="_compute_tile_pack", store=True, readonly=False, precompute=True
    )
    tile_boxes_per_pallet = fields.Integer(
        "Boxes/Pallet", compute="_compute_tile_pack", store=True, readonly=False, precompute=True
    )
    tile_price_unit_type = fields.Selection(
        [("m2", "per m²"), ("box", "per box")],
        "Price Given",
        compute="_compute_tile_pack",
        store=True,
        readonly=False,
        precompute=True,
    )
    tile_pieces = fields.Integer("Pieces", compute="_compute_tile_quantities", store=True, precompute=True)
    tile_boxes = fields.Float(
        "Boxes", digits=(16, 2), compute="_compute_tile_quantities", store=True, precompute=True
    )
    tile_m2 = fields.Float(
        "m²", digits=(16, 2), compute="_compute_tile_quantities", store=True, precompute=True
    )
    tile_weight = fields.Float(
        "Weight (kg)", digits=(16, 1), compute="_compute_tile_quantities", store=True, precompute=True
    )
    tile_pallets = fields.Float(
        "Pallets", digits=(16, 2), compute="_compute_tile_quantities", store=True, precompute=True
    )
    tile_price_qty = fields.Float(
        "Priced Quantity",
        digits=(16, 4),
        compute="_compute_tile_quantities",
        store=True,
        precompute=True,
        help="Quantity in the unit the price is given in (m² or boxes): subtotal = this × unit price.",
    )

    @api.depends("product_id")
    def _compute_tile_pack(self):
        for line in self:
            tmpl = line.product_id.product_tmpl_id
            line.tile_is_tile = tmpl.tile_is_tile
            line.tile_pieces_per_box = tmpl.tile_pieces_per_box
            line.tile_m2_per_box = tmpl.tile_m2_per_box
            line.tile_weight_per_box = tmpl.tile_weight_per_box
            line.tile_boxes_per_pallet = tmpl.tile_boxes_per_pallet
            line.tile_price_unit_type = tmpl.tile_price_unit if tmpl.tile_is_tile else False

    def _tile_line_pieces(self):
        """Quantity of the line in pieces (the product's unit of measure)."""
        self.ensure_one()
        qty = self[self._tile_qty_field]
        uom = self[self._tile_uom_field]
        if uom and self.product_id and uom != self.product_id.uom_id:
            qty = uom._compute_quantity(qty, self.product_id.uom_id, rounding_method="HALF-UP")
        return qty

    @api.depends(
        lambda self: (
            self._tile_qty_field,
            self._tile_uom_field,
            "tile_is_tile",
            "tile_pieces_per_box",
            "tile_m2_per_box",
            "tile_weight_per_box",
            "tile_boxes_per_pallet",
            "tile_price_unit_type",
        )
    )
    def _compute_tile_quantities(self):
        for line in self:
            if not line.tile_is_tile or line.tile_pieces_per_box <= 0:
                line.update(
                    {
                        "tile_pieces": 0,
                        "tile_boxes": 0.0,
                        "tile_m2": 0.0,
                        "tile_weight": 0.0,
                        "tile_pallets": 0.0,
                        "tile_price_qty": 0.0,
                    }
                )
                continue
            pieces = line._tile_line_pieces()
            if abs(pieces) > tile_bounds.LINE_PIECES:
                # Refused before it reaches an integer column PostgreSQL would overflow.
                shown = {"pieces": f"{pieces:,.0f}", "max": f"{tile_bounds.LINE_PIECES:,}"}
                raise ValidationError(
                    _(
                        "%(product)s: %(pieces)s pieces on one line is far beyond any order (at most "
                        "%(max)s). Check the quantity and its unit, or split the order into phases.",
                        product=line.product_id.display_name,
                        **shown,
                    )
                )
            boxes = tile_math.boxes_from_pieces(pieces, line.tile_pieces_per_box)
            line.tile_pieces = round(pieces)
            line.tile_boxes = boxes
            line.tile_m2 = tile_math.m2_from_pieces(pieces, line.tile_pieces_per_box, line.tile_m2_per_box)
            line.tile_weight = tile_math.weight_from_pieces(
                pieces, line.tile_pieces_per_box, line.tile_weight_per_box
            )
            line.tile_pallets = tile_math.pallets_from_boxes(boxes, line.tile_boxes_per_pallet)
            line.tile_price_qty = tile_math.price_quantity(
                pieces, line.tile_price_unit_type, line.tile_pieces_per_box, line.tile_m2_per_box
            )

    def _tile_priced(self):
        """Whether the line's subtotal is its price times m² or boxes rather than pieces."""
        self.ensure_one()
        return bool(self.tile_is_tile and self.tile_pieces_per_box > 0 and self.tile_m2_per_box > 0)

    def _tile_pack_values(self):
        """The pack snapshot, to carry from an order line to its invoice line."""
        self.ensure_one()
        return {
            "tile_is_tile": self.tile_is_tile,
            "tile_pieces_per_box": self.tile_pieces_per_box,
            "tile_m2_per_box": self.tile_m2_per_box,
            "tile_weight_per_box": self.tile_weight_per_box,
            "tile_boxes_per_pallet": self.tile_boxes_per_pallet,
            "tile_price_unit_type": self.tile_price_unit_type,
        }

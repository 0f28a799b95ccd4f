from odoo import _, api, fields, models

from odoo.addons.tile_order_base import tile_math


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    tile_lot_shade = fields.Char(related="lot_id.tile_shade", string="Shade")
    tile_lot_caliber = fields.Char(related="lot_id.tile_caliber", string="Caliber")
    tile_largest_lot_boxes = fields.Float(
        "Largest Shade Group (boxes)",
        compute="_compute_tile_largest_lot_boxes",
        digits=(16, 2),
        help="The most boxes one single shade group (lots of one shade, caliber and grade) can still serve.",
    )

    @api.depends("product_id")
    def _compute_tile_largest_lot_boxes(self):
        tiles = self.filtered(lambda sol: sol.tile_is_tile and sol.product_id.tracking == "lot")
        largest = self.env["stock.lot"]._tile_largest_free(tiles.product_id)
        for line in self:
            free = largest.get(line.product_id, 0.0) if line in tiles else 0.0
            line.tile_largest_lot_boxes = tile_math.boxes_from_pieces(free, line.tile_pieces_per_box)

    def action_tile_availability(self):
        """Open the product's lots with what each can still serve."""
        self.ensure_one()
        return self.product_id.product_tmpl_id.action_tile_lots()

    def _tile_allocation_key(self):
        """Lines with the same key share one shade; extend for other groupings."""
        self.ensure_one()
        scope = self.order_id.tile_shade_scope
        if scope == "order":
            return ("order", self.order_id.id)
        if scope == "room" and self.tile_room_id:
            return ("room", self.tile_room_id.id)
        return ("line", self.id)

    def _tile_group_label(self):
        self.ensure_one()
        scope = self.order_id.tile_shade_scope
        if scope == "order":
            return _("the whole order")
        if scope == "room" and self.tile_room_id:
            return _("room %s", self.tile_room_id.name)
        return _("this line")

from odoo import _, fields, models

from odoo.addons.tile_order_base import tile_math


class StockPicking(models.Model):
    _inherit = "stock.picking"

    tile_has_tiles = fields.Boolean(compute="_compute_tile_has_tiles")

    def _compute_tile_has_tiles(self):
        for picking in self:
            picking.tile_has_tiles = any(picking.move_ids.product_id.mapped("tile_is_tile"))

    def _tile_totals_summary(self):
        """Totals of the tiles on the transfer for the delivery slip: m², boxes, kg, pallets."""
        self.ensure_one()
        m2 = boxes = kg = pallets = 0.0
        for move in self.move_ids.filtered(lambda m: m.product_id.tile_is_tile and m.state != "cancel"):
            tmpl = move.product_id.product_tmpl_id
            pcs = tmpl.tile_pieces_per_box
            pieces = move.quantity if self.state == "done" else move.product_uom_qty
            if pcs <= 0:
                continue
            box = tile_math.boxes_from_pieces(pieces, pcs)
            boxes += box
            m2 += tile_math.m2_from_pieces(pieces, pcs, tmpl.tile_m2_per_box)
            kg += tile_math.weight_from_pieces(pieces, pcs, tmpl.tile_weight_per_box)
            pallets += tile_math.pallets_from_boxes(box, tmpl.tile_boxes_per_pallet)
        if not boxes:
            return ""
        return _(
            "Tiles: %(m2)s m² · %(boxes)s boxes · %(kg)s kg · %(pallets)s pallets",
            m2=tile_math.fmt_qty(m2),
            boxes=tile_math.fmt_qty(boxes),
            kg=tile_math.fmt_qty(kg),
            pallets=tile_math.fmt_qty(pallets),
        )

from odoo import api, fields, models


class MrpBom(models.Model):
    _inherit = "mrp.bom"

    tile_per_m2 = fields.Boolean(
        "Components per m²",
        help="Component quantities are for one m² of tile (body powder, glaze, inks, boxes, "
        "pallets): the bill's quantity becomes the pieces that make one m².",
    )

    @api.onchange("tile_per_m2", "product_tmpl_id")
    def _onchange_tile_per_m2(self):
        tmpl = self.product_tmpl_id
        if self.tile_per_m2 and tmpl.tile_is_tile and tmpl.tile_m2_per_box:
            # Pieces in one m² (2.78 for 600×600), kept to Odoo's quantity precision.
            self.product_qty = tmpl.tile_pieces_per_box / tmpl.tile_m2_per_box
            self.product_uom_id = tmpl.uom_id

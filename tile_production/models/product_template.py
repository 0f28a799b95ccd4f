from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    tile_glaze_code = fields.Char(
        "Glaze / Colour",
        help="Glaze or colour recipe of the tile. The glaze line changes over when it changes, "
        "even within one format, so the planner keeps runs of one glaze together.",
    )
    tile_produce_when_short = fields.Boolean(
        "Make to Order When Short",
        help="When no single shade group covers a line at confirmation, the line goes to "
        "production instead of the order being refused.",
    )
    tile_is_made = fields.Boolean(
        "Made In-House",
        compute="_compute_tile_is_made",
        help="The tile has a bill of materials: it can be made to order.",
    )

    @api.depends("bom_ids")
    def _compute_tile_is_made(self):
        for tmpl in self:
            tmpl.tile_is_made = bool(
                tmpl.tile_is_tile and tmpl.bom_ids.filtered(lambda b: b.type == "normal")
            )

from odoo import fields, models

# Seasons of the Chinese building trade, by month of the order (months of the order date in UTC).
SEASONS = [("spring", "Spring"), ("summer", "Summer"), ("autumn", "Autumn"), ("winter", "Winter")]
_SEASON_SQL = """CASE
    WHEN EXTRACT(MONTH FROM s.date_order) IN (3, 4, 5) THEN 'spring'
    WHEN EXTRACT(MONTH FROM s.date_order) IN (6, 7, 8) THEN 'summer'
    WHEN EXTRACT(MONTH FROM s.date_order) IN (9, 10, 11) THEN 'autumn'
    ELSE 'winter' END"""


def _product_selection(name):
    return lambda self: self.env["product.template"]._fields[name]._description_selection(self.env)


class SaleReport(models.Model):
    """Odoo's sales analysis, also in tile units and by tile attributes, province, city and season."""

    _inherit = "sale.report"

    tile_is_tile = fields.Boolean("Is a Tile", readonly=True)
    tile_m2 = fields.Float("m²", digits=(16, 2), readonly=True)
    tile_boxes = fields.Float("Boxes", digits=(16, 2), readonly=True)
    tile_pieces = fields.Float("Pieces", digits=(16, 0), readonly=True)
    tile_weight = fields.Float("Tile Weight (kg)", digits=(16, 1), readonly=True)
    tile_format = fields.Char("Format", readonly=True)
    tile_series_id = fields.Many2one("tile.series", "Series", readonly=True)
    tile_body = fields.Selection(_product_selection("tile_body"), string="Body", readonly=True)
    tile_finish = fields.Selection(_product_selection("tile_finish"), string="Finish", readonly=True)
    tile_city = fields.Char("Customer City", readonly=True)
    tile_season = fields.Selection(SEASONS, "Season", readonly=True)

    def _select_additional_fields(self):
        res = super()._select_additional_fields()
        # Quantities are the order lines' own stored tile figures: the report sums what the
        # order shows, to the box.
        res.update(
            {
                "tile_is_tile": "COALESCE(t.tile_is_tile, FALSE)",
                "tile_m2": "SUM(COALESCE(l.tile_m2, 0))",
                "tile_boxes": "SUM(COALESCE(l.tile_boxes, 0))",
                "tile_pieces": "SUM(COALESCE(l.tile_pieces, 0))",
                "tile_weight": "SUM(COALESCE(l.tile_weight, 0))",
                "tile_format": "t.tile_format",
                "tile_series_id": "t.tile_series_id",
                "tile_body": "t.tile_body",
                "tile_finish": "t.tile_finish",
                "tile_city": "partner.city",
                "tile_season": _SEASON_SQL,
            }
        )
        return res

    def _group_by_sale(self):
        return (
            super()._group_by_sale()
            + """,
            t.tile_is_tile,
            t.tile_format,
            t.tile_series_id,
            t.tile_body,
            t.tile_finish,
            partner.city"""
        )

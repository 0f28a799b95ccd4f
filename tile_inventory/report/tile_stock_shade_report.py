from odoo import fields, models, tools

from ..models.stock_lot import GRADES


class TileStockShadeReport(models.Model):
    """Stock of tiles by lot, shade, caliber, grade and location, in boxes and m²."""

    _name = "tile.stock.shade.report"
    _description = "Tile Stock by Shade"
    _auto = False
    _order = "product_id, shade_group, lot_id"

    product_id = fields.Many2one("product.product", "Tile", readonly=True)
    lot_id = fields.Many2one("stock.lot", readonly=True)
    location_id = fields.Many2one("stock.location", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    shade_group = fields.Char(
        readonly=True, help="Lots of one product with the same shade, caliber and grade (laid together)."
    )
    shade = fields.Char(readonly=True)
    caliber = fields.Char(readonly=True)
    grade = fields.Selection(GRADES, readonly=True)
    pieces = fields.Float(readonly=True, digits=(16, 0))
    boxes = fields.Float(readonly=True, digits=(16, 2))
    m2 = fields.Float("m²", readonly=True, digits=(16, 2))
    free_boxes = fields.Float(readonly=True, digits=(16, 2))
    lot_free_boxes = fields.Float("Free Boxes in Lot", readonly=True, digits=(16, 2), aggregator="max")
    is_fragmented = fields.Boolean(
        "Fragmented", readonly=True, help="The whole lot has fewer free boxes than the company's threshold."
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                WITH internal AS (
                    SELECT q.*, t.tile_pieces_per_box AS pcs, t.tile_m2_per_box AS m2_box
                      FROM stock_quant q
                      JOIN stock_location loc ON loc.id = q.location_id AND loc.usage = 'internal'
                      JOIN product_product p ON p.id = q.product_id
                      JOIN product_template t ON t.id = p.product_tmpl_id AND t.tile_is_tile
                     WHERE q.lot_id IS NOT NULL AND t.tile_pieces_per_box > 0
                ), per_lot AS (
                    SELECT lot_id, SUM(quantity - reserved_quantity) / MAX(pcs) AS free_boxes
                      FROM internal GROUP BY lot_id
                )
                SELECT i.id, i.product_id, i.lot_id, i.location_id, i.company_id,
                       l.tile_shade_group AS shade_group, l.tile_shade AS shade,
                       l.tile_caliber AS caliber, l.tile_grade AS grade,
                       i.quantity AS pieces,
                       i.quantity / i.pcs AS boxes,
                       i.quantity * i.m2_box / i.pcs AS m2,
                       (i.quantity - i.reserved_quantity) / i.pcs AS free_boxes,
                       pl.free_boxes AS lot_free_boxes,
                       pl.free_boxes > 0
                           AND pl.free_boxes < COALESCE(c.tile_fragment_boxes, 0) AS is_fragmented
                  FROM internal i
                  JOIN stock_lot l ON l.id = i.lot_id
                  JOIN per_lot pl ON pl.lot_id = i.lot_id
                  LEFT JOIN res_company c ON c.id = i.company_id
            )
        """)

from odoo import fields, models
from odoo.tools import SQL


class TileProductionReport(models.Model):
    """m² planned, produced and graded per day, line and format; first-grade yield."""

    _name = "tile.production.report"
    _description = "Tile Production Analysis"
    _auto = False
    _order = "date desc"

    date = fields.Date(readonly=True)
    workcenter_id = fields.Many2one("mrp.workcenter", "Line", readonly=True)
    stage = fields.Selection(related="workcenter_id.tile_stage", readonly=True)
    production_id = fields.Many2one("mrp.production", "Manufacturing Order", readonly=True)
    product_id = fields.Many2one("product.product", "Tile", readonly=True)
    tile_format = fields.Char("Format", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    m2_planned = fields.Float("Planned m²", readonly=True, digits=(16, 2))
    m2_produced = fields.Float("Produced m²", readonly=True, digits=(16, 2))
    m2_graded = fields.Float("Graded m²", readonly=True, digits=(16, 2))
    m2_first = fields.Float("First-Grade m²", readonly=True, digits=(16, 2))
    m2_failed = fields.Float(
        "Failed m²", readonly=True, digits=(16, 2), help="Pieces that failed sorting (scrapped)."
    )
    first_grade_yield = fields.Float(
        "First-Grade Yield (%)",
        readonly=True,
        digits=(16, 1),
        aggregator="sum",
        help="First-grade m² over all the output (graded and failed) of the rows grouped together.",
    )

    def _read_group_select(self, aggregate_spec, query):
        # A yield is a ratio of sums, not a sum of ratios.
        if aggregate_spec.startswith("first_grade_yield:"):
            first = self._field_to_sql(self._table, "m2_first", query)
            graded = self._field_to_sql(self._table, "m2_graded", query)
            failed = self._field_to_sql(self._table, "m2_failed", query)
            return SQL(
                "ROUND((100 * SUM(%s) / NULLIF(SUM(%s) + SUM(%s), 0))::numeric, 1)", first, graded, failed
            )
        return super()._read_group_select(aggregate_spec, query)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT row_number() OVER () AS id, q.* FROM (
                -- planned and produced: each tile stage of each run, on its day and line
                SELECT wo.date_start::date AS date, wo.workcenter_id, mo.id AS production_id,
                       mo.product_id, mo.tile_format, mo.company_id,
                       mo.tile_m2 AS m2_planned,
                       CASE WHEN wo.state = 'done' THEN mo.tile_m2 ELSE 0 END AS m2_produced,
                       0.0 AS m2_graded, 0.0 AS m2_first, 0.0 AS m2_failed, NULL::numeric AS first_grade_yield
                  FROM mrp_workorder wo
                  JOIN mrp_production mo ON mo.id = wo.production_id
                  JOIN mrp_workcenter wc ON wc.id = wo.workcenter_id
                 WHERE wc.tile_stage IS NOT NULL AND mo.state != 'cancel' AND mo.tile_format IS NOT NULL
                UNION ALL
                -- graded: the lots a run was received into, on the day it was closed (the lot
                -- without a grade holds the failed pieces)
                SELECT ml.date::date, mo.tile_line_id, mo.id, mo.product_id, mo.tile_format, mo.company_id,
                       0.0, 0.0,
                       CASE WHEN lot.tile_grade IS NOT NULL THEN ml.quantity * pt.tile_m2_per_box
                            / NULLIF(pt.tile_pieces_per_box, 0) ELSE 0 END,
                       CASE WHEN lot.tile_grade = 'premium'
                            THEN ml.quantity * pt.tile_m2_per_box / NULLIF(pt.tile_pieces_per_box, 0)
                            ELSE 0 END,
                       CASE WHEN lot.tile_grade IS NULL THEN ml.quantity * pt.tile_m2_per_box
                            / NULLIF(pt.tile_pieces_per_box, 0) ELSE 0 END,
                       NULL
                  FROM stock_move_line ml
                  JOIN stock_move m ON m.id = ml.move_id
                  JOIN mrp_production mo ON mo.id = m.production_id AND m.product_id = mo.product_id
                  JOIN stock_lot lot ON lot.id = ml.lot_id
                  JOIN product_product pp ON pp.id = ml.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE mo.tile_graded AND ml.state = 'done' AND m.scrap_id IS NULL
            ) q
            """
        )

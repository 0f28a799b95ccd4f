from odoo import fields, models


class TileOrderMargin(models.Model):
    """Production cost: per piece of a run, Odoo's manufacturing costing (components as
    valued when consumed + work-order time × the work centre's cost per hour) over the pieces
    the run made; a delivered lot carries the cost of the run that made it.

    Shown beside the cost of goods, not deducted again: the valuation already holds the goods'
    cost (at standard or actual price, as the product category says); the difference tells how
    far the standard price is from what the kilns really cost.
    """

    _inherit = "tile.order.margin"

    cost_production = fields.Monetary(
        "Production Cost",
        readonly=True,
        help="What the delivered tiles cost to make in-house (runs' components and work-centre time).",
    )

    def _tile_xlsx_columns(self):
        columns = super()._tile_xlsx_columns()
        at = [fname for fname, _label, _kind in columns].index("cost_goods") + 1
        columns.insert(at, ("cost_production", self.env._("Production Cost"), "money"))
        return columns

    def _margin_fields(self):
        return dict(super()._margin_fields(), cost_production="COALESCE(made.cost, 0)")

    def _margin_from(self):
        return (
            super()._margin_from()
            + """
            LEFT JOIN (
                WITH run_piece AS (
                    SELECT mo.id AS production_id,
                           (COALESCE(raw.value, 0) + COALESCE(labour.cost, 0)) / produced.qty AS cost
                      FROM mrp_production mo
                      JOIN (SELECT fm.production_id, SUM(fml.quantity_product_uom) AS qty
                              FROM stock_move fm
                              JOIN stock_move_line fml ON fml.move_id = fm.id
                             WHERE fm.production_id IS NOT NULL AND fm.state = 'done'
                               AND NOT COALESCE(fm.scrapped, FALSE)
                             GROUP BY fm.production_id) produced
                        ON produced.production_id = mo.id AND produced.qty > 0
                      LEFT JOIN (SELECT rm.raw_material_production_id AS production_id, -SUM(v.value) AS value
                                   FROM stock_move rm
                                   JOIN stock_valuation_layer v ON v.stock_move_id = rm.id
                                  WHERE rm.raw_material_production_id IS NOT NULL
                                  GROUP BY rm.raw_material_production_id) raw
                        ON raw.production_id = mo.id
                      LEFT JOIN (SELECT wo.production_id,
                                        SUM(wo.duration / 60.0
                                            * COALESCE(NULLIF(wo.costs_hour, 0), wc.costs_hour, 0)) AS cost
                                   FROM mrp_workorder wo
                                   JOIN mrp_workcenter wc ON wc.id = wo.workcenter_id
                                  GROUP BY wo.production_id) labour
                        ON labour.production_id = mo.id
                     WHERE mo.state = 'done'
                ), lot_run AS (
                    SELECT DISTINCT ON (ml.lot_id) ml.lot_id, m.production_id
                      FROM stock_move_line ml
                      JOIN stock_move m ON m.id = ml.move_id
                     WHERE m.production_id IS NOT NULL AND m.state = 'done' AND ml.lot_id IS NOT NULL
                     ORDER BY ml.lot_id, m.production_id DESC
                )
                SELECT sm.sale_line_id,
                       SUM(CASE WHEN dest.usage = 'customer' THEN 1
                                WHEN src.usage = 'customer' THEN -1 ELSE 0 END
                           * sml.quantity_product_uom * run_piece.cost) AS cost
                  FROM stock_move sm
                  JOIN stock_move_line sml ON sml.move_id = sm.id
                  JOIN stock_location src ON src.id = sml.location_id
                  JOIN stock_location dest ON dest.id = sml.location_dest_id
                  JOIN lot_run ON lot_run.lot_id = sml.lot_id
                  JOIN run_piece ON run_piece.production_id = lot_run.production_id
                 WHERE sm.sale_line_id IS NOT NULL AND sm.state = 'done'
                 GROUP BY sm.sale_line_id
            ) made ON made.sale_line_id = l.id"""
        )

from odoo import fields, models

# A move's weight on the truck, as tile_logistics weighs it: boxes × kg per box for tiles,
# units × product weight for other goods. Only the proportions within one delivery matter;
# only what left (done moves) carries freight, as only that carries a cost of goods.
_MOVE_KG = """m.product_qty * CASE
    WHEN t.tile_is_tile AND COALESCE(t.tile_pieces_per_box, 0) > 0
    THEN COALESCE(t.tile_weight_per_box, 0) / t.tile_pieces_per_box
    ELSE COALESCE(p.weight, 0) END"""


class TileOrderMargin(models.Model):
    """Freight: the delivery's share of its load's cost (tile_logistics, by weight), shared again
    among the delivery's lines by weight; the carrier of the line's last load."""

    _inherit = "tile.order.margin"

    cost_freight = fields.Monetary("Freight Cost", readonly=True)
    carrier_id = fields.Many2one("delivery.carrier", readonly=True)

    def _tile_xlsx_columns(self):
        columns = super()._tile_xlsx_columns()
        at = [fname for fname, _label, _kind in columns].index("cost_goods") + 1
        columns[at:at] = [("cost_freight", self.env._("Freight Cost"), "money")]
        columns.insert(at - 3, ("carrier_id", self.env._("Carrier"), "text"))
        return columns

    def _margin_fields(self):
        return dict(super()._margin_fields(), carrier_id="freight.carrier_id")

    def _margin_cost_terms(self):
        return dict(super()._margin_cost_terms(), cost_freight="COALESCE(freight.cost, 0)")

    def _margin_from(self):
        return (
            super()._margin_from()
            + f"""
            LEFT JOIN (
                SELECT w.sale_line_id,
                       SUM(CASE WHEN w.picking_kg > 0 THEN pk.tile_freight_cost * w.kg / w.picking_kg
                                ELSE 0 END) AS cost,
                       (ARRAY_AGG(b.tile_carrier_id ORDER BY b.id DESC))[1] AS carrier_id
                  FROM (
                      SELECT m.sale_line_id, m.picking_id, {_MOVE_KG} AS kg,
                             SUM({_MOVE_KG}) OVER (PARTITION BY m.picking_id) AS picking_kg
                        FROM stock_move m
                        JOIN product_product p ON p.id = m.product_id
                        JOIN product_template t ON t.id = p.product_tmpl_id
                       WHERE m.state = 'done' AND NOT COALESCE(m.scrapped, FALSE)
                         AND m.picking_id IS NOT NULL
                  ) w
                  JOIN stock_picking pk ON pk.id = w.picking_id
                  JOIN stock_picking_batch b ON b.id = pk.batch_id
                 WHERE w.sale_line_id IS NOT NULL
                 GROUP BY w.sale_line_id
            ) freight ON freight.sale_line_id = l.id"""
        )

from odoo import fields, models


class SaleReport(models.Model):
    """The shade of the lot allocated to the line (tile_inventory), empty before allocation."""

    _inherit = "sale.report"

    tile_shade = fields.Char("Shade", readonly=True)

    def _select_additional_fields(self):
        return dict(super()._select_additional_fields(), tile_shade="tile_lot.tile_shade")

    def _from_sale(self):
        return super()._from_sale() + " LEFT JOIN stock_lot tile_lot ON tile_lot.id = l.lot_id"

    def _group_by_sale(self):
        return super()._group_by_sale() + ", tile_lot.tile_shade"

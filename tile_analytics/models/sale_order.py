from odoo import api, models


class SaleOrder(models.Model):
    """Orders written: the sales analysis snapshot takes them in right after (see sale.report)."""

    _inherit = "sale.order"

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        self.env["sale.report"]._tile_snapshot_soon()
        return orders

    def write(self, vals):
        result = super().write(vals)
        self.env["sale.report"]._tile_snapshot_soon()
        return result

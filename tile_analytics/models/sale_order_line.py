from odoo import api, models


class SaleOrderLine(models.Model):
    """Order lines written: the sales analysis snapshot takes them in right after (see sale.report)."""

    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        self.env["sale.report"]._tile_snapshot_soon()
        return lines

    def write(self, vals):
        result = super().write(vals)
        self.env["sale.report"]._tile_snapshot_soon()
        return result

    def unlink(self):
        self.env["sale.report"]._tile_snapshot_soon()
        return super().unlink()

from odoo import fields, models


class TileStockHold(models.Model):
    _inherit = "tile.stock.hold"

    project_id = fields.Many2one(
        "project.project", string="Construction Project", index="btree_not_null", tracking=True, readonly=True
    )
    contract_line_id = fields.Many2one("sale.order.line", index="btree_not_null", readonly=True)

    def _tile_latest_end(self, today):
        # A project's shade is kept for the whole project, not a few working days.
        if self.project_id:
            return None
        return super()._tile_latest_end(today)

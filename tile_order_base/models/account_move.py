from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    tile_total_m2 = fields.Float("Total m²", digits=(16, 2), compute="_compute_tile_totals")
    tile_total_boxes = fields.Float("Total Boxes", digits=(16, 2), compute="_compute_tile_totals")
    tile_total_weight = fields.Float("Total Weight (kg)", digits=(16, 1), compute="_compute_tile_totals")
    tile_total_pallets = fields.Float("Total Pallets", digits=(16, 2), compute="_compute_tile_totals")

    @api.depends("invoice_line_ids.tile_m2", "invoice_line_ids.tile_weight")
    def _compute_tile_totals(self):
        for move in self:
            lines = move.invoice_line_ids.filtered("tile_is_tile")
            move.tile_total_m2 = sum(lines.mapped("tile_m2"))
            move.tile_total_boxes = sum(lines.mapped("tile_boxes"))
            move.tile_total_weight = sum(lines.mapped("tile_weight"))
            move.tile_total_pallets = sum(lines.mapped("tile_pallets"))

    def _prepare_product_base_line_for_taxes_computation(self, product_line):
        # Customer invoice lines of tiles are priced per m² or per box, like their order
        # lines; vendor bills keep Odoo's price per unit (see AccountMoveLine._tile_priced).
        base_line = super()._prepare_product_base_line_for_taxes_computation(product_line)
        if product_line._tile_priced():
            base_line["quantity"] = product_line.tile_price_qty
        return base_line

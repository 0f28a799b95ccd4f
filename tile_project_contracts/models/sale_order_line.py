from odoo import api, fields, models

from odoo.addons.tile_order_base import tile_math


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    tile_contract_line_id = fields.Many2one(
        "sale.order.line", "Contract Line", index="btree_not_null", copy=False, readonly=True
    )
    tile_calloff_line_ids = fields.One2many("sale.order.line", "tile_contract_line_id", "Call-off Lines")
    # Progress of a contract line, in pieces (exact) and m² (what people read).
    tile_called_off_pieces = fields.Integer("Called Off (pieces)", compute="_compute_tile_contract_progress")
    tile_called_off_m2 = fields.Float(
        "Called Off m²", digits=(16, 2), compute="_compute_tile_contract_progress"
    )
    tile_delivered_m2 = fields.Float(
        "Delivered m²", digits=(16, 2), compute="_compute_tile_contract_progress"
    )
    tile_invoiced_m2 = fields.Float("Invoiced m²", digits=(16, 2), compute="_compute_tile_contract_progress")
    tile_remaining_pieces = fields.Integer("Remaining (pieces)", compute="_compute_tile_contract_progress")
    tile_remaining_m2 = fields.Float(
        "Remaining m²", digits=(16, 2), compute="_compute_tile_contract_progress"
    )

    def _tile_m2(self, pieces):
        return (
            tile_math.m2_from_pieces(pieces, self.tile_pieces_per_box, self.tile_m2_per_box)
            if self.tile_pieces_per_box
            else 0.0
        )

    @api.depends(
        "tile_calloff_line_ids.state",
        "tile_calloff_line_ids.product_uom_qty",
        "tile_calloff_line_ids.qty_delivered",
        "tile_calloff_line_ids.qty_invoiced",
    )
    def _compute_tile_contract_progress(self):
        contract_lines = self.filtered(lambda sol: sol.order_id.tile_is_contract and sol.id)
        totals = {}
        if contract_lines:
            # One grouped query for all lines of a list, not one per line.
            for contract_line, ordered, delivered, invoiced in self.env["sale.order.line"]._read_group(
                [("tile_contract_line_id", "in", contract_lines.ids), ("state", "=", "sale")],
                ["tile_contract_line_id"],
                ["product_uom_qty:sum", "qty_delivered:sum", "qty_invoiced:sum"],
            ):
                totals[contract_line.id] = (ordered, delivered, invoiced)
        for line in self:
            ordered, delivered, invoiced = (
                totals.get(line.id, (0, 0, 0)) if line in contract_lines else (0, 0, 0)
            )
            remaining = max(0, int(line.product_uom_qty) - int(ordered)) if line in contract_lines else 0
            line.tile_called_off_pieces = int(ordered)
            line.tile_called_off_m2 = line._tile_m2(int(ordered))
            line.tile_delivered_m2 = line._tile_m2(int(delivered))
            line.tile_invoiced_m2 = line._tile_m2(int(invoiced))
            line.tile_remaining_pieces = remaining
            line.tile_remaining_m2 = line._tile_m2(remaining)

    @api.depends("product_id", "product_uom", "product_uom_qty", "tile_contract_line_id")
    def _compute_price_unit(self):
        # A call-off line keeps the contract's price of the day it was made: a later price
        # change on the contract applies to later call-offs only.
        calloff_lines = self.filtered("tile_contract_line_id")
        res = super(SaleOrderLine, self - calloff_lines)._compute_price_unit()
        for line in calloff_lines:
            if not line.price_unit or line._origin.tile_contract_line_id != line.tile_contract_line_id:
                line.price_unit = line.tile_contract_line_id.price_unit
                line.technical_price_unit = line.price_unit
        return res

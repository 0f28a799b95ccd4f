from odoo import _, api, fields, models
from odoo.exceptions import UserError


class TileTransitClaimLine(models.Model):
    _name = "tile.transit.claim.line"
    _description = "Broken Boxes of a Transit Claim"

    claim_id = fields.Many2one("tile.transit.claim", required=True, index=True, ondelete="cascade")
    move_line_id = fields.Many2one("stock.move.line", "Delivered Line", required=True, ondelete="restrict")
    product_id = fields.Many2one(related="move_line_id.product_id", store=True)
    lot_id = fields.Many2one(related="move_line_id.lot_id", string="Shade Lot", store=True)
    boxes = fields.Integer("Broken Boxes", required=True)
    pieces = fields.Float(compute="_compute_pieces", store=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    value = fields.Monetary(
        compute="_compute_pieces", store=True, help="The broken pieces at the order's price."
    )
    scrap_id = fields.Many2one("stock.scrap", readonly=True)
    replacement_picking_id = fields.Many2one(
        related="scrap_id.tile_replacement_picking_id", string="Replacement"
    )

    @api.depends("boxes", "move_line_id")
    def _compute_pieces(self):
        for line in self:
            tmpl = line.product_id.product_tmpl_id
            line.pieces = line.boxes * (tmpl.tile_pieces_per_box or 1)
            sale_line = line.move_line_id.move_id.sale_line_id
            price = sale_line.price_subtotal / sale_line.product_uom_qty if sale_line.product_uom_qty else 0.0
            line.value = line.pieces * price if sale_line else line.pieces * line.product_id.standard_price

    def _tile_scrap_and_replace(self):
        self.ensure_one()
        picking = self.claim_id.picking_id
        scrap = self.env["stock.scrap"].create(
            {
                "product_id": self.product_id.id,
                "product_uom_id": self.product_id.uom_id.id,
                "lot_id": self.lot_id.id,
                "scrap_qty": self.pieces,
                "picking_id": picking.id,
                # The broken boxes are at the customer's: they are scrapped from there.
                "location_id": picking.location_dest_id.id,
                "company_id": picking.company_id.id,
                "scrap_reason_tag_ids": [(6, 0, self.env.ref("tile_inventory.scrap_reason_carrier").ids)],
                "origin": self.claim_id.name,
            }
        )
        scrap.do_scrap()
        self.scrap_id = scrap
        try:
            with self.env.cr.savepoint():
                scrap.action_tile_replace_from_lot()
        except UserError as exc:
            # No boxes of that shade left: the claim still stands; sales decide with the customer.
            self.claim_id.message_post(body=_("No replacement from the same shade: %s", exc.args[0]))

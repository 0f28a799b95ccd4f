from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.tile_order_base import tile_math


class StockScrap(models.Model):
    _inherit = "stock.scrap"

    tile_is_tile = fields.Boolean(related="product_id.tile_is_tile")
    tile_boxes_free_in_lot = fields.Float(
        "Free Boxes in Lot",
        compute="_compute_tile_boxes_free_in_lot",
        digits=(16, 2),
        help="Boxes of the same lot (same shade) still free to replace the broken ones.",
    )
    tile_replacement_picking_id = fields.Many2one("stock.picking", "Replacement", copy=False, readonly=True)

    @api.depends("lot_id")
    def _compute_tile_boxes_free_in_lot(self):
        for scrap in self:
            lot = scrap.lot_id.with_context(allowed_company_ids=scrap.company_id.ids)
            scrap.tile_boxes_free_in_lot = lot.tile_boxes_free if scrap.tile_is_tile else 0.0

    def action_tile_replace_from_lot(self):
        """Send the customer as many pieces of the same lot as broke on the delivery."""
        self.ensure_one()
        delivery = self.picking_id
        if self.state != "done" or not self.tile_is_tile or not self.lot_id:
            raise UserError(_("Validate the scrap of a tile lot first."))
        if not delivery or delivery.picking_type_code != "outgoing":
            raise UserError(_("Only breakage recorded on a delivery is replaced to the customer."))
        if self.tile_replacement_picking_id:
            raise UserError(_("A replacement was already made: %s.", self.tile_replacement_picking_id.name))
        # Only this company's stock of the lot can replace the boxes.
        free = self.lot_id.with_context(allowed_company_ids=self.company_id.ids).tile_qty_free
        if free < self.scrap_qty:
            tmpl = self.product_id.product_tmpl_id
            raise UserError(
                _(
                    "Lot %(lot)s has only %(free)s boxes free, %(need)s needed: "
                    "no replacement in the same shade. "
                    "Offer the customer the nearest shade or a credit note.",
                    lot=self.lot_id.display_name,
                    free=tile_math.fmt_qty(tile_math.boxes_from_pieces(free, tmpl.tile_pieces_per_box)),
                    need=tile_math.fmt_qty(
                        tile_math.boxes_from_pieces(self.scrap_qty, tmpl.tile_pieces_per_box)
                    ),
                )
            )
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": delivery.picking_type_id.id,
                "partner_id": delivery.partner_id.id,
                "origin": _("Replacement of %s", self.name),
                "group_id": delivery.group_id.id,
                "location_id": delivery.location_id.id,
                "location_dest_id": delivery.location_dest_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": _("Replacement: %s", self.product_id.display_name),
                            "product_id": self.product_id.id,
                            "product_uom_qty": self.scrap_qty,
                            "product_uom": self.product_uom_id.id,
                            "restrict_lot_id": self.lot_id.id,
                            "location_id": delivery.location_id.id,
                            "location_dest_id": delivery.location_dest_id.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        self.tile_replacement_picking_id = picking
        self._message_log(body=_("Replacement %s created from the same lot.", picking.name))
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "res_id": picking.id,
            "view_mode": "form",
        }

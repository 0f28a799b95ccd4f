from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.tile_order_base import tile_bounds, tile_math


class ProductTemplate(models.Model):
    _inherit = "product.template"

    @api.model
    def _tile_bounds(self):
        return dict(super()._tile_bounds(), tile_safety_qty=tile_bounds.SAFETY_QTY)

    @api.onchange("tile_is_tile")
    def _onchange_tile_is_tile_tracking(self):
        # A tile is stocked by lot: one lot = one production batch = one shade.
        if self.tile_is_tile:
            self.is_storable = True
            self.tracking = "lot"

    tile_largest_lot_boxes = fields.Float(
        "Largest Shade Group (boxes)",
        compute="_compute_tile_largest_lot_boxes",
        digits=(16, 2),
        help="The most boxes one single shade group (lots of one shade, caliber and grade) can still serve.",
    )

    def _compute_tile_largest_lot_boxes(self):
        largest = self.env["stock.lot"]._tile_largest_free(self.product_variant_ids)
        for tmpl in self:
            free = max((largest.get(p, 0.0) for p in tmpl.product_variant_ids), default=0.0)
            tmpl.tile_largest_lot_boxes = tile_math.boxes_from_pieces(free, tmpl.tile_pieces_per_box)

    def action_tile_lots(self):
        """Lots of this tile with shade, caliber, grade and what each can still serve."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("tile_inventory.action_tile_lot_availability")
        action["domain"] = [("product_id.product_tmpl_id", "=", self.id)]
        action["context"] = {"default_product_id": self.product_variant_id.id}
        return action

    tile_safety_qty = fields.Float(
        "Safety Stock",
        digits=(16, 2),
        help="Purchasing is alerted when free stock falls below this. Kept as the minimum of the "
        "product's reordering rule in the main warehouse.",
    )
    tile_safety_unit = fields.Selection([("box", "Boxes"), ("m2", "m²")], "Safety Stock In", default="box")

    @api.constrains("tile_safety_qty")
    def _check_tile_safety_qty(self):
        for tmpl in self:
            if tmpl.tile_safety_qty < 0:
                raise ValidationError(_("%s: the safety stock cannot be negative.", tmpl.display_name))

    def _tile_sync_safety_orderpoint(self):
        """Write the safety stock as the minimum of the reordering rule of the main warehouse."""
        # The rule follows the product field: whoever may edit the product may set it.
        Orderpoint = self.env["stock.warehouse.orderpoint"].sudo()
        for tmpl in self.filtered(
            lambda t: t.tile_is_tile and t.is_storable and t.tile_pieces_per_box > 0 and t.product_variant_id
        ):
            warehouse = (
                self.env["stock.warehouse"]
                .sudo()
                .search([("company_id", "=", (tmpl.company_id or self.env.company).id)], limit=1)
            )
            if not warehouse:
                continue
            pieces = tile_math.pieces_from(
                tmpl.tile_safety_qty,
                tmpl.tile_safety_unit or "box",
                tmpl.tile_pieces_per_box,
                tmpl.tile_m2_per_box,
            )
            product = tmpl.product_variant_id
            orderpoint = Orderpoint.search(
                [("product_id", "=", product.id), ("location_id", "=", warehouse.lot_stock_id.id)], limit=1
            )
            if orderpoint:
                orderpoint.write(
                    {"product_min_qty": pieces, "product_max_qty": max(orderpoint.product_max_qty, pieces)}
                )
            elif pieces:
                Orderpoint.create(
                    {
                        "product_id": product.id,
                        "warehouse_id": warehouse.id,
                        "location_id": warehouse.lot_stock_id.id,
                        "product_min_qty": pieces,
                        "product_max_qty": pieces,
                        "trigger": "manual",
                    }
                )

    @api.model_create_multi
    def create(self, vals_list):
        templates = super().create(vals_list)
        # A tile created with its safety stock gets its reordering rule straight away.
        # (Variants created through product.product get it from ProductProduct.create.)
        templates.filtered(
            lambda t: t.tile_safety_qty and t.product_variant_id
        )._tile_sync_safety_orderpoint()
        return templates

    def write(self, vals):
        res = super().write(vals)
        if {"tile_safety_qty", "tile_safety_unit"} & set(vals):
            self._tile_sync_safety_orderpoint()
        return res

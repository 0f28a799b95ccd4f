from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.tile_order_base import tile_math

GRADES = [("premium", "Premium"), ("standard", "Standard"), ("commercial", "Commercial")]
# Attributes fixed once a lot is received; only a stock manager changes them.
TILE_LOT_ATTRIBUTES = ("tile_shade", "tile_caliber", "tile_grade", "tile_production_date", "tile_maker_batch")


class StockLot(models.Model):
    _inherit = "stock.lot"

    tile_is_tile = fields.Boolean(related="product_id.tile_is_tile", store=True)
    tile_shade = fields.Char(
        "Shade", index=True, tracking=True, help="Colour batch (色号) of the production run."
    )
    tile_caliber = fields.Char(
        "Caliber", index=True, tracking=True, help="Actual size class (尺码) of the run."
    )
    tile_grade = fields.Selection(GRADES, "Grade", index=True, tracking=True)
    tile_production_date = fields.Date("Production Date", tracking=True)
    tile_maker_batch = fields.Char("Maker's Batch", tracking=True)
    tile_qty_on_hand = fields.Float("On Hand (pcs)", compute="_compute_tile_availability", digits=(16, 0))
    tile_qty_reserved = fields.Float("Reserved (pcs)", compute="_compute_tile_availability", digits=(16, 0))
    tile_qty_held = fields.Float("Held (pcs)", compute="_compute_tile_availability", digits=(16, 0))
    tile_boxes_held = fields.Float("Held Boxes", compute="_compute_tile_availability", digits=(16, 2))
    tile_qty_free = fields.Float("Free (pcs)", compute="_compute_tile_availability", digits=(16, 0))
    tile_boxes_free = fields.Float("Free Boxes", compute="_compute_tile_availability", digits=(16, 2))
    tile_m2_free = fields.Float("Free m²", compute="_compute_tile_availability", digits=(16, 2))
    tile_boxes_on_hand = fields.Float("Boxes on Hand", compute="_compute_tile_availability", digits=(16, 2))

    @api.model
    def _tile_largest_free(self, products):
        """{product: largest free pieces one single lot of it can still serve}.

        One aggregate query: a tile may have thousands of lots.
        """
        if not products:
            return {}
        self.env["stock.quant"].flush_model()
        self.env["tile.stock.hold"].flush_model()
        self.env.cr.execute(
            """SELECT per_lot.product_id, MAX(per_lot.free - COALESCE(held.qty, 0))
                 FROM (SELECT q.product_id, q.lot_id, SUM(q.quantity - q.reserved_quantity) AS free
                         FROM stock_quant q
                         JOIN stock_location loc ON loc.id = q.location_id AND loc.usage = 'internal'
                        WHERE q.product_id = ANY(%s) AND q.lot_id IS NOT NULL
                          AND q.company_id = ANY(%s)
                     GROUP BY q.product_id, q.lot_id) per_lot
            LEFT JOIN (SELECT lot_id, SUM(quantity) AS qty FROM tile_stock_hold
                        WHERE state = 'active' GROUP BY lot_id) held ON held.lot_id = per_lot.lot_id
             GROUP BY per_lot.product_id""",
            [products.ids, self.env.companies.ids],
        )
        by_id = dict(self.env.cr.fetchall())
        return {product: max(by_id.get(product.id) or 0.0, 0.0) for product in products}

    def _tile_stock_domain(self):
        """Quants counted in a lot's availability; extend to change the locations."""
        return [("lot_id", "in", self.ids), ("location_id.usage", "=", "internal")]

    @api.depends_context("company", "tile_hold_exclude")
    def _compute_tile_availability(self):
        groups = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(self._tile_stock_domain(), ["lot_id"], ["quantity:sum", "reserved_quantity:sum"])
        )
        per_lot = {lot: (qty, reserved) for lot, qty, reserved in groups}
        hold_domain = [("lot_id", "in", self.ids), ("state", "=", "active")]
        if self.env.context.get("tile_hold_exclude"):
            hold_domain.append(("id", "!=", self.env.context["tile_hold_exclude"]))
        held = dict(self.env["tile.stock.hold"].sudo()._read_group(hold_domain, ["lot_id"], ["quantity:sum"]))
        for lot in self:
            on_hand, reserved = per_lot.get(lot, (0.0, 0.0))
            lot_held = held.get(lot, 0.0)
            free = max(on_hand - reserved - lot_held, 0.0)
            tmpl = lot.product_id.product_tmpl_id
            lot.tile_qty_on_hand = on_hand
            lot.tile_qty_reserved = reserved
            lot.tile_qty_held = lot_held
            lot.tile_boxes_held = tile_math.boxes_from_pieces(lot_held, tmpl.tile_pieces_per_box)
            lot.tile_qty_free = free
            lot.tile_boxes_free = tile_math.boxes_from_pieces(free, tmpl.tile_pieces_per_box)
            lot.tile_m2_free = tile_math.m2_from_pieces(free, tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box)
            lot.tile_boxes_on_hand = tile_math.boxes_from_pieces(on_hand, tmpl.tile_pieces_per_box)

    @api.depends("name", "tile_shade", "tile_caliber", "tile_grade")
    def _compute_display_name(self):
        res = super()._compute_display_name()
        for lot in self.filtered(lambda lt: lt.tile_shade or lt.tile_caliber):
            parts = [
                lot.tile_shade and _("shade %s", lot.tile_shade),
                lot.tile_caliber and _("cal. %s", lot.tile_caliber),
            ]
            lot.display_name = f"{lot.name} ({', '.join(filter(None, parts))})"
        return res

    def write(self, vals):
        changed = [name for name in TILE_LOT_ATTRIBUTES if name in vals]
        if changed and not self.env.su and not self.env.user.has_group("stock.group_stock_manager"):
            fixed = self.filtered(lambda lot: any(lot[name] for name in changed))
            if fixed:
                raise AccessError(
                    _(
                        "Shade, caliber and grade of lot %s are fixed once received. "
                        "Ask a stock manager to correct them.",
                        fixed[0].name,
                    )
                )
        return super().write(vals)

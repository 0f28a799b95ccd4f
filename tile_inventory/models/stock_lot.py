from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from odoo.addons.tile_order_base import tile_math

from ..allocation import KEY_SEPARATOR, LotOption, shade_group_key, shade_groups

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
    tile_shade_group = fields.Char(
        "Shade Group",
        compute="_compute_tile_shade_group",
        store=True,
        index=True,
        help="Lots of one product with the same shade, caliber and grade: they can be laid side by side.",
    )
    tile_qty_on_hand = fields.Float("On Hand (pcs)", compute="_compute_tile_availability", digits=(16, 0))
    tile_qty_reserved = fields.Float("Reserved (pcs)", compute="_compute_tile_availability", digits=(16, 0))
    tile_qty_promised = fields.Float(
        "Promised (pcs)",
        compute="_compute_tile_availability",
        digits=(16, 0),
        help="Allocated to confirmed orders and not reserved yet (manual reservation, or a delivery "
        "waiting on another operation).",
    )
    tile_qty_held = fields.Float("Held (pcs)", compute="_compute_tile_availability", digits=(16, 0))
    tile_boxes_held = fields.Float("Held Boxes", compute="_compute_tile_availability", digits=(16, 2))
    tile_qty_free = fields.Float("Free (pcs)", compute="_compute_tile_availability", digits=(16, 0))
    tile_boxes_free = fields.Float("Free Boxes", compute="_compute_tile_availability", digits=(16, 2))
    tile_m2_free = fields.Float("Free m²", compute="_compute_tile_availability", digits=(16, 2))
    tile_boxes_on_hand = fields.Float("Boxes on Hand", compute="_compute_tile_availability", digits=(16, 2))

    @api.depends("tile_shade", "tile_caliber", "tile_grade")
    def _compute_tile_shade_group(self):
        grades = dict(self._fields["tile_grade"]._description_selection(self.env))
        for lot in self:
            if not lot.tile_shade:
                lot.tile_shade_group = False
                continue
            parts = [
                lot.tile_shade,
                lot.tile_caliber and _("cal. %s", lot.tile_caliber),
                grades.get(lot.tile_grade),
            ]
            lot.tile_shade_group = " / ".join(filter(None, parts))

    def _tile_group_key(self):
        """The shade group this lot belongs to (see allocation.shade_group_key)."""
        self.ensure_one()
        return shade_group_key(self.tile_shade, self.tile_caliber, self.tile_grade)

    @api.model
    def _tile_free_rows(self, products=None, lots=None, location_ids=None, company_ids=None, detail=False):
        """Per lot: (product_id, lot_id, free, shade group key, age), or with ``detail``
        (product_id, lot_id, on hand, reserved, promised).

        Quantities are pieces in ``location_ids`` (or every internal location of
        ``company_ids``). Free = on hand − reserved − promised, where *promised* is
        what confirmed orders were allocated from the lot and is not reserved yet: it
        must count against the lot, or two orders can both be confirmed on the same
        boxes. One aggregate query: a tile may have thousands of lots. Holds are left
        to the callers (they know whose).
        """
        where, move_where = [SQL("q.lot_id IS NOT NULL")], [SQL("m.restrict_lot_id IS NOT NULL")]
        if products is not None:
            where.append(SQL("q.product_id = ANY(%s)", products.ids))
            move_where.append(SQL("m.product_id = ANY(%s)", products.ids))
        if lots is not None:
            where.append(SQL("q.lot_id = ANY(%s)", lots.ids))
            move_where.append(SQL("m.restrict_lot_id = ANY(%s)", lots.ids))
        if location_ids is not None:
            where.append(SQL("q.location_id = ANY(%s)", list(location_ids)))
            move_where.append(SQL("m.location_id = ANY(%s)", list(location_ids)))
        else:
            internal = SQL(
                "SELECT id FROM stock_location WHERE usage = 'internal' AND company_id = ANY(%s)",
                list(company_ids or self.env.companies.ids),
            )
            where.append(SQL("q.location_id IN (%s)", internal))
            move_where.append(SQL("m.location_id IN (%s)", internal))
        if detail:
            columns = SQL("s.product_id, s.lot_id, s.on_hand, s.reserved, COALESCE(p.qty, 0)")
        else:
            columns = SQL(
                """s.product_id, s.lot_id, s.on_hand - s.reserved - COALESCE(p.qty, 0),
                   concat_ws(%s, COALESCE(l.tile_shade, ''), COALESCE(l.tile_caliber, ''),
                             COALESCE(l.tile_grade, '')),
                   COALESCE(l.tile_production_date, l.create_date::date)""",
                KEY_SEPARATOR,
            )
        self.env["stock.quant"].flush_model(
            ["product_id", "lot_id", "location_id", "quantity", "reserved_quantity"]
        )
        self.env["stock.move"].flush_model(
            ["product_id", "restrict_lot_id", "location_id", "state", "product_qty"]
        )
        self.env["stock.move.line"].flush_model(["move_id", "quantity_product_uom"])
        self.flush_model(["tile_shade", "tile_caliber", "tile_grade", "tile_production_date"])
        self.env.cr.execute(
            SQL(
                """
            WITH stock AS (
                SELECT q.product_id, q.lot_id, SUM(q.quantity) AS on_hand,
                       SUM(q.reserved_quantity) AS reserved
                  FROM stock_quant q
                 WHERE %s
              GROUP BY q.product_id, q.lot_id
            ), promised AS (
                SELECT m.restrict_lot_id AS lot_id,
                       SUM(GREATEST(m.product_qty - COALESCE(
                           (SELECT SUM(ml.quantity_product_uom)
                              FROM stock_move_line ml WHERE ml.move_id = m.id), 0), 0)) AS qty
                  FROM stock_move m
                 WHERE m.state NOT IN ('draft', 'cancel', 'done') AND %s
              GROUP BY m.restrict_lot_id
            )
            SELECT %s
              FROM stock s
              JOIN stock_lot l ON l.id = s.lot_id
         LEFT JOIN promised p ON p.lot_id = s.lot_id
            """,
                SQL(" AND ").join(where),
                SQL(" AND ").join(move_where),
                columns,
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _tile_held_by_lot(self, products=None, lots=None, company_ids=None, exclude_hold_ids=()):
        """{lot_id: pieces held} of active holds on ``products`` or ``lots`` in ``company_ids``."""
        self.env["tile.stock.hold"].flush_model(["lot_id", "product_id", "quantity", "state", "company_id"])
        where = [
            SQL("state = 'active'"),
            SQL("company_id = ANY(%s)", list(company_ids or self.env.companies.ids)),
            SQL("NOT id = ANY(%s)", list(exclude_hold_ids)),
        ]
        if products is not None:
            where.append(SQL("product_id = ANY(%s)", products.ids))
        if lots is not None:
            where.append(SQL("lot_id = ANY(%s)", lots.ids))
        self.env.cr.execute(
            SQL(
                "SELECT lot_id, SUM(quantity) FROM tile_stock_hold WHERE %s GROUP BY lot_id",
                SQL(" AND ").join(where),
            )
        )
        return dict(self.env.cr.fetchall())

    @api.model
    def _tile_largest_free(self, products):
        """{product: largest free pieces one single shade group of it can still serve}."""
        if not products:
            return {}
        held = self._tile_held_by_lot(products=products)
        options = defaultdict(list)
        for product_id, lot_id, free, key, age in self._tile_free_rows(products=products):
            options[product_id].append(LotOption(lot_id, free - held.get(lot_id, 0.0), 2, age, key))
        largest = {}
        for product in products:
            groups = shade_groups(options.get(product.id, []))
            largest[product] = max((group.free for group in groups), default=0.0)
        return largest

    @api.depends_context("company", "allowed_company_ids", "tile_hold_exclude")
    def _compute_tile_availability(self):
        rows = self._tile_free_rows(lots=self, detail=True) if self.ids else []
        per_lot = {row[1]: row[2:5] for row in rows}
        exclude = [self.env.context["tile_hold_exclude"]] if self.env.context.get("tile_hold_exclude") else []
        held = self._tile_held_by_lot(lots=self, exclude_hold_ids=exclude) if self.ids else {}
        for lot in self:
            on_hand, reserved, promised = per_lot.get(lot.id, (0.0, 0.0, 0.0))
            lot_held = held.get(lot.id, 0.0)
            free = max(on_hand - reserved - promised - lot_held, 0.0)
            tmpl = lot.product_id.product_tmpl_id
            lot.tile_qty_on_hand = on_hand
            lot.tile_qty_reserved = reserved
            lot.tile_qty_promised = promised
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

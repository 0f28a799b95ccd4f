from collections import defaultdict

from markupsafe import Markup

from odoo import _, fields, models
from odoo.exceptions import UserError

from odoo.addons.tile_order_base import tile_math

from ..allocation import LotOption, best_options, choose_lot, split_plan, take


class SaleOrder(models.Model):
    _inherit = "sale.order"

    tile_shade_scope = fields.Selection(
        [("line", "Each line"), ("room", "Each room"), ("order", "Whole order")],
        "One Shade For",
        default="room",
        required=True,
        help="Which lines must come from one lot (one shade and caliber) when the order is confirmed.",
    )
    tile_split_reason = fields.Text(
        "Reason to Mix Lots",
        copy=False,
        help="Only for users allowed to override shades: why a line may be served from several lots.",
    )

    def action_confirm(self):
        for order in self.filtered(lambda so: so.state in ("draft", "sent")):
            order._tile_allocate_lots()
        return super().action_confirm()

    def _tile_allocation_locations(self):
        """Where lots are looked for: the stock of the order's warehouse."""
        self.ensure_one()
        return self.warehouse_id.lot_stock_id

    def _tile_lines_to_allocate(self):
        return self.order_line.filtered(
            lambda sol: not sol.display_type
            and sol.tile_is_tile
            and sol.product_id.tracking == "lot"
            and not sol.lot_id
            and sol.product_uom_qty > 0
        )

    def _tile_lot_options(self, products):
        """{product: [LotOption]} of free quantities, with the quants locked.

        The row lock makes two orders confirmed at the same moment queue up: the
        second sees the first one's reservation and gets the 'no single lot' message.
        """
        locations = self.env["stock.location"].search(
            [("id", "child_of", self._tile_allocation_locations().ids)]
        )
        self.env["stock.quant"].flush_model()
        self.env.cr.execute(
            """SELECT id FROM stock_quant
                WHERE product_id = ANY(%s) AND location_id = ANY(%s) AND lot_id IS NOT NULL
                ORDER BY id FOR UPDATE""",
            [products.ids, locations.ids],
        )
        # One aggregate query, no record per lot: allocation must stay fast with
        # thousands of lots per tile (an ORM read of each lot would not).
        self.env["stock.lot"].flush_model(["tile_production_date"])
        self.env.cr.execute(
            """SELECT q.product_id, q.lot_id,
                      SUM(q.quantity) - SUM(q.reserved_quantity),
                      COALESCE(l.tile_production_date, l.create_date::date)
                 FROM stock_quant q
                 JOIN stock_lot l ON l.id = q.lot_id
                WHERE q.product_id = ANY(%s) AND q.location_id = ANY(%s)
             GROUP BY q.product_id, q.lot_id, l.tile_production_date, l.create_date""",
            [products.ids, locations.ids],
        )
        rows = self.env.cr.fetchall()
        preferred = set(self._tile_preferred_lots(products).ids)
        mine = self._tile_own_holds(products)
        mine_lots = set(mine.lot_id.ids)
        held_by_others = defaultdict(float)
        for hold in self._tile_active_holds(products) - mine:
            held_by_others[hold.lot_id.id] += hold.quantity
        product_by_id = {product.id: product for product in products}
        options = defaultdict(list)
        for product_id, lot_id, free, age in rows:
            rank = 0 if lot_id in mine_lots else 1 if lot_id in preferred else 2
            options[product_by_id[product_id]].append(
                LotOption(lot_id, free - held_by_others[lot_id], rank, age)
            )
        return options

    def _tile_active_holds(self, products):
        return (
            self.env["tile.stock.hold"]
            .sudo()
            .search([("product_id", "in", products.ids), ("state", "=", "active")])
        )

    def _tile_own_holds(self, products):
        """Holds made for this quotation, or for this customer without a quotation."""
        self.ensure_one()
        return self._tile_active_holds(products).filtered(
            lambda hold: hold.order_id == self
            or (
                not hold.order_id
                and hold.partner_id.commercial_partner_id == self.partner_id.commercial_partner_id
            )
        )

    def _tile_preferred_lots(self, products):
        """Lots this customer bought before (a re-order should match the old shade)."""
        self.ensure_one()
        earlier = (
            self.env["sale.order.line"]
            .sudo()
            .search(
                [
                    ("order_id.partner_id", "child_of", self.partner_id.commercial_partner_id.id),
                    ("order_id", "!=", self.id),
                    ("state", "=", "sale"),
                    ("product_id", "in", products.ids),
                    ("lot_id", "!=", False),
                ]
            )
        )
        return earlier.lot_id

    def _tile_allocate_lots(self):
        """Serve each group of tile lines from one lot; refuse, or split with a reason, when none fits."""
        self.ensure_one()
        lines = self._tile_lines_to_allocate()
        if not lines:
            return
        options = self._tile_lot_options(lines.product_id)
        groups = defaultdict(lambda: self.env["sale.order.line"])
        for line in lines:
            groups[(line._tile_allocation_key(), line.product_id)] |= line
        assignments, splits, problems = {}, {}, []
        for (_key, product), group in groups.items():
            qty = sum(group.mapped("product_uom_qty"))
            chosen = choose_lot(options[product], qty)
            if chosen:
                assignments[group] = chosen
                options[product] = take(options[product], [(chosen.lot_id, qty)])
                continue
            plan = split_plan(options[product], qty) if len(group) == 1 else None
            if plan and self._tile_may_split():
                splits[group] = plan
                options[product] = take(options[product], plan)
                continue
            problems.append(self._tile_no_lot_message(group, qty, options[product], plan))
        if problems:
            raise UserError("\n\n".join(problems))
        for group, chosen in assignments.items():
            group.write({"lot_id": chosen.lot_id})
        if assignments:
            self._tile_post_allocation(assignments)
        # A hold turns into the reservation the confirmation makes.
        own = self._tile_own_holds(lines.product_id)
        own.filtered(lambda hold: hold.lot_id in lines.lot_id).write({"state": "done"})
        for line, plan in splits.items():
            self._tile_split_line(line, plan)

    def _tile_post_allocation(self, assignments):
        """Say in the chatter which lot serves which lines, and why that one."""
        reasons = {
            0: _("held for this customer"),
            1: _("the shade this customer bought before"),
            2: _("the smallest lot that covers it (bigger lots stay whole)"),
        }
        items = Markup("").join(
            Markup("<li>%s → %s: %s</li>")
            % (
                ", ".join(group.mapped(lambda sol: sol.tile_room_id.name or sol.product_id.display_name)),
                group.lot_id.display_name,
                reasons.get(chosen.preferred, ""),
            )
            for group, chosen in assignments.items()
        )
        self.message_post(body=Markup("%s<ul>%s</ul>") % (_("One shade per group, lots chosen:"), items))

    def _tile_may_split(self):
        """Whether this user may serve a line from several lots; a reason is required."""
        if not self.env.user.has_group("tile_inventory.group_shade_override"):
            return False
        if not (self.tile_split_reason or "").strip():
            raise UserError(
                _(
                    "No single lot covers a line of %s. You may split it across lots, but first write "
                    "the reason in 'Reason to Mix Lots' (it goes into the order's history).",
                    self.name,
                )
            )
        return True

    def _tile_no_lot_message(self, group, qty, options, plan):
        line = group[:1]
        tmpl = line.product_id.product_tmpl_id
        pcs, m2 = tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box
        lots = self.env["stock.lot"].browse([opt.lot_id for opt in best_options(options)])
        free_by_lot = {opt.lot_id: opt.free for opt in options}
        best = "; ".join(
            self.env._(
                "%(lot)s: %(boxes)s boxes (%(m2)s m²) free",
                lot=lot.display_name,
                boxes=tile_math.fmt_qty(tile_math.boxes_from_pieces(free_by_lot[lot.id], pcs)),
                m2=tile_math.fmt_qty(tile_math.m2_from_pieces(free_by_lot[lot.id], pcs, m2)),
            )
            for lot in lots
        ) or _("no free stock")
        message = _(
            "No single lot of %(product)s covers %(boxes)s boxes (%(m2)s m²) for %(group)s. "
            "Largest lots: %(best)s.",
            product=line.product_id.display_name,
            boxes=tile_math.fmt_qty(tile_math.boxes_from_pieces(qty, pcs)),
            m2=tile_math.fmt_qty(tile_math.m2_from_pieces(qty, pcs, m2)),
            group=line._tile_group_label(),
            best=best,
        )
        if plan:
            message += " " + _(
                "Splitting would mix %(count)s lots (shades) on one floor; only a user allowed to "
                "override shades can do it, with a reason.",
                count=len(plan),
            )
        else:
            message += " " + _(
                "Even all lots together do not cover it: reduce the quantity or wait for stock."
            )
        return message

    def _tile_split_line(self, line, plan):
        """Serve ``line`` from several lots: one order line per lot, reason in the chatter."""
        lots = self.env["stock.lot"].browse([lot_id for lot_id, _qty in plan])
        first_lot, first_qty = plan[0]
        for lot_id, qty in plan[1:]:
            line.copy({"order_id": self.id, "product_uom_qty": qty, "tile_entry_qty": 0.0, "lot_id": lot_id})
        line.write({"product_uom_qty": first_qty, "tile_entry_qty": 0.0, "lot_id": first_lot})
        self.message_post(
            body=_(
                "%(product)s served from %(count)s lots (%(lots)s) by %(user)s. Reason: %(reason)s",
                product=line.product_id.display_name,
                count=len(plan),
                lots=", ".join(lots.mapped("display_name")),
                user=self.env.user.name,
                reason=self.tile_split_reason,
            )
        )

import logging
from collections import defaultdict

from markupsafe import Markup
from psycopg2.errors import SerializationFailure

from odoo import _, fields, models
from odoo.exceptions import UserError

from odoo.addons.tile_order_base import tile_math

from ..allocation import (
    LotOption,
    assign_lines,
    best_groups,
    choose_group,
    mix_plan,
    take,
)

_logger = logging.getLogger(__name__)

# How many lots a message names per shade group.
LOTS_NAMED = 3
# How many times a confirmation moves lines off lots other confirmations are taking.
CLAIM_ATTEMPTS = 3


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
        res = super().action_confirm()
        # Confirmed orders take free stock: a tile may have just fallen below its minimum.
        self.env["stock.warehouse.orderpoint"]._tile_trigger_safety_check(self.order_line.product_id)
        return res

    def _tile_confirm_summary(self):
        parts = super()._tile_confirm_summary()
        lots = self.order_line.lot_id
        if lots:
            parts.append(
                self.env._(
                    "lots %(lots)s",
                    lots=", ".join(
                        lot.name + (f" ({lot.tile_shade})" if lot.tile_shade else "") for lot in lots
                    ),
                )
            )
        return parts

    def _tile_allocation_locations(self):
        """Where lots are looked for: the stock of the order's warehouse."""
        self.ensure_one()
        return self.warehouse_id.lot_stock_id

    def _tile_lines_to_allocate(self):
        """Tile lines served by lot, those with a lot chosen by hand included."""
        return self.order_line.filtered(
            lambda sol: not sol.display_type
            and sol.tile_is_tile
            and sol.product_id.tracking == "lot"
            and sol.product_uom_qty > 0
        )

    def _tile_lot_options(self, products):
        """{product: [LotOption]}: what each lot can still give this order, by shade group.

        Free = on hand − reserved − promised to other confirmed orders − held for
        others. Nothing is locked here: only the lots finally taken are (see
        _tile_lock_lots), so orders for different shades never wait for each other.
        """
        locations = self._tile_allocation_location_ids()
        Lot = self.env["stock.lot"]
        rows = Lot._tile_free_rows(products=products, location_ids=locations)
        preferred = set(self._tile_preferred_lots(products).ids)
        mine = self._tile_own_holds(products)
        mine_lots = set(mine.lot_id.ids)
        held_by_others = Lot._tile_held_by_lot(
            products=products, company_ids=self.company_id.ids, exclude_hold_ids=mine.ids
        )
        product_by_id = {product.id: product for product in products}
        options = defaultdict(list)
        for product_id, lot_id, free, key, age in rows:
            rank = 0 if lot_id in mine_lots else 1 if lot_id in preferred else 2
            if lot_id in held_by_others:
                free -= held_by_others[lot_id]
            options[product_by_id[product_id]].append(LotOption(lot_id, free, rank, age, key))
        return options

    def _tile_allocation_location_ids(self):
        """Ids of the locations searched for lots (the warehouse's stock and below)."""
        self.ensure_one()
        return list(
            self.env["stock.location"]
            .sudo()
            ._search([("id", "child_of", self._tile_allocation_locations().ids)])
            .get_result_ids()
        )

    def _tile_lock_lots(self, lot_ids, skip_locked=False):
        """Claim the quants of the lots taken, so that a concurrent allocation from them fails.

        Odoo runs requests in REPEATABLE READ: a transaction that computed its free
        stock before ours committed gets a serialization failure on these rows and
        is replayed on fresh data (odoo.service.model.retrying). Quants of other lots,
        shades and products stay untouched.

        With ``skip_locked`` nothing fails or waits: the lots whose quants another
        transaction holds right now, or changed since this one read them, are left
        alone and returned (busy lots); the others are claimed.
        """
        if not lot_ids:
            return set()
        self.env["stock.quant"].flush_model()
        lots, locations = sorted(set(lot_ids)), self._tile_allocation_location_ids()
        if not skip_locked:
            self.env.cr.execute(
                """UPDATE stock_quant SET lot_id = lot_id
                    WHERE id IN (SELECT id FROM stock_quant
                                  WHERE lot_id = ANY(%s) AND location_id = ANY(%s)
                               ORDER BY id FOR UPDATE)""",
                [lots, locations],
            )
            return set()
        try:
            return self._tile_claim_quants(lots, locations)
        except SerializationFailure:
            # Some lot changed since this transaction read the stock (another order took
            # from it and committed): its figures here are old. Find which, lot by lot.
            busy = set()
            for lot_id in lots:
                try:
                    busy |= self._tile_claim_quants([lot_id], locations)
                except SerializationFailure:
                    busy.add(lot_id)
            return busy

    def _tile_claim_quants(self, lots, locations):
        """Claim the quants of ``lots`` others do not hold; the lots some of whose quants they do.

        In a savepoint: a serialization failure (a lot changed since this transaction
        read it) undoes just this claim, and the caller decides.
        """
        cr = self.env.cr
        with cr.savepoint(flush=False):
            # Written, not only locked: a row merely locked by a transaction that has since
            # committed gives no serialization failure to the ones that read before it.
            cr.execute(
                """WITH claimed AS (
                       UPDATE stock_quant SET lot_id = lot_id
                        WHERE id IN (SELECT id FROM stock_quant
                                      WHERE lot_id = ANY(%(lots)s) AND location_id = ANY(%(locations)s)
                                   ORDER BY id FOR UPDATE SKIP LOCKED)
                    RETURNING id)
                   SELECT DISTINCT lot_id FROM stock_quant
                    WHERE lot_id = ANY(%(lots)s) AND location_id = ANY(%(locations)s)
                      AND id NOT IN (SELECT id FROM claimed)""",
                {"lots": lots, "locations": locations},
                log_exceptions=False,
            )
            return {lot_id for (lot_id,) in cr.fetchall()}

    def _tile_claim_lots(self, decisions, options, lines):
        """Lock the lots of ``decisions`` [(lines, plan, rank)]; the decisions finally locked.

        A lot that another confirmation is taking right now, or took from since this
        one read the stock, is not waited for: its lines get the next shade group that
        serves them alone, as Odoo's own reservation skips quants others hold (waiting
        would end in a replay of the whole request, after a pause of up to seconds).
        Lines served by rank (the smallest group that fits) may move to any group,
        re-orders only to another lot of a shade group the customer bought before;
        lines held, mixed or with a lot chosen by hand keep their lots and wait for
        them (a changed lot: the request is replayed on fresh stock), and so does
        everything when nothing else fits.
        """
        hand_lots = set(lines.lot_id.ids)
        hand_products = lines.filtered("lot_id").product_id
        current, busy = decisions, set()
        for _attempt in range(CLAIM_ATTEMPTS):
            wanted = {lot_id for _grp, plan, _r in current for lot_id, _q in plan} | hand_lots
            newly_busy = self._tile_lock_lots(wanted, skip_locked=True)
            if not newly_busy:
                return current
            busy |= newly_busy
            moved = []
            for group, plan, rank in current:
                if busy.isdisjoint(lot_id for lot_id, _q in plan):
                    moved.append((group, plan, rank))
                    continue
                product = group.product_id
                if rank not in (1, 2, "busy") or hand_lots & busy or product in hand_products:
                    break
                free = [opt for opt in options[product] if opt.lot_id not in busy]
                if rank == 1:
                    # A re-order keeps to shade groups the customer bought before.
                    keys = {opt.group for opt in options[product] if opt.preferred <= 1}
                    free = [opt for opt in free if opt.group in keys]
                chosen = choose_group(free, sum(group.mapped("product_uom_qty")))
                if not chosen:
                    break
                options[product] = take(options[product], chosen[1])
                moved.append((group, chosen[1], 1 if rank == 1 else "busy"))
            else:
                current = moved
                continue
            break
        _logger.info(
            "%s waits for lots %s that another confirmation is taking (plans ranked %s)",
            self.name,
            sorted(busy),
            sorted({str(rank) for _grp, _plan, rank in current}),
        )
        self._tile_lock_lots({lot_id for _grp, plan, _r in decisions for lot_id, _q in plan} | hand_lots)
        return decisions

    def _tile_active_holds(self, products):
        return (
            self.env["tile.stock.hold"]
            .sudo()
            .search(
                [
                    ("product_id", "in", products.ids),
                    ("state", "=", "active"),
                    ("company_id", "=", self.company_id.id),
                ]
            )
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
                    ("company_id", "=", self.company_id.id),
                    ("state", "=", "sale"),
                    ("product_id", "in", products.ids),
                    ("lot_id", "!=", False),
                ]
            )
        )
        return earlier.lot_id

    def _tile_allocate_lots(self):
        """Serve each group of tile lines from one shade group; refuse, or mix with a reason."""
        self.ensure_one()
        lines = self._tile_lines_to_allocate()
        if not lines:
            return
        options = self._tile_lot_options(lines.product_id)
        groups = defaultdict(lambda: self.env["sale.order.line"])
        for line in lines:
            groups[(line._tile_allocation_key(), line.product_id)] |= line
        decisions, problems = [], []
        for (_key, product), group in groups.items():
            plan, rank, problem = self._tile_plan_group(group, options, product)
            if problem:
                problems.append(problem)
            elif plan is not None:
                decisions.append((group.filtered(lambda sol: not sol.lot_id), plan, rank))
        if problems:
            raise UserError("\n\n".join(problems))
        decisions = self._tile_claim_lots(decisions, options, lines)
        for group, plan, _rank in decisions:
            self._tile_assign(group, plan)
        if decisions:
            self._tile_post_allocation(decisions)
        self._tile_consume_holds(self._tile_own_holds(lines.product_id), lines)

    def _tile_consume_holds(self, holds, lines):
        """The holds of this order once ``lines`` took their lots (extend for other kinds of hold)."""
        # A hold turns into the reservation the confirmation makes.
        holds.filtered(lambda hold: hold.lot_id in lines.lot_id).write({"state": "done"})

    def _tile_plan_group(self, group, options, product):
        """(plan, rank, problem) for one group of lines; takes the plan off ``options``.

        Lines whose lot was chosen by hand stay on it and fix the group's shade group:
        the other lines must come from the same one, and lots chosen by hand in two
        shade groups are mixing too.
        """
        may_mix = self.env.user.has_group("tile_inventory.group_shade_override")
        opts = options[product]
        fixed, todo = group.filtered("lot_id"), group.filtered(lambda sol: not sol.lot_id)
        keys = None
        if fixed:
            by_lot = {opt.lot_id: opt for opt in opts}
            fixed_plan = [(sol.lot_id.id, sol.product_uom_qty) for sol in fixed]
            for lot in fixed.lot_id:
                needed = sum(fixed.filtered(lambda sol, lot=lot: sol.lot_id == lot).mapped("product_uom_qty"))
                free = by_lot[lot.id].free if lot.id in by_lot else 0.0
                if needed > free + 1e-6:
                    return None, None, self._tile_hand_lot_message(lot, needed, free)
            keys = {lot._tile_group_key() for lot in fixed.lot_id}
            if len(keys) > 1:
                if not may_mix:
                    return None, None, self._tile_hand_mix_message(group, fixed.lot_id)
                self._tile_may_split()  # a reason is required
            opts = take(opts, fixed_plan)
        options[product] = opts
        if not todo:
            return None, None, None
        qty = sum(todo.mapped("product_uom_qty"))
        chosen = choose_group(opts, qty, keys)
        if chosen:
            key, plan = chosen
            rank = min(opt.preferred for opt in opts if opt.group == key)
            options[product] = take(opts, plan)
            return plan, rank, None
        mix = mix_plan(opts, qty)
        if mix and may_mix:
            self._tile_may_split()  # a reason is required
            options[product] = take(opts, mix[0])
            return mix[0], "mixed", None
        return None, None, self._tile_no_lot_message(todo, qty, opts, mix, keys)

    def _tile_assign(self, lines, plan):
        """Put the plan's lots on ``lines``; a line split where a lot runs out (one line per lot)."""
        parts = assign_lines(lines.mapped("product_uom_qty"), plan)
        first_part = {}
        for index, lot_id, qty in parts:
            line = lines[index]
            if index not in first_part:
                first_part[index] = (lot_id, qty)
                continue
            line.copy({"order_id": self.id, "product_uom_qty": qty, "tile_entry_qty": 0.0, "lot_id": lot_id})
        for index, (lot_id, qty) in first_part.items():
            line = lines[index]
            vals = {"lot_id": lot_id}
            if abs(qty - line.product_uom_qty) > 1e-6:
                vals.update(product_uom_qty=qty, tile_entry_qty=0.0)
            line.write(vals)

    def _tile_post_allocation(self, decisions):
        """Say in the chatter which lots serve which lines, and why those."""
        reasons = {
            0: _("held for this customer"),
            1: _("the shade this customer bought before"),
            2: _("the smallest shade group that covers it (bigger ones stay whole)"),
            "busy": _(
                "the smallest shade group that covers it among those no other order was taking "
                "at that moment"
            ),
            "mixed": _(
                "shades mixed by %(user)s. Reason: %(reason)s",
                user=self.env.user.name,
                reason=self.tile_split_reason,
            ),
        }
        Lot = self.env["stock.lot"]
        items = Markup("").join(
            Markup("<li>%s → %s: %s</li>")
            % (
                ", ".join(
                    dict.fromkeys(
                        lines.mapped(lambda sol: sol.tile_room_id.name or sol.product_id.display_name)
                    )
                ),
                ", ".join(Lot.browse([lot_id for lot_id, _qty in plan]).mapped("display_name")),
                reasons.get(rank, ""),
            )
            for lines, plan, rank in decisions
        )
        # A log note, not a message: it needs no sender e-mail and notifies nobody.
        self._message_log(
            body=Markup("%s<ul>%s</ul>") % (_("One shade group per group of lines, lots chosen:"), items)
        )

    def _tile_may_split(self):
        """Whether this user may mix shade groups on a group of lines; a reason is required."""
        if not self.env.user.has_group("tile_inventory.group_shade_override"):
            return False
        if not (self.tile_split_reason or "").strip():
            raise UserError(
                _(
                    "No single shade group covers a group of lines of %s. You may mix shades, but "
                    "first write the reason in 'Reason to Mix Lots' (it goes into the order's history).",
                    self.name,
                )
            )
        return True

    def _tile_group_text(self, product, group):
        """'S1 / cal. 1 / Premium: 63 boxes (90.72 m²) free in lots S1-B, S1-A' for a GroupOption."""
        tmpl = product.product_tmpl_id
        pcs, m2 = tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box
        lots = self.env["stock.lot"].browse(
            [opt.lot_id for opt in sorted(group.lots, key=lambda opt: -opt.free)][:LOTS_NAMED]
        )
        names = ", ".join(lots.mapped("name"))
        if len(group.lots) > LOTS_NAMED:
            names += " " + self.env._("and %s more", len(group.lots) - LOTS_NAMED)
        return self.env._(
            "%(group)s: %(boxes)s boxes (%(m2)s m²) free in lots %(lots)s",
            group=lots[:1].tile_shade_group or self.env._("no shade"),
            boxes=tile_math.fmt_qty(tile_math.boxes_from_pieces(group.free, pcs)),
            m2=tile_math.fmt_qty(tile_math.m2_from_pieces(group.free, pcs, m2)),
            lots=names,
        )

    def _tile_no_lot_message(self, group, qty, options, mix, keys=None):
        line = group[:1]
        product = line.product_id
        tmpl = product.product_tmpl_id
        pcs, m2 = tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box
        candidates = [opt for opt in options if keys is None or opt.group in keys]
        best = "; ".join(self._tile_group_text(product, grp) for grp in best_groups(candidates)) or _(
            "no free stock"
        )
        message = _(
            "No single shade group of %(product)s covers %(boxes)s boxes (%(m2)s m²) for %(group)s. "
            "Largest shade groups: %(best)s.",
            product=product.display_name,
            boxes=tile_math.fmt_qty(tile_math.boxes_from_pieces(qty, pcs)),
            m2=tile_math.fmt_qty(tile_math.m2_from_pieces(qty, pcs, m2)),
            group=line._tile_group_label(),
            best=best,
        )
        if keys is not None:
            message += " " + _("A lot chosen by hand fixes the shade group of these lines.")
        if mix:
            message += " " + _(
                "Serving it would mix %(count)s shade groups on one floor; only a user allowed to "
                "override shades can do it, with a reason.",
                count=mix[1],
            )
        else:
            message += " " + _(
                "Even all lots together do not cover it: reduce the quantity or wait for stock."
            )
        return message

    def _tile_hand_lot_message(self, lot, needed, free):
        tmpl = lot.product_id.product_tmpl_id
        return _(
            "Lot %(lot)s, chosen by hand, has %(free)s boxes free but its lines need %(needed)s boxes. "
            "Choose another lot, or clear the lot so that the order chooses one.",
            lot=lot.display_name,
            free=tile_math.fmt_qty(tile_math.boxes_from_pieces(max(free, 0.0), tmpl.tile_pieces_per_box)),
            needed=tile_math.fmt_qty(tile_math.boxes_from_pieces(needed, tmpl.tile_pieces_per_box)),
        )

    def _tile_hand_mix_message(self, group, lots):
        return _(
            "Lots of different shade groups were chosen by hand for %(group)s (%(lots)s): that mixes "
            "shades on one floor. Choose lots of one shade group, or clear the lots so that the order "
            "chooses; only a user allowed to override shades may mix, with a reason.",
            group=group[:1]._tile_group_label(),
            lots=", ".join(lots.mapped("display_name")),
        )

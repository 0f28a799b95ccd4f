from collections import Counter

from markupsafe import Markup, escape

from odoo import _, api, fields, models

from .. import tile_math

# How many past orders, addresses and formats the customer context shows.
CONTEXT_LIMIT = 5


class SaleOrder(models.Model):
    _name = "sale.order"
    # Order lines and rooms typed in the order's form are checked before anything is built.
    _inherit = ["sale.order", "tile.bounds.mixin"]

    tile_room_ids = fields.One2many("tile.room", "order_id", "Rooms", copy=True)
    tile_total_m2 = fields.Float("Total m²", digits=(16, 2), compute="_compute_tile_totals", store=True)
    tile_total_boxes = fields.Float("Total Boxes", digits=(16, 2), compute="_compute_tile_totals", store=True)
    tile_total_pieces = fields.Integer("Total Pieces", compute="_compute_tile_totals", store=True)
    tile_total_weight = fields.Float(
        "Total Weight (kg)", digits=(16, 1), compute="_compute_tile_totals", store=True
    )
    tile_total_pallets = fields.Float(
        "Total Pallets", digits=(16, 2), compute="_compute_tile_totals", store=True
    )
    tile_has_tiles = fields.Boolean(compute="_compute_tile_totals", store=True)

    tile_customer_order_ids = fields.Many2many(
        "sale.order", string="Last Orders of the Customer", compute="_compute_tile_customer_context"
    )
    tile_customer_addresses = fields.Html(
        "Delivery Addresses Used Most", compute="_compute_tile_customer_context", sanitize=False
    )
    tile_customer_formats = fields.Html(
        "Formats and Series Bought Most", compute="_compute_tile_customer_context", sanitize=False
    )

    @api.depends(
        "order_line.tile_m2", "order_line.tile_boxes", "order_line.tile_weight", "order_line.tile_pallets"
    )
    def _compute_tile_totals(self):
        for order in self:
            lines = order.order_line.filtered(lambda sol: sol.tile_is_tile and not sol.display_type)
            order.tile_has_tiles = bool(lines)
            order.tile_total_m2 = sum(lines.mapped("tile_m2"))
            order.tile_total_boxes = sum(lines.mapped("tile_boxes"))
            order.tile_total_pieces = sum(lines.mapped("tile_pieces"))
            order.tile_total_weight = sum(lines.mapped("tile_weight"))
            order.tile_total_pallets = sum(lines.mapped("tile_pallets"))

    def _tile_customer_past_orders(self, limit=None):
        """The customer's earlier confirmed orders, newest first; extend to widen or narrow."""
        self.ensure_one()
        if not self.partner_id:
            return self.browse()
        domain = [
            ("partner_id", "child_of", self.partner_id.commercial_partner_id.id),
            ("state", "=", "sale"),
        ]
        if self._origin.id:
            domain.append(("id", "!=", self._origin.id))
        return self.search(domain, order="date_order desc, id desc", limit=limit)

    @api.depends("partner_id")
    @api.depends_context("lang", "uid")
    def _compute_tile_customer_context(self):
        for order in self:
            past = order._tile_customer_past_orders(limit=50)
            order.tile_customer_order_ids = past[:CONTEXT_LIMIT]
            order.tile_customer_addresses = self._tile_html_list(
                [
                    (
                        partner.display_name,
                        order.env._("1 order") if count == 1 else order.env._("%s orders", count),
                    )
                    for partner, count in order._tile_address_counts(past).most_common(CONTEXT_LIMIT)
                ]
            )
            order.tile_customer_formats = self._tile_html_list(order._tile_customer_formats(past))

    def _tile_customer_formats(self, orders):
        """(format · series, m²) bought most in ``orders``."""
        if not orders:
            return []
        groups = self.env["sale.order.line"]._read_group(
            [("order_id", "in", orders.ids), ("tile_is_tile", "=", True)],
            ["product_id"],
            ["tile_m2:sum"],
        )
        per_key = Counter()
        for product, m2 in groups:
            tmpl = product.product_tmpl_id
            key = " · ".join(filter(None, [tmpl.tile_format, tmpl.tile_series_id.name]))
            per_key[key] += m2
        return [(key, self.env._("%s m²", round(m2, 2))) for key, m2 in per_key.most_common(CONTEXT_LIMIT)]

    @api.model
    def _tile_html_list(self, rows):
        if not rows:
            return False
        items = Markup("").join(
            Markup("<li>%s <span class='text-muted'>(%s)</span></li>") % (escape(label), escape(info))
            for label, info in rows
        )
        return Markup("<ul class='mb-0'>%s</ul>") % items

    @api.model
    def _tile_address_counts(self, orders):
        """Counter {delivery address: number of ``orders`` that used it}."""
        # One entry per order: mapped() would de-duplicate the addresses.
        return Counter(order.partner_shipping_id for order in orders if order.partner_shipping_id)

    def onchange(self, values, field_names, fields_spec):
        # Marks what a person does in the form, as opposed to orders made by import or code.
        return super(SaleOrder, self.with_context(tile_in_form=True)).onchange(
            values, field_names, fields_spec
        )

    @api.depends("partner_id")
    def _compute_partner_shipping_id(self):
        res = super()._compute_partner_shipping_id()
        if not self.env.context.get("tile_in_form"):
            return res
        # In the form, propose the delivery address this customer used most; among
        # equals the most recent (past orders come newest first).
        for order in self.filtered("partner_id"):
            counts = self._tile_address_counts(order._tile_customer_past_orders(limit=50))
            if counts:
                order.partner_shipping_id = counts.most_common(1)[0][0]
        return res

    def _tile_notification(self, message, next_action=None):
        """A client action that says what happened, then goes on with ``next_action``."""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": message,
                # Closing reloads the form the button was clicked on.
                "next": next_action or {"type": "ir.actions.act_window_close"},
            },
        }

    def _tile_confirm_summary(self):
        """What the notice after confirming says, part by part (other tile modules add theirs)."""
        self.ensure_one()
        return [
            _(
                "%(boxes)s boxes, %(m2)s m²",
                boxes=tile_math.fmt_qty(self.tile_total_boxes),
                m2=tile_math.fmt_qty(self.tile_total_m2),
            )
        ]

    def action_confirm(self):
        res = super().action_confirm()
        # Only the order form's Confirm buttons ask for the notice (see the form view):
        # code confirming orders keeps getting what Odoo returns.
        if (
            self.env.context.get("tile_confirm_notice")
            and len(self) == 1
            and self.tile_has_tiles
            and res is True
        ):
            return self._tile_notification(
                _(
                    "%(order)s confirmed: %(summary)s.",
                    order=self.name,
                    summary="; ".join(self._tile_confirm_summary()),
                )
            )
        return res

    def action_tile_takeoff(self):
        """Open the room take-off on this quotation (rooms already there are loaded for editing)."""
        self.ensure_one()
        wizard = self.env["tile.takeoff.wizard"].create(
            self.env["tile.takeoff.wizard"]._values_from_order(self)
        )
        return wizard._action_open()
